import { icaoCheckDigit } from '../checksums.js';
import type { Recognizer } from '../recognizer.js';

/** ICAO 9303 check digit over the first 8 characters of a 9-character passport number. */
export function validateDePassport(value: string): boolean {
  return icaoCheckDigit(value.slice(0, 8)) === value.charCodeAt(8) - 48;
}

/**
 * Reisepass: 9 characters from the document alphabet, the last one the ICAO 7-3-1 check digit,
 * 0.4 → 1.0 or dropped. Passport serials start with C–K; the Personalausweis letters (L–Y) are
 * left to DE_ID_CARD so the two never claim the same number.
 */
export const dePassportRecognizer: Recognizer = {
  id: 'de-passport',
  type: 'DE_PASSPORT',
  pack: 'de',
  patterns: [{ name: 'Reisepass', regex: /(?<![\w])[CFGHJK][CFGHJKLMNPRTVWXYZ0-9]{7}\d(?![\w])/g, score: 0.4 }],
  context: ['reisepass', 'reisepassnummer', 'passnummer', 'pass-nr', 'passport', 'passport number', 'mrz'],
  validate: validateDePassport,
};
