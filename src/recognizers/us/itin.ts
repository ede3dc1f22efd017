import { allSameDigit } from '../checksums.js';
import type { Recognizer } from '../recognizer.js';
import { re } from './shared.js';

export const usItinRecognizer: Recognizer = {
  id: 'us-itin',
  needsDigit: true,
  type: 'US_ITIN',
  pack: 'us',
  patterns: [
    { name: 'ITIN (delimited)', regex: re('9\\d{2}([\\- ])(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-24-9])\\1\\d{4}'), score: 0.5 },
    { name: 'ITIN (bare)', regex: re('9\\d{2}(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-24-9])\\d{4}'), score: 0.3 },
    // One delimiter only (911-701234, 91170-1234): Presidio's very weak tier.
    { name: 'ITIN (half-delimited)', regex: re('(?:9\\d{2}[\\- ](?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-24-9])\\d{4}|9\\d{2}(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-24-9])[\\- ]\\d{4})'), score: 0.05 },
  ],
  context: ['individual', 'taxpayer', 'itin', 'tax', 'payer', 'taxid', 'tin'],
  invalidate: allSameDigit,
};
