import { describe, expect, it } from 'vitest';
import {
  allSameDigit, base58Check, bech32Decode, BECH32M_CONST, ibanMod97, icaoCheckDigit, isValidDate, iso7064Mod11_10, luhn, verhoeff,
} from '../../src/recognizers/checksums.js';
import { sha256 } from '../../src/recognizers/sha256.js';

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('sha256 (FIPS 180-4 vectors)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('hashes %j', (input, digest) => {
    expect(hex(sha256(new TextEncoder().encode(input)))).toBe(digest);
  });

  it('agrees with node:crypto on lengths around the 64-byte block edge', async () => {
    const { createHash } = await import('node:crypto');
    for (const n of [55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
      expect(hex(sha256(data))).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });
});

describe('check-digit helpers', () => {
  it('luhn', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('4111111111111112')).toBe(false);
    expect(luhn('')).toBe(false);
    expect(luhn('41x1')).toBe(false);
  });
  it('ibanMod97', () => {
    expect(ibanMod97('GB82WEST12345698765432')).toBe(true);
    expect(ibanMod97('GB82WEST12345698765423')).toBe(false);
    expect(ibanMod97('gb82west12345698765432')).toBe(false);
  });
  it('verhoeff', () => {
    expect(verhoeff('2363')).toBe(true); // Verhoeff's own example: 236 → check 3
    expect(verhoeff('2364')).toBe(false);
  });
  it('iso7064Mod11_10', () => {
    expect(iso7064Mod11_10('86095742719')).toBe(true);
    expect(iso7064Mod11_10('86095742710')).toBe(false);
  });
  it('icaoCheckDigit (ICAO 9303 specimen L898902C3 → 6)', () => {
    expect(icaoCheckDigit('L898902C3')).toBe(6);
  });
  it('base58Check returns the payload only when the double SHA-256 checksum matches', () => {
    expect(base58Check('1BoatSLRHtKNngkdXEeobR76b53LETtpyT')?.[0]).toBe(0);
    expect(base58Check('1BoatSLRHtKNngkdXEeobR76b53LETtpyU')).toBeUndefined();
    expect(base58Check('0OIl')).toBeUndefined();
  });
  it('bech32Decode tells bech32 from bech32m', () => {
    expect(bech32Decode('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0')?.constant).toBe(BECH32M_CONST);
    expect(bech32Decode('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5')).toBeUndefined();
  });
  it('isValidDate knows leap years', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(1900, 2, 29)).toBe(false);
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(2023, 4, 31)).toBe(false);
  });
  it('allSameDigit ignores separators', () => {
    expect(allSameDigit('1111 1111')).toBe(true);
    expect(allSameDigit('1111 1112')).toBe(false);
  });
});
