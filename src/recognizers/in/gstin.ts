import type { Recognizer } from '../recognizer.js';

/**
 * State code 01–37 and a PAN-shaped middle (at least three letters in its first five, four
 * digits, a letter) → 1.0, else dropped. As in Presidio the check character is not verified: the
 * fixed `Z` and the embedded PAN already make the shape specific.
 */
export function validateGstin(value: string): boolean {
  const state = Number(value.slice(0, 2));
  const pan = value.slice(2, 12);
  return state >= 1 && state <= 37 && (pan.slice(0, 5).match(/[A-Z]/g) ?? []).length >= 3 && /^\d{4}[A-Z]$/.test(pan.slice(5));
}

/** GSTIN: state code + PAN + entity number + `Z` + check character. Strict PAN letters 0.8, looser 0.4. */
export const inGstinRecognizer: Recognizer = {
  id: 'in-gstin',
  type: 'IN_GSTIN',
  pack: 'in',
  patterns: [
    { name: 'GSTIN (high)', regex: /(?<![\w])(?:0[1-9]|[12]\d|3[0-7])[A-Z]{5}\d{4}[A-Z][0-9A-Z]Z[0-9A-Z](?![\w])/g, score: 0.8 },
    { name: 'GSTIN (medium)', regex: /(?<![\w])(?:0[1-9]|[12]\d|3[0-7])[0-9A-Z]{5}\d{4}[A-Z][0-9A-Z]Z[0-9A-Z](?![\w])/g, score: 0.4 },
  ],
  context: ['gstin', 'gst', 'goods and services tax', 'gst number', 'gst registration', 'tax identification'],
  validate: validateGstin,
};
