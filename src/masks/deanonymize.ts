import { decryptToken, ENC_TOKEN } from './encrypt.js';
import { importAesKey } from './keys.js';
import { PSEUDONYM_TOKEN } from './pseudonymize.js';
import type { MaskKey, PseudonymMap } from './types.js';

export interface DeanonymizeOptions {
  /** The key ENCRYPT used. Without it, ENCRYPT tokens are left as they are. */
  encryptionKey?: MaskKey;
  /** The map a masker returned (`masker.pseudonymMap()`). Tokens not in it are left as they are. */
  pseudonymMap?: PseudonymMap;
}

/**
 * Restores text masked with ENCRYPT and PSEUDONYMIZE. One left-to-right pass: a restored value is
 * never scanned again, so an original that itself looks like a token comes back verbatim. Tokens
 * that do not decrypt under the key, or are not in the map, are left untouched (they were text).
 * REDACT, REPLACE, MASK and HASH are one-way and stay as they are.
 */
export async function deanonymize(text: string, opts: DeanonymizeOptions = {}): Promise<string> {
  const key = opts.encryptionKey !== undefined ? await importAesKey(opts.encryptionKey) : undefined;
  const map = opts.pseudonymMap ?? {};
  const pattern = new RegExp(`${ENC_TOKEN.source}|${PSEUDONYM_TOKEN.source}`, 'gu');
  let out = '';
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    const payload = m[1];
    let original: string | undefined;
    if (payload !== undefined) original = key ? await decryptToken(payload, key) : undefined;
    else if (Object.prototype.hasOwnProperty.call(map, m[0])) original = map[m[0]];
    if (original === undefined) continue;
    out += text.slice(at, m.index) + original;
    at = m.index + m[0].length;
  }
  return out + text.slice(at);
}
