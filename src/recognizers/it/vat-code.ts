import { allSameDigit, luhn } from '../checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from '../recognizer.js';

/**
 * Partita IVA: 11 digits, the last a Luhn check digit (office code and serial before it). 0.1 →
 * a pass scores 0.7 (one check digit), a failure is dropped; all zeros are not a number.
 */
export const itVatCodeRecognizer: Recognizer = {
  id: 'it-vat-code',
  type: 'IT_VAT_CODE',
  pack: 'it',
  patterns: [{ name: 'Partita IVA', regex: /(?<![\w\-.])(?:IT ?)?\d{11}(?![\w]|[\-.]\d)/g, score: 0.1 }],
  context: ['partita iva', 'p.iva', 'piva', 'p. iva', 'iva', 'vat', 'vat code', 'codice iva'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: (value) => luhn(value.replace(/^IT ?/, '')),
  invalidate: allSameDigit,
};
