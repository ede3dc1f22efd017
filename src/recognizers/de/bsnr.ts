import type { Recognizer, Validation } from '../recognizer.js';
import { L, NINE_DIGIT_MEDICAL_SCORE, R } from './shared.js';

/** KV region codes a BSNR starts with (KBV Arztnummern-Richtlinie). */
const KV_CODES = new Set(['01', '02', '03', '17', '20', '35', '38', '46', '51', '52', '71', '72', '73', '74', '78', '83', '88', '93', '98']);

/** Known KV region → true; other prefixes keep the base score (historic codes exist); all zeros → dropped. */
export function validateBsnr(value: string): Validation {
  if (!/^\d{9}$/.test(value) || value === '000000000') return false;
  return KV_CODES.has(value.slice(0, 2)) ? true : undefined;
}

/** Betriebsstättennummer: 9 digits, no checksum, 0.2; a known KV region lifts it to 0.3 only. */
export const deBsnrRecognizer: Recognizer = {
  id: 'de-bsnr',
  type: 'DE_BSNR',
  pack: 'de',
  patterns: [{ name: 'BSNR', regex: new RegExp(`${L}\\d{9}${R}`, 'g'), score: 0.2 }],
  context: ['betriebsstättennummer', 'bsnr', 'betriebsstätte', 'praxisnummer', 'arztpraxis', 'praxis', 'kassenärztliche vereinigung', 'kv-nummer', 'nebenbetriebsstätte', 'hauptbetriebsstätte'],
  validatedScore: NINE_DIGIT_MEDICAL_SCORE,
  validate: validateBsnr,
};
