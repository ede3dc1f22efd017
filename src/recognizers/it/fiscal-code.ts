import type { Recognizer } from '../recognizer.js';

const D = '[0-9LMNPQRSTUV]';
const FISCAL = new RegExp(`(?<![\\w])[A-Z]{6}${D}{2}[ABCDEHLMPRST]${D}{2}[A-Z]${D}{3}[A-Z](?![\\w])`, 'g');

/** Values of characters in odd (1st, 3rd, …) positions; index 0–9 digits, 10–35 letters A–Z. */
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function index(c: string): number {
  const code = c.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

export function validateFiscalCode(value: string): boolean {
  if (!/^[A-Z0-9]{16}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const k = index(value[i]!);
    sum += i % 2 === 0 ? ODD[k]! : k < 10 ? k : k - 10;
  }
  return String.fromCharCode(65 + (sum % 26)) === value[15];
}

export const itFiscalCodeRecognizer: Recognizer = {
  id: 'it-fiscal-code',
  type: 'IT_FISCAL_CODE',
  pack: 'it',
  patterns: [{ name: 'Fiscal Code', regex: FISCAL, score: 0.3 }],
  context: ['codice fiscale', 'cf', 'fiscale', 'tessera sanitaria'],
  validate: validateFiscalCode,
};
