import type { Recognizer } from '../recognizer.js';

/** Passport (2015 onwards): two letters + seven digits, 0.1 — context does the work. */
export const ukPassportRecognizer: Recognizer = {
  id: 'uk-passport',
  type: 'UK_PASSPORT',
  pack: 'uk',
  patterns: [{ name: 'Passport', regex: /(?<![\w])[A-Z]{2}\d{7}(?![\w])/g, score: 0.1 }],
  context: ['passport', 'passport number', 'travel document', 'uk passport', 'british passport', 'hm passport', 'hmpo'],
};
