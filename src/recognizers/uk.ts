/**
 * United Kingdom (pack `uk`, switched on by `en-GB`): NHS number (mod 11 → 1.0), National
 * Insurance number (prefix rules, 0.5) and postcode (0.35 with the space, 0.1 without).
 */
import { allSameDigit, digitsOf, weightedSum } from './checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from './recognizer.js';

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

export const ukNinoRecognizer: Recognizer = {
  id: 'uk-nino',
  type: 'UK_NINO',
  pack: 'uk',
  patterns: [
    {
      name: 'NINO (medium)',
      regex: /(?<![\w])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]( ?)\d{2}\1\d{2}\1\d{2}\1[A-D](?![\w])/g,
      score: 0.5,
    },
  ],
  context: ['national insurance', 'ni number', 'nino', 'insurance number', 'ni'],
};

const OUTWARD = '(?:[A-PR-UWYZ]\\d{1,2}|[A-PR-UWYZ][A-HK-Y]\\d{1,2}|[A-PR-UWYZ]\\d[A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y]\\d[ABEHMNPRV-Y])';
const INWARD = '\\d[ABD-HJLNP-UW-Z]{2}';

export const ukPostcodeRecognizer: Recognizer = {
  id: 'uk-postcode',
  type: 'UK_POSTCODE',
  pack: 'uk',
  patterns: [
    { name: 'Postcode (spaced)', regex: new RegExp(`(?<![\\w])(?:${OUTWARD} ${INWARD}|GIR 0AA)(?![\\w])`, 'g'), score: 0.35 },
    { name: 'Postcode (compact)', regex: new RegExp(`(?<![\\w])(?:${OUTWARD}${INWARD}|GIR0AA)(?![\\w])`, 'g'), score: 0.1 },
  ],
  context: ['postcode', 'post code', 'postal code', 'address', 'zip'],
};
