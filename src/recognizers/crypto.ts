/**
 * Cryptocurrency wallet addresses. Bitcoin legacy/P2SH (Base58Check, version 0x00/0x05) and
 * SegWit (bech32 for v0, bech32m for v1+, BIP-173/350): 0.5 → checksum passes → 1.0, fails →
 * dropped. Ethereum `0x` + 40 hex: 0.3, not validated (EIP-55 needs Keccak-256; context lifts it).
 */
import { base58Check, bech32Decode, BECH32_CONST, BECH32M_CONST, convertBits } from './checksums.js';
import type { Recognizer, Validation } from './recognizer.js';

const BTC_BASE58 = /(?<![\w])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![\w])/g;
const BTC_BECH32 = /(?<![\w])(?:bc1[02-9ac-hj-np-z]{6,87}|BC1[02-9AC-HJ-NP-Z]{6,87})(?![\w])/g;
const ETH = /(?<![\w])0x[0-9a-fA-F]{40}(?![\w])/g;

function validateBase58(value: string): boolean {
  const payload = base58Check(value);
  return payload !== undefined && payload.length === 21 && (payload[0] === 0x00 || payload[0] === 0x05);
}

function validateSegwit(value: string): boolean {
  const decoded = bech32Decode(value);
  if (decoded === undefined || decoded.hrp !== 'bc' || decoded.data.length < 1) return false;
  const version = decoded.data[0]!;
  if (version > 16) return false;
  const program = convertBits(decoded.data.slice(1), 5, 8);
  if (program === undefined || program.length < 2 || program.length > 40) return false;
  if (version === 0) return decoded.constant === BECH32_CONST && (program.length === 20 || program.length === 32);
  return decoded.constant === BECH32M_CONST;
}

export function validateCrypto(value: string, pattern: string): Validation {
  if (pattern === 'Bitcoin (Base58Check)') return validateBase58(value);
  if (pattern === 'Bitcoin (bech32)') return validateSegwit(value);
  return undefined;
}

export const cryptoRecognizer: Recognizer = {
  id: 'crypto',
  type: 'CRYPTO',
  pack: 'global',
  patterns: [
    { name: 'Bitcoin (Base58Check)', regex: BTC_BASE58, score: 0.5 },
    { name: 'Bitcoin (bech32)', regex: BTC_BECH32, score: 0.5 },
    { name: 'Ethereum', regex: ETH, score: 0.3 },
  ],
  context: ['wallet', 'btc', 'bitcoin', 'crypto', 'eth', 'ethereum', 'address', 'send', 'receive'],
  validate: validateCrypto,
};
