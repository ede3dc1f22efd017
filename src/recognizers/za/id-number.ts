/**
 * South Africa (pack `za`): ID number YYMMDD SSSS C A Z (13 digits, optionally grouped 6-4-3).
 * 0.3 → 1.0 when the birth date is real, the citizenship digit is 0/1/2 and Luhn holds; dropped
 * otherwise.
 */
import { digitsOf, isValidDate, luhn } from '../checksums.js';
import type { Recognizer } from '../recognizer.js';

export function validateZaId(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 13 || !/^[012]$/.test(d[10]!)) return false;
  const yy = Number(d.slice(0, 2));
  const dated = isValidDate(1900 + yy, Number(d.slice(2, 4)), Number(d.slice(4, 6))) || isValidDate(2000 + yy, Number(d.slice(2, 4)), Number(d.slice(4, 6)));
  return dated && luhn(d);
}

export const zaIdNumberRecognizer: Recognizer = {
  id: 'za-id-number',
  type: 'ZA_ID_NUMBER',
  pack: 'za',
  patterns: [{ name: 'SA ID', regex: /(?<![\w\-.])\d{6}( ?)\d{4}\1\d{3}(?![\w]|[\-.]\d)/g, score: 0.3 }],
  context: ['id number', 'identity number', 'south african id', 'rsa id', 'sa id', 'identity document'],
  validate: validateZaId,
};
