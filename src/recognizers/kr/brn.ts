import { weightedSum } from '../checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from '../recognizer.js';

/**
 * Business Registration Number check digit: weights 1,3,7,1,3,7,1,3,5 over nine digits, plus the
 * tens of the ninth product, (10 − sum mod 10) mod 10.
 */
export function brnCheckDigitMatches(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const ninth = (digits.charCodeAt(8) - 48) * 5;
  const sum = weightedSum(digits, [1, 3, 7, 1, 3, 7, 1, 3]) + ninth + Math.floor(ninth / 10);
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(9) - 48;
}

/** A failing check digit drops the match; a passing one scores 0.7 (one check digit, one number in ten passes). */
export function validateBrn(value: string): boolean {
  return brnCheckDigitMatches(value.replace(/-/g, ''));
}

export const krBrnRecognizer: Recognizer = {
  id: 'kr-brn',
  type: 'KR_BRN',
  pack: 'kr',
  patterns: [
    { name: 'BRN (dashed)', regex: /(?<![\w\-.])\d{3}-\d{2}-\d{5}(?![\w]|[\-.]\d)/g, score: 0.1 },
    { name: 'BRN (bare)', regex: /(?<![\w\-.])\d{10}(?![\w]|[\-.]\d)/g, score: 0.05 },
  ],
  context: ['사업자등록번호', '사업자번호', '사업자', 'brn', 'business registration number', 'korean brn', 'business number', 'tax registration number'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateBrn,
};
