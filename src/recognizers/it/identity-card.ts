import type { Recognizer } from '../recognizer.js';

/**
 * Carta d'identità: paper (two letters + 7 digits), CIE 2.0 (7 digits + two letters) and CIE 3.0
 * (two letters + 5 digits + two letters). 0.01 each — context does the work.
 */
export const itIdentityCardRecognizer: Recognizer = {
  id: 'it-identity-card',
  type: 'IT_IDENTITY_CARD',
  pack: 'it',
  patterns: [
    { name: 'Carta d\'identità (paper)', regex: /(?<![\w])[A-Z]{2} ?\d{7}(?![\w])/g, score: 0.01 },
    { name: 'CIE 2.0', regex: /(?<![\w])\d{7}[A-Z]{2}(?![\w])/g, score: 0.01 },
    { name: 'CIE 3.0', regex: /(?<![\w])[A-Z]{2}\d{5}[A-Z]{2}(?![\w])/g, score: 0.01 },
  ],
  context: ['carta d\'identità', 'carta di identità', 'carta identità', 'identità', 'cie', 'documento', 'riconoscimento', 'espatrio'],
};
