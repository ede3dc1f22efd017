import type { Recognizer } from '../recognizer.js';

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
