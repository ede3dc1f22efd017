import { allSameDigit, digitsOf } from '../checksums.js';
import type { Recognizer } from '../recognizer.js';

const DELIMITED = /(?<![\w\-.])\d{3}([\- .])\d{2}\1\d{4}(?![\w]|[\-.]\d)/g;
const BARE = /(?<![\w\-.])\d{9}(?![\w]|[\-.]\d)/g;

/** Published sample numbers (Woolworth's wallet card, advertising, documentation). */
const SAMPLES = new Set(['078051120', '219099999', '123456789', '457555462', '111223333']);

export function invalidateSsn(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9 || allSameDigit(d) || SAMPLES.has(d)) return true;
  const area = d.slice(0, 3);
  return area === '000' || area === '666' || area[0] === '9' || d.slice(3, 5) === '00' || d.slice(5) === '0000';
}

export const usSsnRecognizer: Recognizer = {
  id: 'us-ssn',
  needsDigit: true,
  type: 'US_SSN',
  pack: 'us',
  patterns: [
    { name: 'SSN (delimited)', regex: DELIMITED, score: 0.5 },
    { name: 'SSN (bare)', regex: BARE, score: 0.05 },
  ],
  context: ['social', 'security', 'ssn', 'ssns', 'ssn#', 'ss#', 'ssid', 'social security number'],
  invalidate: invalidateSsn,
};
