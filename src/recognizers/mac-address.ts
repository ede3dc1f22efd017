/**
 * MAC addresses: six hex pairs with `:` or `-` (one kind), or Cisco's three dotted quads. 0.6, as
 * Presidio. The all-zero and broadcast addresses name no device and are dropped.
 */
import type { Recognizer } from './recognizer.js';

// The lookbehind sits after the first character: V8 then prefilters on that character class.
const COLON_OR_DASH = /[0-9A-Fa-f](?<![\w:\-.][0-9A-Fa-f])[0-9A-Fa-f]([:\-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\w]|[:\-.][0-9A-Fa-f])/g;
const CISCO = /[0-9A-Fa-f](?<![\w.:\-][0-9A-Fa-f])[0-9A-Fa-f]{3}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![\w]|[.:\-][0-9A-Fa-f])/g;

export function invalidateMac(value: string): boolean {
  const hex = value.replace(/[^0-9A-Fa-f]/g, '').toLowerCase();
  return hex === '000000000000' || hex === 'ffffffffffff';
}

export const macAddressRecognizer: Recognizer = {
  id: 'mac-address',
  type: 'MAC_ADDRESS',
  pack: 'global',
  patterns: [
    { name: 'MAC (colon or dash)', regex: COLON_OR_DASH, score: 0.6 },
    { name: 'MAC (Cisco dotted)', regex: CISCO, score: 0.6 },
  ],
  context: ['mac', 'mac address', 'hardware address', 'physical address', 'ethernet', 'wifi', 'wi-fi', 'nic', 'device'],
  invalidate: invalidateMac,
};
