import { allSameDigit, digitsOf, weightedSum } from '../checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from '../recognizer.js';

const L = '(?<![\\w\\-.])';
const R = '(?![\\w]|[\\-.]\\d)';

/** Weights 10..1 over the ten digits; the sum must be divisible by 11. */
export function validateNhs(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 10 && weightedSum(d, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0;
}

export const ukNhsRecognizer: Recognizer = {
  id: 'uk-nhs',
  type: 'UK_NHS',
  pack: 'uk',
  patterns: [{ name: 'NHS (medium)', regex: new RegExp(`${L}\\d{3}([\\- ]?)\\d{3}\\1\\d{4}${R}`, 'g'), score: 0.5 }],
  context: ['national health service', 'nhs', 'health services authority', 'health authority', 'patient', 'chi'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateNhs,
  invalidate: allSameDigit,
};
