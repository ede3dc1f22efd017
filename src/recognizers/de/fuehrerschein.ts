import type { Recognizer } from '../recognizer.js';

/**
 * Führerscheinnummer (EU card format since 2013): authority code (letter + letter or digit),
 * 3-digit authority number, 5-digit serial, check character whose algorithm is unpublished. 0.35.
 */
export const deFuehrerscheinRecognizer: Recognizer = {
  id: 'de-fuehrerschein',
  type: 'DE_FUEHRERSCHEIN',
  pack: 'de',
  patterns: [{ name: 'Führerscheinnummer', regex: /(?<![\w])[A-Z][A-Z0-9]\d{8}[A-Z0-9](?![\w])/g, score: 0.35 }],
  context: ['führerscheinnummer', 'führerschein', 'fuehrerschein', 'fahrerlaubnis', 'fahrerlaubnisnummer', 'kba', 'driving licence', 'driving license', 'licence number', 'license number'],
};
