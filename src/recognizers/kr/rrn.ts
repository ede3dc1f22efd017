import { weightedSum } from '../checksums.js';
import type { Recognizer, Validation } from '../recognizer.js';

export function validateRrn(value: string): Validation {
  const d = value.replace('-', '');
  if (!/^\d{13}$/.test(d)) return false;
  const region = Number(d.slice(7, 9));
  const check = (11 - (weightedSum(d, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11)) % 10;
  return region <= 95 && check === Number(d[12]) ? true : undefined;
}

export const krRrnRecognizer: Recognizer = {
  id: 'kr-rrn',
  type: 'KR_RRN',
  pack: 'kr',
  patterns: [
    { name: 'RRN (medium)', regex: /(?<![\w\-.])\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-[1-4]\d{6}(?![\w]|[\-.]\d)/g, score: 0.5 },
    // Presidio scores the dashless form like the dashed one. Other 13-digit ids (ZA, TH) are in
    // other packs, and where both run the stronger check decides (ZA's Luhn + date vs. this one).
    { name: 'RRN (bare)', regex: /(?<![\w\-.])\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[1-4]\d{6}(?![\w]|[\-.]\d)/g, score: 0.5 },
  ],
  context: ['korean rrn', 'resident registration number', 'rrn', 'rrn#', '주민등록번호', '주민번호'],
  validate: validateRrn,
};
