import { checkParamNames } from './params.js';
import { decodeBase64, encodeBase64Url, subtle } from './keys.js';
import type { MaskOperator } from './types.js';

/** Delimiters of an ENCRYPT token: rare in real text, BMP, and outside the base64url alphabet. */
export const ENC_OPEN = '⟦ENC:';
export const ENC_CLOSE = '⟧';
/** Matches one ENCRYPT token; group 1 is base64url(iv ‖ ciphertext ‖ tag). */
export const ENC_TOKEN = /⟦ENC:([A-Za-z0-9_-]{24,})⟧/g;

const IV_BYTES = 12;

/**
 * `ENCRYPT`: AES-256-GCM with a fresh random 96-bit IV per value, written as `⟦ENC:<base64url>⟧`.
 * Reversible with the caller's key (`deanonymize`); GCM's tag means a look-alike token in the
 * original text is never "decrypted" into something else.
 */
export const encrypt: MaskOperator<Record<string, never>> = {
  params: [],
  validate(params) {
    checkParamNames('ENCRYPT', params, encrypt.params);
  },
  async apply(value, _params, { job }) {
    const key = await job.aesKey();
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const sealed = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(value)));
    const out = new Uint8Array(IV_BYTES + sealed.length);
    out.set(iv, 0);
    out.set(sealed, IV_BYTES);
    return `${ENC_OPEN}${encodeBase64Url(out)}${ENC_CLOSE}`;
  },
};

/** The plaintext of one token's payload, or undefined if it does not open under `key`. */
export async function decryptToken(payload: string, key: CryptoKey): Promise<string | undefined> {
  const bytes = decodeBase64(payload);
  if (bytes === undefined || bytes.length < IV_BYTES + 16) return undefined;
  try {
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES) }, key, bytes.subarray(IV_BYTES));
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(plain); // keep a leading U+FEFF: it is part of the value
  } catch {
    return undefined;
  }
}
