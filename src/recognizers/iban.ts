/**
 * International Bank Account Numbers: country code, two check digits, then up to 30 letters and
 * digits, compact or in groups of four separated by single spaces or hyphens. 0.5 → the length
 * registered for the country and ISO 7064 mod 97 → 1.0; anything else → dropped. As in Presidio, a
 * value that checks out only once upper-cased (typed in lower case) keeps 0.5.
 */
import { ibanMod97 } from './checksums.js';
import { eachMatch } from './matching.js';
import type { Candidate, Recognizer, Validation } from './recognizer.js';

/** IBAN length per country (ISO 13616 registry). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21,
  CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18,
  FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24,
  ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29,
  PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23,
  ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

// Upper case as printed; lower case (typed by hand) is accepted too and validated upper-cased.
// Groups are separated by a space or a hyphen (Presidio accepts both).
const IBAN = /(?<![\w\-])[A-Za-z]{2}\d{2}(?:(?:[ \-]?[A-Za-z0-9]{4}){2,7}(?:[ \-]?[A-Za-z0-9]{1,3})?|[A-Za-z0-9]{11,30})(?![A-Za-z0-9])/g;

/**
 * Regex matches, cut to the country's registered length when the match ran on into a following
 * group ("BE68 5390 0754 7034 2024": the IBAN is the first 16 characters).
 */
export function findIbans(text: string, accept: (c: Candidate) => boolean): void {
  eachMatch(IBAN, text, (m) => {
    const value = m[0];
    const length = IBAN_LENGTHS[value.slice(0, 2).toUpperCase()];
    let end = value.length;
    if (length !== undefined) {
      let count = 0;
      let i = 0;
      for (; i < value.length && count < length; i++) if (value[i] !== ' ' && value[i] !== '-') count++;
      if (count === length && (i === value.length || value[i] === ' ' || value[i] === '-')) end = i;
    }
    accept({ start: m.index, end: m.index + end, score: 0.5, pattern: 'IBAN Generic' });
  });
}

export function validateIban(value: string): Validation {
  const compact = value.replace(/[ \-]/g, '').toUpperCase();
  const length = IBAN_LENGTHS[compact.slice(0, 2)];
  if (length === undefined || compact.length !== length || !ibanMod97(compact)) return false;
  return value === value.toUpperCase() ? true : undefined;
}

export const ibanRecognizer: Recognizer = {
  id: 'iban',
  type: 'IBAN_CODE',
  pack: 'global',
  patterns: [{ name: 'IBAN Generic', regex: IBAN, score: 0.5 }],
  find: findIbans,
  context: ['iban', 'bank', 'account', 'transaction', 'wire', 'transfer', 'sepa', 'konto', 'cuenta', 'compte', 'conto', 'rekening'],
  validate: validateIban,
};
