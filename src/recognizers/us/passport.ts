import { allSameDigit } from '../checksums.js';
import type { Recognizer } from '../recognizer.js';
import { re } from './shared.js';

export const usPassportRecognizer: Recognizer = {
  id: 'us-passport',
  type: 'US_PASSPORT',
  pack: 'us',
  patterns: [
    { name: 'Passport (next generation)', regex: re('[A-Z]\\d{8}'), score: 0.1 },
    { name: 'Passport (nine digits)', regex: re('\\d{9}'), score: 0.05 },
  ],
  context: ['us', 'united', 'states', 'passport', 'passport#', 'travel', 'document'],
  invalidate: allSameDigit,
};
