/**
 * Canada (pack `ca`): postal code, letter-digit-letter digit-letter-digit (`K1A 0B1`). Canada Post
 * never uses D, F, I, O, Q, U, and W, Z never come first. With the usual single space 0.4; written
 * without it 0.1 (many product codes look like that). No check digit: context words decide.
 */
import type { Recognizer } from '../recognizer.js';

const FIRST = '[ABCEGHJ-NPR-TVXY]';
const OTHER = '[ABCEGHJ-NPR-TV-Z]';
const FSA = `${FIRST}\\d${OTHER}`;
const LDU = `\\d${OTHER}\\d`;

export const caPostalCodeRecognizer: Recognizer = {
  id: 'ca-postal-code',
  type: 'CA_POSTAL_CODE',
  pack: 'ca',
  patterns: [
    { name: 'Postal code (spaced)', regex: new RegExp(`(?<![\\w])${FSA} ${LDU}(?![\\w])`, 'g'), score: 0.4 },
    { name: 'Postal code (compact)', regex: new RegExp(`(?<![\\w])${FSA}${LDU}(?![\\w])`, 'g'), score: 0.1 },
  ],
  context: ['postal code', 'postal', 'postcode', 'post code', 'zip', 'zip code', 'address', 'mailing', 'shipping', 'code postal', 'adresse', 'courrier', 'livraison'],
};
