import { ENC_TOKEN } from './encrypt.js';
import { PSEUDONYM_TOKEN } from './pseudonymize.js';

/** REDACT's type tag (`[PERSON]`, `[email]`) and the failure placeholder (`[REDACTION_FAILED]`). */
const TAG = /\[[\p{L}][\p{L}\p{N}_ -]{0,63}\]/u;

/**
 * Every token our masks write in place of a value: REDACT tags, PSEUDONYMIZE pseudonyms, ENCRYPT
 * tokens. A detector that finds one of these in masked output found our mask, not a leak.
 */
export const OWN_TOKEN = new RegExp(`${TAG.source}|${PSEUDONYM_TOKEN.source}|${ENC_TOKEN.source}`, 'gu');

/** True when `[start, end)` lies within one of our own tokens in `text`. */
export function insideOwnToken(text: string, start: number, end: number): boolean {
  for (const m of text.matchAll(OWN_TOKEN)) {
    if (start >= m.index && end <= m.index + m[0].length) return true;
  }
  return false;
}
