/**
 * E-mail addresses. One pattern (RFC 5322 dot-atom local part, dotted host name) at 0.5; the host
 * must end in a known top-level domain (→ 1.0), else the match is dropped, as Presidio does with
 * `tldextract`.
 */
import type { Candidate, Recognizer } from './recognizer.js';
import { isKnownTld } from './tlds.js';

// Local part: 1–64 atom characters; host: 1–8 labels of 1–63 characters, then a TLD. Bounded
// repetition and a left boundary that rejects starts inside a longer local part keep it linear.
// Run sticky from the start of the local part found by walking back from each '@' (prose has few
// '@', so this skips the per-position work a free-running search would do).
const EMAIL = /(?<![\w.%+\-@])[A-Za-z0-9!#$%&'*+\/=?^_`{|}~\-](?:[A-Za-z0-9!#$%&'*+\/=?^_`{|}~.\-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,8}(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9\-]{1,59})(?![\w\-@]|\.[A-Za-z0-9])/y;

const LOCAL_CHAR = /[A-Za-z0-9!#$%&'*+\/=?^_`{|}~.\-]/;

/** For each '@', the candidate starting where its local part starts (at most 64 characters back). */
export function findEmails(text: string, accept: (c: Candidate) => boolean): void {
  let at = text.indexOf('@');
  if (at < 0) return; // most texts: no regex object made
  const regex = new RegExp(EMAIL.source, 'y');
  let consumed = 0;
  while (at >= 0) {
    let start = at;
    while (start > consumed && at - start < 64 && LOCAL_CHAR.test(text.charAt(start - 1))) start--;
    while (start < at && text.charAt(start) === "'") start++; // an opening quote, not the address
    regex.lastIndex = start;
    const m = start < at ? regex.exec(text) : null;
    if (m !== null) {
      accept({ start, end: start + m[0].length, score: 0.5, pattern: 'Email (Medium)' });
      consumed = start + m[0].length;
    }
    at = text.indexOf('@', at + 1);
  }
}

export function validateEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const host = value.slice(at + 1);
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return isKnownTld(tld);
}

export const emailRecognizer: Recognizer = {
  id: 'email',
  type: 'EMAIL',
  pack: 'global',
  patterns: [],
  find: findEmails,
  context: ['email', 'e-mail', 'mail', 'address', 'contact', 'reach'],
  validate: validateEmail,
};
