import type { Recognizer } from '../recognizer.js';
import { re } from './shared.js';

/** MBI letters: A–Z without S, L, O, I, B, Z (easily misread). */
const MBI_A = '[AC-HJKMNP-RT-Y]';

const MBI_AN = '[0-9AC-HJKMNP-RT-Y]';

/**
 * US_MBI (off by default, as in Presidio): Medicare Beneficiary Identifier, 11 characters
 * C A AN N A AN N A A N N (C = 1–9). Bare 0.3, in its printed 4-3-4 dashed form 0.5. No checksum.
 */
export const usMbiRecognizer: Recognizer = {
  id: 'us-mbi',
  type: 'US_MBI',
  pack: 'us',
  defaultOn: false,
  patterns: [
    { name: 'MBI (dashed)', regex: re(`[1-9]${MBI_A}${MBI_AN}\\d-${MBI_A}${MBI_AN}\\d-${MBI_A}{2}\\d{2}`), score: 0.5 },
    { name: 'MBI (bare)', regex: re(`[1-9]${MBI_A}${MBI_AN}\\d${MBI_A}${MBI_AN}\\d${MBI_A}{2}\\d{2}`), score: 0.3 },
  ],
  context: ['medicare', 'mbi', 'beneficiary', 'cms', 'medicaid', 'hicn', 'medicare number'],
};
