import { luhn } from '../checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from '../recognizer.js';
import { L, R } from './shared.js';

/**
 * SARS income tax reference number: 10 digits starting 0, 1, 2, 3 or 9 (VAT numbers start with 4),
 * the last a Luhn check digit. A bare match scores 0.05; a failing check drops it, a pass scores
 * 0.7 (one check digit: one number in ten passes, so context still decides).
 */
export function validateZaIncomeTaxNumber(value: string): boolean {
  return /^[01239]\d{9}$/.test(value) && luhn(value);
}

export const zaIncomeTaxNumberRecognizer: Recognizer = {
  id: 'za-income-tax-number',
  type: 'ZA_INCOME_TAX_NUMBER',
  pack: 'za',
  patterns: [{ name: 'Income tax number', regex: new RegExp(`${L}[01239]\\d{9}${R}`, 'g'), score: 0.05 }],
  context: ['sars', 'tax reference', 'tax reference number', 'income tax', 'tax number', 'itr', 'taxpayer', 'tax registration'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateZaIncomeTaxNumber,
};
