import type { Recognizer } from '../recognizer.js';
import { L, R } from './shared.js';

/** VAT registration number: 10 digits starting with 4, 0.3. No check digit: context decides. */
export const zaVatNumberRecognizer: Recognizer = {
  id: 'za-vat-number',
  type: 'ZA_VAT_NUMBER',
  pack: 'za',
  patterns: [{ name: 'VAT number', regex: new RegExp(`${L}4\\d{9}${R}`, 'g'), score: 0.3 }],
  context: ['vat', 'vat number', 'vat no', 'vat registration', 'vat reg', 'tax invoice', 'sars', 'value added tax'],
};
