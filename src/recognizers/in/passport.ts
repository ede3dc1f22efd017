import type { Recognizer } from '../recognizer.js';

/** Passport: letter + non-zero digit + digit, optional space, four digits, non-zero digit. 0.1. */
export const inPassportRecognizer: Recognizer = {
  id: 'in-passport',
  type: 'IN_PASSPORT',
  pack: 'in',
  patterns: [{ name: 'Passport', regex: /(?<![\w])[A-Z][1-9]\d ?\d{4}[1-9](?![\w])/g, score: 0.1 }],
  context: ['passport', 'passport number', 'indian passport', 'travel document'],
};
