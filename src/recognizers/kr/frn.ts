import { weightedSum } from '../checksums.js';
import type { Recognizer, Validation } from '../recognizer.js';

/**
 * Foreigner Registration Number: YYMMDD-GHIJKLX like the RRN but G is 5–8. Before October 2020
 * X = (13 − Σ w·d mod 11) mod 10 with the RRN weights → 1.0; newer numbers are random, so a
 * failing check keeps the base 0.5.
 */
export function validateFrn(value: string): Validation {
  const d = value.replace('-', '');
  if (!/^\d{13}$/.test(d)) return false;
  const check = (13 - (weightedSum(d, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11)) % 10;
  return check === Number(d[12]) ? true : undefined;
}

export const krFrnRecognizer: Recognizer = {
  id: 'kr-frn',
  type: 'KR_FRN',
  pack: 'kr',
  patterns: [{ name: 'FRN (medium)', regex: /(?<![\w\-.])\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-?[5-8]\d{6}(?![\w]|[\-.]\d)/g, score: 0.5 }],
  context: ['korean frn', 'frn', 'foreigner registration number', 'korean foreigner registration number', '외국인등록번호', '외국인번호'],
  validate: validateFrn,
};
