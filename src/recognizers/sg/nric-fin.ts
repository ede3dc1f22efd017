import { weightedSum } from '../checksums.js';
import type { Recognizer, Validation } from '../recognizer.js';

export function validateNric(value: string): Validation {
  const v = value.toUpperCase();
  const series = v[0]!;
  if (!'STFG'.includes(series)) return undefined;
  const offset = series === 'T' || series === 'G' ? 4 : 0;
  const r = (weightedSum(v.slice(1, 8), [2, 7, 6, 5, 4, 3, 2]) + offset) % 11;
  const table = series === 'S' || series === 'T' ? 'JZIHGFEDCBA' : 'XWUTRQPNMLK';
  return table[r] === v[8] ? true : undefined;
}

export const sgNricFinRecognizer: Recognizer = {
  id: 'sg-nric-fin',
  type: 'SG_NRIC_FIN',
  pack: 'sg',
  patterns: [
    { name: 'NRIC/FIN', regex: /(?<![\w])[STFGM]\d{7}[A-Z](?![\w])/g, score: 0.5 },
    { name: 'NRIC/FIN (weak)', regex: /(?<![\w])[A-EH-LN-RU-Z]\d{7}[A-Z](?![\w])/g, score: 0.1 },
  ],
  context: ['fin', 'fin#', 'nric', 'nric#', 'identity card', 'ic'],
  validate: validateNric,
};
