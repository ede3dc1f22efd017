import type { Recognizer } from '../recognizer.js';

/**
 * Passport number: a letter, 7 digits and a letter (`P1234567A`), or 2 letters and 7 digits
 * (`EB1234567`, the shape of a UK passport too: the packs decide). No check digit, 0.1.
 */
export const phPassportRecognizer: Recognizer = {
  id: 'ph-passport',
  type: 'PH_PASSPORT',
  pack: 'ph',
  patterns: [{ name: 'Passport', regex: /(?<![\w])(?:[A-Z]\d{7}[A-Z]|[A-Z]{2}\d{7})(?![\w])/g, score: 0.1 }],
  context: ['passport', 'passport number', 'travel document', 'philippine passport', 'philippines passport', 'pasaporte', 'dfa'],
};
