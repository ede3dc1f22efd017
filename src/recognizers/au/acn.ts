import { digitsOf, weightedSum } from '../checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from '../recognizer.js';
import { common, re } from './shared.js';

/** ACN: weights 8..1 over 8 digits, check = (10 − sum mod 10) mod 10. */
export function validateAcn(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9) return false;
  return (10 - (weightedSum(d, [8, 7, 6, 5, 4, 3, 2, 1]) % 10)) % 10 === Number(d[8]);
}

export const auAcnRecognizer: Recognizer = {
  ...common,
  id: 'au-acn',
  type: 'AU_ACN',
  patterns: [
    { name: 'ACN (medium)', regex: re('\\d{3} \\d{3} \\d{3}'), score: 0.1 },
    { name: 'ACN (low)', regex: re('\\d{9}'), score: 0.01 },
  ],
  context: ['australian company number', 'acn'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateAcn,
};
