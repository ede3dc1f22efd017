import { icaoCheckDigit } from '../checksums.js';
import type { Recognizer, Validation } from '../recognizer.js';

export function validateDeIdCard(value: string): Validation {
  if (!/\d/.test(value)) return false; // nine consonants are a word, not a document number
  if (value.length === 9) return undefined;
  return icaoCheckDigit(value.slice(0, 9)) === value.charCodeAt(9) - 48;
}

export const deIdCardRecognizer: Recognizer = {
  id: 'de-id-card',
  type: 'DE_ID_CARD',
  pack: 'de',
  patterns: [{ name: 'ID card', regex: /(?<![\w])[LMNPRTVWXY][CFGHJKLMNPRTVWXYZ0-9]{8}\d?(?![\w])/g, score: 0.01 }],
  context: ['personalausweis', 'personalausweisnummer', 'ausweis', 'ausweisnummer', 'identity card', 'id card', 'ausweisdokument'],
  validate: validateDeIdCard,
};
