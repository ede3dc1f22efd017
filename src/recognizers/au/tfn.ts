import { digitsOf, weightedSum } from '../checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from '../recognizer.js';
import { common, re } from './shared.js';

/** TFN: weights 1,4,3,7,5,8,6,9,10, sum divisible by 11. */
export function validateTfn(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 9 && weightedSum(d, [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 === 0;
}

export const auTfnRecognizer: Recognizer = {
  ...common,
  id: 'au-tfn',
  type: 'AU_TFN',
  patterns: [
    { name: 'TFN (medium)', regex: re('\\d{3} \\d{3} \\d{3}'), score: 0.1 },
    { name: 'TFN (low)', regex: re('\\d{9}'), score: 0.01 },
  ],
  context: ['tax file number', 'tfn'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateTfn,
};
