import { isValidDate, luhn } from '../checksums.js';
import type { Recognizer } from '../recognizer.js';

export function validatePersonnummer(value: string): boolean {
  const digits = value.replace(/[\-+]/g, '');
  if (digits.length === 12 && !/^(?:18|19|20)/.test(digits)) return false;
  const ten = digits.slice(-10);
  if (ten.length !== 10) return false;
  const month = Number(ten.slice(2, 4));
  let day = Number(ten.slice(4, 6));
  if (day > 60) day -= 60;
  const year = digits.length === 12 ? Number(digits.slice(0, 4)) : 2000 + Number(ten.slice(0, 2));
  // Two-digit years: 29 February must exist in one of the two centuries.
  const ok = isValidDate(year, month, day) || (digits.length === 10 && isValidDate(year - 100, month, day));
  return ok && luhn(ten);
}

export const sePersonalNumberRecognizer: Recognizer = {
  id: 'se-personal-number',
  type: 'SE_PERSONAL_NUMBER',
  pack: 'se',
  patterns: [
    { name: 'Personnummer (separated)', regex: /(?<![\w\-+.])(?:\d{2})?\d{6}[\-+]\d{4}(?![\w]|[\-.]\d)/g, score: 0.5 },
    { name: 'Personnummer (bare)', regex: /(?<![\w\-+.])(?:\d{2})?\d{10}(?![\w]|[\-.]\d)/g, score: 0.3 },
  ],
  context: ['personnummer', 'personnr', 'samordningsnummer', 'svenskt personnummer', 'personal identity number'],
  validate: validatePersonnummer,
};
