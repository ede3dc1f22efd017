import type { Recognizer } from '../recognizer.js';

export const ukNinoRecognizer: Recognizer = {
  id: 'uk-nino',
  type: 'UK_NINO',
  pack: 'uk',
  patterns: [
    {
      name: 'NINO (medium)',
      // Case-insensitive and each space optional on its own ("PR 123612C", "tw987654a"), as Presidio.
      regex: /(?<![\w])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w])/gi,
      score: 0.5,
    },
  ],
  context: ['national insurance', 'ni number', 'nino', 'insurance number', 'ni'],
};
