/**
 * Payment card numbers: 12–19 digits, bare or grouped with one kind of separator (4-4-4-4,
 * 4-4-4-4-3, Amex 4-6-5, Diners 4-6-4), starting with a known issuer digit. 0.3 → Luhn passes →
 * 1.0; Luhn fails → dropped. All-same digits (which pass Luhn: 0000 0000 0000 0000) are dropped.
 */
import { allSameDigit, digitsOf, luhn } from './checksums.js';
import type { Recognizer } from './recognizer.js';

const L = '(?<![\\w.\\-])';
const R = '(?![\\w]|[.\\-]\\d)';
const re = (source: string) => new RegExp(L + source + R, 'g');
// One pattern per layout, so a 16-digit card followed by more digits ("… 1111 12/25") and a
// 19-digit card are both tried: each pattern matches independently.
const PATTERNS = [
  { name: 'Card 4-4-4-4', regex: re('[1-6]\\d{3}([ \\-])\\d{4}\\1\\d{4}\\1\\d{4}'), score: 0.3 },
  { name: 'Card 4-4-4-4-3', regex: re('[1-6]\\d{3}([ \\-])\\d{4}\\1\\d{4}\\1\\d{4}\\1\\d{3}'), score: 0.3 },
  { name: 'Card 4-6-5 / 4-6-4', regex: re('3\\d{3}([ \\-])\\d{6}\\1\\d{4,5}'), score: 0.3 },
  { name: 'Card (bare)', regex: re('[1-6]\\d{11,18}'), score: 0.3 },
];

/** Issuer prefixes (IIN ranges) of the major networks. */
const ISSUER = /^(?:4|5[1-5]|2[2-7]|3[47]|3[0689]|35|6(?:011|2|4[4-9]|5)|1|50|5[6-9]|6[0-9])/;

export function validateCard(value: string): boolean {
  const digits = digitsOf(value);
  return digits.length >= 12 && digits.length <= 19 && ISSUER.test(digits) && luhn(digits);
}

export const creditCardRecognizer: Recognizer = {
  id: 'credit-card',
  type: 'CREDIT_CARD',
  pack: 'global',
  patterns: PATTERNS,
  context: ['credit', 'card', 'visa', 'mastercard', 'master card', 'amex', 'american express', 'discover', 'jcb', 'diners', 'maestro', 'debit', 'cc', 'payment', 'pan'],
  validate: validateCard,
  invalidate: (value) => allSameDigit(value),
};
