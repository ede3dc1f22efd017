import { digitsOf, verhoeff } from '../checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from '../recognizer.js';

export function validateAadhaar(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 12 && /^[2-9]/.test(d) && d !== [...d].reverse().join('') && verhoeff(d);
}

export const inAadhaarRecognizer: Recognizer = {
  id: 'in-aadhaar',
  type: 'IN_AADHAAR',
  pack: 'in',
  patterns: [
    { name: 'Aadhaar (grouped)', regex: /(?<![\w\-.:])[2-9]\d{3}([ \-:])\d{4}\1\d{4}(?![\w]|[\-.:]\d)/g, score: 0.3 },
    { name: 'Aadhaar (bare)', regex: /(?<![\w\-.])[2-9]\d{11}(?![\w]|[\-.]\d)/g, score: 0.01 },
  ],
  context: ['aadhaar', 'aadhar', 'uid', 'uidai', 'unique identification'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateAadhaar,
};
