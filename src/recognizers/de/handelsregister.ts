import type { Recognizer } from '../recognizer.js';

/** Handelsregisternummer: HRA (partnerships, sole traders) or HRB (corporations) + 1–6 digits, 0.5. */
export const deHandelsregisterRecognizer: Recognizer = {
  id: 'de-handelsregister',
  type: 'DE_HANDELSREGISTER',
  pack: 'de',
  patterns: [{ name: 'Handelsregisternummer', regex: /(?<![\w])HR[AB] ?\d{1,6}(?![\w])/g, score: 0.5 }],
  context: ['handelsregister', 'handelsregisternummer', 'amtsgericht', 'registergericht', 'registerauszug', 'handelsregistereintrag', 'firma', 'gesellschaft', 'gmbh', 'einzelkaufmann'],
};
