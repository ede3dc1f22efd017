/**
 * Other US identifiers. Weak patterns start below the engine's default threshold (0.3) so they
 * show only with a context word, which is how Presidio expects them to be used; Presidio's
 * driver-licence pattern matched plain words (`INTRODUCTORY`, `A1`, #1063), ours requires digits.
 *
 * - US_ITIN: `9dd-[5-6|7-8|9]d-dddd` groups 50–65, 70–88, 90–92, 94–99; delimited 0.5, bare 0.3.
 * - US_PASSPORT: letter + 8 digits 0.1, nine digits 0.05.
 * - US_DRIVER_LICENSE: one or two letters + 4–14 digits, 0.2; 7–14 bare digits 0.01.
 * - US_BANK_NUMBER: 8–17 bare digits, 0.05.
 * - ABA_ROUTING_NUMBER: nine digits with a 0–3/6–8 prefix, 3-7-1 checksum → 1.0. Off by default:
 *   one random nine-digit number in ten passes that checksum.
 * - MEDICAL_LICENSE: DEA number, 2 letters + 7 digits, 0.4 → check digit → 1.0.
 */
import { allSameDigit, digitsOf, weightedSum } from './checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from './recognizer.js';

const L = '(?<![\\w\\-.])';
const R = '(?![\\w]|[\\-.]\\d)';
const re = (source: string) => new RegExp(L + source + R, 'g');

export const usItinRecognizer: Recognizer = {
  id: 'us-itin',
  type: 'US_ITIN',
  pack: 'us',
  patterns: [
    { name: 'ITIN (delimited)', regex: re('9\\d{2}([\\- ])(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-24-9])\\1\\d{4}'), score: 0.5 },
    { name: 'ITIN (bare)', regex: re('9\\d{2}(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-24-9])\\d{4}'), score: 0.3 },
  ],
  context: ['individual', 'taxpayer', 'itin', 'tax', 'payer', 'taxid', 'tin'],
  invalidate: allSameDigit,
};

export const usPassportRecognizer: Recognizer = {
  id: 'us-passport',
  type: 'US_PASSPORT',
  pack: 'us',
  patterns: [
    { name: 'Passport (next generation)', regex: re('[A-Z]\\d{8}'), score: 0.1 },
    { name: 'Passport (nine digits)', regex: re('\\d{9}'), score: 0.05 },
  ],
  context: ['us', 'united', 'states', 'passport', 'passport#', 'travel', 'document'],
  invalidate: allSameDigit,
};

export const usDriverLicenseRecognizer: Recognizer = {
  id: 'us-driver-license',
  type: 'US_DRIVER_LICENSE',
  pack: 'us',
  patterns: [
    { name: 'Driver License (letters + digits)', regex: re('[A-Z]{1,2}\\d{4,14}'), score: 0.2 },
    { name: 'Driver License (digits)', regex: re('\\d{7,14}'), score: 0.01 },
  ],
  context: ['driver', 'driver\'s', 'license', 'licence', 'permit', 'dl', 'dln', 'lic', 'driving'],
  invalidate: allSameDigit,
};

export const usBankNumberRecognizer: Recognizer = {
  id: 'us-bank-number',
  type: 'US_BANK_NUMBER',
  pack: 'us',
  patterns: [{ name: 'Bank Account (weak)', regex: re('\\d{8,17}'), score: 0.05 }],
  context: ['bank', 'account', 'acct', 'checking', 'saving', 'savings', 'debit', 'deposit'],
  invalidate: allSameDigit,
};

/** ABA 3-7-1 weights: 3(d1+d4+d7) + 7(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
export function validateAba(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 9 && weightedSum(d, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 === 0;
}

export const abaRoutingRecognizer: Recognizer = {
  id: 'aba-routing',
  type: 'ABA_ROUTING_NUMBER',
  pack: 'us',
  defaultOn: false,
  patterns: [
    { name: 'ABA routing number (weak)', regex: re('[0123678]\\d{8}'), score: 0.05 },
    { name: 'ABA routing number (dashed)', regex: re('[0123678]\\d{3}-\\d{4}-\\d'), score: 0.3 },
  ],
  context: ['aba', 'routing', 'abarouting', 'association', 'bankrouting', 'rtn', 'transit'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateAba,
  invalidate: allSameDigit,
};

/**
 * DEA registration number check digit: (d1+d3+d5) + 2(d2+d4+d6), last digit = 7th digit.
 */
export function validateDea(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 7) return false;
  const n = (i: number) => d.charCodeAt(i) - 48;
  return (n(0) + n(2) + n(4) + 2 * (n(1) + n(3) + n(5))) % 10 === n(6);
}

export const medicalLicenseRecognizer: Recognizer = {
  id: 'medical-license',
  type: 'MEDICAL_LICENSE',
  pack: 'us',
  patterns: [{ name: 'DEA number', regex: re('[ABCDEFGHJKLMPRSTUX][A-Z9]\\d{7}'), score: 0.4 }],
  context: ['medical', 'certificate', 'dea', 'license', 'licence', 'registration', 'prescriber'],
  validate: validateDea,
};
