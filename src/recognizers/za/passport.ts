import type { Recognizer } from '../recognizer.js';

/** Passport number: A, D, M or T and 8 digits (`A12345678`), 0.2. No check digit. */
export const zaPassportRecognizer: Recognizer = {
  id: 'za-passport',
  type: 'ZA_PASSPORT',
  pack: 'za',
  patterns: [{ name: 'Passport', regex: /(?<![\w])[ADMT]\d{8}(?![\w])/g, score: 0.2 }],
  context: ['passport', 'passport number', 'passport no', 'travel document', 'dha', 'home affairs', 'south african passport', 'rsa passport'],
};
