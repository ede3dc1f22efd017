/**
 * Thailand (pack `th`): Thai National ID Number, 13 digits, the first 1–8 (person category), the
 * second never 0 and digits 2–3 not an unused province code (28, 29, 59, …). The last digit is (11 − Σ dᵢ·(13 − i) mod 11) mod 10 over the first twelve. Bare or grouped
 * 1-2345-67890-12-3, 0.5; a pass scores 0.7 (one check digit over digits only: same-shaped ids of
 * other countries stay distinguishable by context), a failure is dropped.
 */
import { digitsOf, weightedSum } from '../checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from '../recognizer.js';

/** Digits 2–3 (province of registration) that are never issued. */
const UNUSED_PROVINCES = new Set(['28', '29', '59', '68', '69', '78', '79', '87', '88', '89', '97', '98', '99']);

export function validateTnin(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[1-8][1-9]\d{11}$/.test(d) || UNUSED_PROVINCES.has(d.slice(1, 3))) return false;
  const sum = weightedSum(d, [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return (11 - (sum % 11)) % 10 === d.charCodeAt(12) - 48;
}

export const thTninRecognizer: Recognizer = {
  id: 'th-tnin',
  type: 'TH_TNIN',
  pack: 'th',
  patterns: [
    { name: 'TNIN (grouped)', regex: /(?<![\w\-.])[1-8]([\- ])\d{4}\1\d{5}\1\d{2}\1\d(?![\w]|[\-.]\d)/g, score: 0.5 },
    { name: 'TNIN (bare)', regex: /(?<![\w\-.])[1-8]\d{12}(?![\w]|[\-.]\d)/g, score: 0.5 },
  ],
  context: ['thai national id', 'thai id number', 'national id', 'tnin', 'thai id', 'id card', 'เลขประจำตัวประชาชน', 'บัตรประชาชน', 'เลขบัตรประชาชน', 'รหัสปชช'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateTnin,
};
