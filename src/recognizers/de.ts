/**
 * Germany (pack `de`): Steuer-IdNr (11 digits, digit-occurrence rule + ISO 7064 mod 11,10;
 * grouped 0.3, bare 0.01 → 1.0 or dropped) and Personalausweis number (9 characters from the
 * document alphabet, 0.01 — context does the work; with its ICAO 7-3-1 check digit appended,
 * 10 characters → 1.0 or dropped).
 */
import { icaoCheckDigit, iso7064Mod11_10 } from './checksums.js';
import type { Recognizer, Validation } from './recognizer.js';

export function validateDeTaxId(value: string): boolean {
  const d = value.replace(/[ \-]/g, '');
  if (!/^[1-9]\d{10}$/.test(d)) return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[d.charCodeAt(i) - 48]!++;
  // Exactly one digit repeats (twice or three times) among the first ten.
  if (counts.filter((c) => c >= 2).length !== 1 || counts.some((c) => c > 3)) return false;
  return iso7064Mod11_10(d);
}

export const deTaxIdRecognizer: Recognizer = {
  id: 'de-tax-id',
  type: 'DE_TAX_ID',
  pack: 'de',
  patterns: [
    { name: 'Tax ID (grouped)', regex: /(?<![\w\-.])\d{2} \d{3} \d{3} \d{3}(?![\w]|[\-.]\d)/g, score: 0.3 },
    { name: 'Tax ID (bare)', regex: /(?<![\w\-.])\d{11}(?![\w]|[\-.]\d)/g, score: 0.01 },
  ],
  context: ['steuer-id', 'steueridentifikationsnummer', 'steuerliche identifikationsnummer', 'steuer-idnr', 'steuerid', 'idnr', 'tax id', 'identifikationsnummer', 'finanzamt'],
  validate: validateDeTaxId,
};

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
