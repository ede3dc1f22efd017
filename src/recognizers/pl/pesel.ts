/**
 * Poland (pack `pl`): PESEL, 11 digits YYMMDDZZZXQ; the month carries the century (+80 for the
 * 1800s, +0, +20, +40, +60), weights 1,3,7,9,1,3,7,9,1,3 and (10 − sum mod 10) mod 10 = last digit.
 * 0.4 → 1.0 when date and checksum hold, dropped otherwise.
 */
import { isValidDate, weightedSum } from '../checksums.js';
import type { Recognizer } from '../recognizer.js';

export function validatePesel(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const yy = Number(value.slice(0, 2));
  const mm = Number(value.slice(2, 4));
  const dd = Number(value.slice(4, 6));
  const century = mm > 80 ? 1800 : mm > 60 ? 2200 : mm > 40 ? 2100 : mm > 20 ? 2000 : 1900;
  if (!isValidDate(century + yy, mm % 20, dd)) return false;
  const check = (10 - (weightedSum(value, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10;
  return check === value.charCodeAt(10) - 48;
}

export const plPeselRecognizer: Recognizer = {
  id: 'pl-pesel',
  type: 'PL_PESEL',
  pack: 'pl',
  patterns: [{ name: 'PESEL', regex: /(?<![\w\-.])\d{11}(?![\w]|[\-.]\d)/g, score: 0.4 }],
  context: ['pesel', 'numer', 'identyfikacyjny', 'ewidencyjny'],
  validate: validatePesel,
};
