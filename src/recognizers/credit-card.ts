/**
 * Payment card numbers: 13–19 digits, bare or grouped with one kind of separator (4-4-4-4,
 * 4-4-4-4-3, Amex 4-6-5, Diners 4-6-4), starting with a known issuer digit. 0.3 → Luhn passes →
 * 1.0; Luhn fails → dropped. All-same digits (which pass Luhn: 0000 0000 0000 0000) are dropped.
 */
import { allSameDigit, digitsOf, luhn } from './checksums.js';
import type { Recognizer } from './recognizer.js';

const L = '(?<![\\w.\\-])';
const R = '(?![\\w]|[.\\-]\\d)';
const re = (source: string) => new RegExp(L + source + R, 'g');
// One pattern per layout, so a 16-digit card followed by more digits ("… 1111 12/25") and a
// 19-digit card are both tried: each pattern matches independently.
const PATTERNS = [
  { name: 'Card 4-4-4-4', regex: re('[1-6]\\d{3}([ \\-])\\d{4}\\1\\d{4}\\1\\d{4}'), score: 0.3 },
  { name: 'Card 4-4-4-4-3', regex: re('[1-6]\\d{3}([ \\-])\\d{4}\\1\\d{4}\\1\\d{4}\\1\\d{3}'), score: 0.3 },
  { name: 'Card 4-6-5 / 4-6-4', regex: re('3\\d{3}([ \\-])\\d{6}\\1\\d{4,5}'), score: 0.3 },
  { name: 'Card (bare)', regex: re('[1-6]\\d{12,18}'), score: 0.3 },
];

/**
 * Issuer prefixes (IIN ranges) with the lengths each network issues, so a 13-digit national id
 * that happens to pass Luhn is not read as a card: Visa 13/16/19, Mastercard 16, Amex 15,
 * Diners 14–19, JCB/Discover/UnionPay/Maestro 16–19, UATP 15.
 */
const ISSUERS: ReadonlyArray<readonly [RegExp, number, number]> = [
  [/^4/, 13, 19],
  [/^(?:5[1-5]|222[1-9]|22[3-9]|2[3-6]|27[01]|2720)/, 16, 16],
  [/^3[47]/, 15, 15],
  [/^3(?:0[0-5]|[689])/, 14, 19],
  [/^(?:35|6011|64[4-9]|65|62|5[06-9]|6[0-9])/, 16, 19],
  [/^1/, 15, 15],
];

export function validateCard(value: string): boolean {
  const digits = digitsOf(value);
  const issuer = ISSUERS.find(([prefix]) => prefix.test(digits));
  if (issuer === undefined || digits.length < issuer[1] || digits.length > issuer[2]) return false;
  if (issuer[0].source === '^4' && digits.length !== 13 && digits.length !== 16 && digits.length !== 19) return false;
  return luhn(digits);
}

export const creditCardRecognizer: Recognizer = {
  id: 'credit-card',
  needsDigit: true,
  type: 'CREDIT_CARD',
  pack: 'global',
  patterns: PATTERNS,
  context: ['credit', 'card', 'visa', 'mastercard', 'master card', 'amex', 'american express', 'discover', 'jcb', 'diners', 'maestro', 'debit', 'cc', 'payment', 'pan'],
  validate: validateCard,
  invalidate: (value) => allSameDigit(value),
};
