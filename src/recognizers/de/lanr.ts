import { weightedSum } from '../checksums.js';
import type { Recognizer } from '../recognizer.js';
import { L, NINE_DIGIT_MEDICAL_SCORE, R } from './shared.js';

/** LANR check digit (7th): weights 4,9,4,9,4,9 over the first six, (10 − sum mod 10) mod 10. */
export function validateLanr(value: string): boolean {
  if (!/^\d{9}$/.test(value) || value === '000000000') return false;
  const sum = weightedSum(value, [4, 9, 4, 9, 4, 9]);
  return (10 - (sum % 10)) % 10 === value.charCodeAt(6) - 48;
}

/**
 * Lebenslange Arztnummer: 6-digit physician id, check digit, 2-digit specialty. 0.1; a passing
 * check digit (one 9-digit number in ten) lifts it only to 0.3, a failing one drops it.
 */
export const deLanrRecognizer: Recognizer = {
  id: 'de-lanr',
  type: 'DE_LANR',
  pack: 'de',
  patterns: [{ name: 'LANR', regex: new RegExp(`${L}\\d{9}${R}`, 'g'), score: 0.1 }],
  context: ['lanr', 'lebenslange arztnummer', 'arztnummer', 'arzt-nr', 'arzt-nummer', 'physician number', 'behandelnder arzt', 'arzt'],
  validatedScore: NINE_DIGIT_MEDICAL_SCORE,
  validate: validateLanr,
};
