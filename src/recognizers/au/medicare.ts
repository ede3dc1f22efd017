import { digitsOf, weightedSum } from '../checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from '../recognizer.js';
import { common, re } from './shared.js';

/** Medicare: first digit 2–6, weights 1,3,7,9,1,3,7,9 over 8 digits, sum mod 10 = 9th digit. */
export function validateMedicare(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 10 && /^[2-6]/.test(d) && weightedSum(d, [1, 3, 7, 9, 1, 3, 7, 9]) % 10 === Number(d[8]);
}

export const auMedicareRecognizer: Recognizer = {
  ...common,
  id: 'au-medicare',
  type: 'AU_MEDICARE',
  patterns: [
    { name: 'Medicare (medium)', regex: re('[2-6]\\d{3} \\d{5} \\d'), score: 0.1 },
    { name: 'Medicare (low)', regex: re('[2-6]\\d{9}'), score: 0.01 },
  ],
  context: ['medicare'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateMedicare,
};
