import { MaskConfigError } from './errors.js';
import type { MaskKey } from './types.js';

/** Smallest HMAC key we accept (128 bits); AES-GCM keys are exactly 256 bits. */
const MIN_HMAC_BYTES = 16;
const AES_BYTES = 32;

/**
 * Checks a key's form without importing it: raw bytes or base64 of the right length, or a CryptoKey
 * of the right algorithm. Messages name the option, never the key.
 */
export function checkKey(input: MaskKey, use: 'hash' | 'encrypt'): void {
  const field = use === 'hash' ? 'hashKey' : 'encryptionKey';
  if (isCryptoKey(input)) {
    const algorithm = input.algorithm.name;
    if (use === 'hash' ? algorithm !== 'HMAC' : algorithm !== 'AES-GCM') {
      throw new MaskConfigError(`${field} is a CryptoKey for ${algorithm}; expected ${use === 'hash' ? 'HMAC' : 'AES-GCM'}`, field);
    }
    return;
  }
  const bytes = keyBytes(input, field);
  if (use === 'hash' && bytes.length < MIN_HMAC_BYTES) {
    throw new MaskConfigError(`${field} must be at least ${MIN_HMAC_BYTES} bytes (got ${bytes.length})`, field);
  }
  if (use === 'encrypt' && bytes.length !== AES_BYTES) {
    throw new MaskConfigError(`${field} must be exactly ${AES_BYTES} bytes for AES-256-GCM (got ${bytes.length})`, field);
  }
}

export async function importHmacKey(input: MaskKey): Promise<CryptoKey> {
  checkKey(input, 'hash');
  if (isCryptoKey(input)) return input;
  return subtle().importKey('raw', keyBytes(input, 'hashKey'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export async function importAesKey(input: MaskKey): Promise<CryptoKey> {
  checkKey(input, 'encrypt');
  if (isCryptoKey(input)) return input;
  return subtle().importKey('raw', keyBytes(input, 'encryptionKey'), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** A fresh random HMAC key that cannot be exported: the per-job key when the caller gave none. */
export async function randomHmacKey(): Promise<CryptoKey> {
  return subtle().importKey('raw', globalThis.crypto.getRandomValues(new Uint8Array(32)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new MaskConfigError('WebCrypto (crypto.subtle) is not available here; HASH and ENCRYPT need it (a secure context in browsers)');
  return s;
}

function isCryptoKey(input: MaskKey): input is CryptoKey {
  return typeof input === 'object' && input !== null && !ArrayBuffer.isView(input) && 'algorithm' in input && 'type' in input;
}

function keyBytes(input: Uint8Array | string, field: string): Uint8Array<ArrayBuffer> {
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer);
  if (typeof input !== 'string') throw new MaskConfigError(`${field} must be bytes, a base64 string or a CryptoKey`, field);
  const bytes = decodeBase64(input);
  if (bytes === undefined) throw new MaskConfigError(`${field} is not valid base64`, field);
  return bytes;
}

/** Standard or URL-safe base64, padding optional; undefined if malformed. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const s = text.trim().replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return undefined;
  const bare = s.replace(/=+$/, '');
  if (bare.length % 4 === 1) return undefined;
  const binary = atob(bare + '='.repeat((4 - (bare.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** URL-safe base64 without padding (fits in a token without escaping). */
export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
