import type { Recognizer } from '../recognizer.js';

export const inPanRecognizer: Recognizer = {
  id: 'in-pan',
  type: 'IN_PAN',
  pack: 'in',
  patterns: [{ name: 'PAN (high)', regex: /(?<![\w])[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z](?![\w])/g, score: 0.5 }],
  context: ['permanent account number', 'pan', 'income tax'],
};
