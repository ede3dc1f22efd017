import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('CRYPTO', () => {
  it.each([
    '1BoatSLRHtKNngkdXEeobR76b53LETtpyT', // P2PKH
    '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', // P2SH
    'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', // v0 bech32 (BIP-173)
    'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', // upper case
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', // v1 bech32m (BIP-350)
  ])('finds %s at 1.0 (checksum)', (value) => {
    expect(found(`pay ${value} now`, 'CRYPTO')).toEqual([{ value, score: 1 }]);
  });

  it('keeps an Ethereum address at 0.3, 0.65 with context', () => {
    const eth = '0x52908400098527886E0F7030069857D2E4169EE7';
    expect(found(`x ${eth}`, 'CRYPTO')).toEqual([{ value: eth, score: 0.3 }]);
    expect(found(`wallet ${eth}`, 'CRYPTO')[0]?.score).toBeCloseTo(0.65);
  });

  it.each([
    ['1BoatSLRHtKNngkdXEeobR76b53LETtpyU'], // Base58Check fails
    ['1BoatSLRHtKNngkdXEeobR76b53LETtpy0'], // 0 is not Base58
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5'], // bech32 checksum fails
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kV8f3t4'], // mixed case
    ['bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx'.replace(/x$/, 'y')],
    ['tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx'], // testnet hrp
    ['x1BoatSLRHtKNngkdXEeobR76b53LETtpyT'], // glued
  ])('rejects %j', (text) => {
    expect(values(text, 'CRYPTO')).toEqual([]);
  });
});
