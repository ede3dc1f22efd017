/**
 * Canada (pack `ca`): Social Insurance Number, 9 digits grouped 3-3-3 (0.5) or bare (0.05). As in
 * Presidio the Luhn check only invalidates (a failing number is dropped) and does not lift the
 * score: one random 9-digit number in ten passes it. SINs never start with 0 or 8.
 */
import { allSameDigit, digitsOf, luhn } from '../checksums.js';
import type { Recognizer } from '../recognizer.js';

export function invalidateSin(value: string): boolean {
  const d = digitsOf(value);
  return d.length !== 9 || d[0] === '0' || d[0] === '8' || allSameDigit(d) || !luhn(d);
}

export const caSinRecognizer: Recognizer = {
  id: 'ca-sin',
  type: 'CA_SIN',
  pack: 'ca',
  patterns: [
    { name: 'SIN (grouped)', regex: /(?<![\w\-.])\d{3}([\- ])\d{3}\1\d{3}(?![\w]|[\-.]\d)/g, score: 0.5 },
    { name: 'SIN (bare)', regex: /(?<![\w\-.])\d{9}(?![\w]|[\-.]\d)/g, score: 0.05 },
  ],
  context: ['social insurance number', 'sin', 'numéro d\'assurance sociale', 'nas', 'insurance'],
  invalidate: invalidateSin,
};
