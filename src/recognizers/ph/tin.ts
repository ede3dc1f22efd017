import { digitsOf, weightedSum } from '../checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from '../recognizer.js';

export function validatePhTin(value: string): boolean {
  const d = digitsOf(value);
  return (d.length === 9 || d.length === 12) && weightedSum(d, [9, 8, 7, 6, 5, 4, 3, 2]) % 11 === d.charCodeAt(8) - 48;
}

export const phTinRecognizer: Recognizer = {
  id: 'ph-tin',
  type: 'PH_TIN',
  pack: 'ph',
  patterns: [
    { name: 'TIN (dashed)', regex: /(?<![\w\-.])\d{3}-\d{3}-\d{3}(?:-\d{3})?(?![\w]|[\-.]\d)/g, score: 0.6 },
    { name: 'TIN (bare)', regex: /(?<![\w\-.])(?:\d{9}|\d{12})(?![\w]|[\-.]\d)/g, score: 0.3 },
  ],
  context: ['tin', 'taxpayer identification number', 'bir', 'taxpayer id', 'tax id', 'rdo', 'revenue district office'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validatePhTin,
};
