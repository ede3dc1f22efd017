import { iso7064Mod11_10 } from '../checksums.js';
import type { Recognizer, Validation } from '../recognizer.js';

/**
 * USt-IdNr: "DE" + 9 digits, the last conventionally an ISO 7064 MOD 11,10 check digit → 1.0. The
 * BZSt does not publish that algorithm, so (as Presidio's default, non-strict mode) a mismatch
 * keeps the base score instead of dropping the number.
 */
export function validateDeVatId(value: string): Validation {
  const digits = value.slice(2).replace(/[ \-.]/g, '');
  if (!/^\d{9}$/.test(digits)) return false;
  return iso7064Mod11_10(digits) ? true : undefined;
}

/** "DE" + 9 digits, compact or split 3-3-3 by spaces, hyphens or dots as printed on invoices. 0.5. */
export const deVatIdRecognizer: Recognizer = {
  id: 'de-vat-id',
  type: 'DE_VAT_ID',
  pack: 'de',
  patterns: [{ name: 'USt-IdNr', regex: /(?<![\w])DE[ \-.]?\d{3}[ \-.]?\d{3}[ \-.]?\d{3}(?![\w]|[\-.]\d)/g, score: 0.5 }],
  context: ['umsatzsteuer-identifikationsnummer', 'umsatzsteueridentifikationsnummer', 'ust-idnr', 'ust-id', 'ustidnr', 'umsatzsteuer-id', 'vat', 'vat id', 'vat-id', 'bzst', 'rechnung', 'invoice'],
  validate: validateDeVatId,
};
