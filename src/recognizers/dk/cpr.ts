/**
 * Denmark (pack `dk`): CPR number (personnummer), DDMMYY-SSSS, 10 digits. Dashed 0.5, bare 0.3.
 * The first sequence digit and the 2-digit year give the birth century; a date that does not exist
 * drops the match. The old modulus-11 check (weights 4,3,2,7,6,5,4,3,2,1) lifts a pass to 1.0, but
 * a miss keeps the base score: numbers issued since 2007 need not satisfy it.
 */
import { digitsOf, isValidDate, weightedSum } from '../checksums.js';
import type { Recognizer, Validation } from '../recognizer.js';

/** Four-digit birth year from the 2-digit year and the first digit of the sequence number. */
export function cprBirthYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

export function validateDkCpr(value: string): Validation {
  const d = digitsOf(value);
  if (d.length !== 10) return false;
  const year = cprBirthYear(Number(d.slice(4, 6)), d.charCodeAt(6) - 48);
  if (!isValidDate(year, Number(d.slice(2, 4)), Number(d.slice(0, 2)))) return false;
  return weightedSum(d, [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0 ? true : undefined;
}

export const dkCprRecognizer: Recognizer = {
  id: 'dk-cpr',
  type: 'DK_CPR_NUMBER',
  pack: 'dk',
  patterns: [
    { name: 'CPR (dashed)', regex: /(?<![\w\-.])\d{6}-\d{4}(?![\w]|[\-.]\d)/g, score: 0.5 },
    { name: 'CPR (bare)', regex: /(?<![\w\-.])\d{10}(?![\w]|[\-.]\d)/g, score: 0.3 },
  ],
  context: ['cpr', 'cpr-nummer', 'cpr-nr', 'cpr nr', 'cpr number', 'personnummer', 'personnr', 'civil registration number', 'central person register'],
  validate: validateDkCpr,
};
