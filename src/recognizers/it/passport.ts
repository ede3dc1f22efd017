import type { Recognizer } from '../recognizer.js';

/** Passaporto: two letters + seven digits, 0.01 — the shape of many documents, context does the work. */
export const itPassportRecognizer: Recognizer = {
  id: 'it-passport',
  type: 'IT_PASSPORT',
  pack: 'it',
  patterns: [{ name: 'Passaporto', regex: /(?<![\w])[A-Z]{2}\d{7}(?![\w])/g, score: 0.01 }],
  context: ['passaporto', 'passaporti', 'elettronico', 'repubblica italiana', 'passport'],
};
