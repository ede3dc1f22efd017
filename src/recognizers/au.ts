/**
 * Australia (pack `au`): ABN, ACN, TFN and Medicare numbers, each with its weighted checksum.
 * Grouped as printed 0.1, bare 0.01 (Presidio's scores); checksum passes → 1.0, fails → dropped.
 */
import { allSameDigit, digitsOf, weightedSum } from './checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from './recognizer.js';

const L = '(?<![\\w\\-.])';
const R = '(?![\\w]|[\\-.]\\d)';
const re = (source: string) => new RegExp(L + source + R, 'g');

/** ABN: subtract 1 from the first digit, weights 10,1,3,…,19, sum divisible by 89. */
export function validateAbn(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || d[0] === '0') return false;
  const first = String(Number(d[0]) - 1);
  return weightedSum(first + d.slice(1), [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]) % 89 === 0;
}

/** ACN: weights 8..1 over 8 digits, check = (10 − sum mod 10) mod 10. */
export function validateAcn(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9) return false;
  return (10 - (weightedSum(d, [8, 7, 6, 5, 4, 3, 2, 1]) % 10)) % 10 === Number(d[8]);
}

/** TFN: weights 1,4,3,7,5,8,6,9,10, sum divisible by 11. */
export function validateTfn(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 9 && weightedSum(d, [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 === 0;
}

/** Medicare: first digit 2–6, weights 1,3,7,9,1,3,7,9 over 8 digits, sum mod 10 = 9th digit. */
export function validateMedicare(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 10 && /^[2-6]/.test(d) && weightedSum(d, [1, 3, 7, 9, 1, 3, 7, 9]) % 10 === Number(d[8]);
}

const common = { pack: 'au' as const, invalidate: (v: string) => allSameDigit(v) };

export const auAbnRecognizer: Recognizer = {
  ...common,
  id: 'au-abn',
  type: 'AU_ABN',
  patterns: [
    { name: 'ABN (medium)', regex: re('\\d{2} \\d{3} \\d{3} \\d{3}'), score: 0.1 },
    { name: 'ABN (low)', regex: re('\\d{11}'), score: 0.01 },
  ],
  context: ['australian business number', 'abn'],
  validate: validateAbn,
};

export const auAcnRecognizer: Recognizer = {
  ...common,
  id: 'au-acn',
  type: 'AU_ACN',
  patterns: [
    { name: 'ACN (medium)', regex: re('\\d{3} \\d{3} \\d{3}'), score: 0.1 },
    { name: 'ACN (low)', regex: re('\\d{9}'), score: 0.01 },
  ],
  context: ['australian company number', 'acn'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateAcn,
};

export const auTfnRecognizer: Recognizer = {
  ...common,
  id: 'au-tfn',
  type: 'AU_TFN',
  patterns: [
    { name: 'TFN (medium)', regex: re('\\d{3} \\d{3} \\d{3}'), score: 0.1 },
    { name: 'TFN (low)', regex: re('\\d{9}'), score: 0.01 },
  ],
  context: ['tax file number', 'tfn'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateTfn,
};

export const auMedicareRecognizer: Recognizer = {
  ...common,
  id: 'au-medicare',
  type: 'AU_MEDICARE',
  patterns: [
    { name: 'Medicare (medium)', regex: re('[2-6]\\d{3} \\d{5} \\d'), score: 0.1 },
    { name: 'Medicare (low)', regex: re('[2-6]\\d{9}'), score: 0.01 },
  ],
  context: ['medicare'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateMedicare,
};
