import { allSameDigit, digitsOf, luhn } from '../checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from '../recognizer.js';
import { re } from './shared.js';

/** NPI: Luhn over the number prefixed with 80840 (the ISO health-industry issuer prefix). */
export function validateNpi(value: string): boolean {
  const d = digitsOf(value);
  return /^[12]\d{9}$/.test(d) && luhn(`80840${d}`);
}

/**
 * US_NPI (off by default, as in Presidio): National Provider Identifier, 10 digits starting 1 or
 * 2; grouped 4-3-3 0.4, bare 0.1; the Luhn check lifts a pass to 0.7 (one check digit) and drops
 * a failure; a body of one repeated digit (1111111112) is dropped.
 */
export const usNpiRecognizer: Recognizer = {
  id: 'us-npi',
  type: 'US_NPI',
  pack: 'us',
  defaultOn: false,
  patterns: [
    { name: 'NPI (grouped)', regex: re('[12]\\d{3}([\\- ])\\d{3}\\1\\d{3}'), score: 0.4 },
    { name: 'NPI (bare)', regex: re('[12]\\d{9}'), score: 0.1 },
  ],
  context: ['npi', 'national provider', 'national provider identifier', 'provider', 'provider id', 'provider identifier', 'nppes', 'taxonomy'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateNpi,
  invalidate: (value) => allSameDigit(digitsOf(value).slice(0, 9)),
};
