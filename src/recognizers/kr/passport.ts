import type { Recognizer } from '../recognizer.js';

/**
 * Passport number: M, S, R, O or D, then 3 digits, a letter and 4 digits (current, 0.1) or 8
 * digits (before 2021, 0.05). No check digit: the context word does the work (Presidio's scores).
 */
export const krPassportRecognizer: Recognizer = {
  id: 'kr-passport',
  type: 'KR_PASSPORT',
  pack: 'kr',
  patterns: [
    { name: 'Passport (current)', regex: /(?<![\w])[MSROD]\d{3}[A-Z]\d{4}(?![\w])/gi, score: 0.1 },
    { name: 'Passport (previous)', regex: /(?<![\w])[MSROD]\d{8}(?![\w])/gi, score: 0.05 },
  ],
  context: ['korean passport', 'korean passport number', '대한민국 여권', '여권', 'passport', 'passport number'],
};
