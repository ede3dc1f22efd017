import { digitsOf, weightedSum } from '../checksums.js';
import type { Recognizer } from '../recognizer.js';
import { common, re } from './shared.js';

/** ABN: subtract 1 from the first digit, weights 10,1,3,…,19, sum divisible by 89. */
export function validateAbn(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || d[0] === '0') return false;
  const first = String(Number(d[0]) - 1);
  return weightedSum(first + d.slice(1), [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]) % 89 === 0;
}

export const auAbnRecognizer: Recognizer = {
  ...common,
  id: 'au-abn',
  type: 'AU_ABN',
  patterns: [
    { name: 'ABN (medium)', regex: re('\\d{2} \\d{3} \\d{3} \\d{3}'), score: 0.1 },
    { name: 'ABN (low)', regex: re('\\d{11}'), score: 0.01 },
  ],
  context: ['australian business number', 'abn'],
  validate: validateAbn,
};
