/**
 * India (pack `in`): Aadhaar (12 digits, first 2–9, Verhoeff → 1.0, failing or palindromic →
 * dropped; grouped 4-4-4 0.3, bare 0.01) and PAN (5 letters with a holder-type 4th letter,
 * 4 digits, 1 letter; 0.5, no checksum exists).
 */
import { digitsOf, verhoeff } from './checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from './recognizer.js';

export function validateAadhaar(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 12 && /^[2-9]/.test(d) && d !== [...d].reverse().join('') && verhoeff(d);
}

export const inAadhaarRecognizer: Recognizer = {
  id: 'in-aadhaar',
  type: 'IN_AADHAAR',
  pack: 'in',
  patterns: [
    { name: 'Aadhaar (grouped)', regex: /(?<![\w\-.])[2-9]\d{3}([ \-])\d{4}\1\d{4}(?![\w]|[\-.]\d)/g, score: 0.3 },
    { name: 'Aadhaar (bare)', regex: /(?<![\w\-.])[2-9]\d{11}(?![\w]|[\-.]\d)/g, score: 0.01 },
  ],
  context: ['aadhaar', 'aadhar', 'uid', 'uidai', 'unique identification'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateAadhaar,
};

export const inPanRecognizer: Recognizer = {
  id: 'in-pan',
  type: 'IN_PAN',
  pack: 'in',
  patterns: [{ name: 'PAN (high)', regex: /(?<![\w])[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z](?![\w])/g, score: 0.5 }],
  context: ['permanent account number', 'pan', 'income tax'],
};
