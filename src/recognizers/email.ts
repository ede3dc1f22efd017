/**
 * E-mail addresses. One pattern (RFC 5322 dot-atom local part, dotted host name) at 0.5; the host
 * must end in a known top-level domain (→ 1.0), else the match is dropped, as Presidio does with
 * `tldextract`.
 */
import type { Recognizer } from './recognizer.js';
import { isKnownTld } from './tlds.js';

// Local part: 1–64 atom characters; host: 1–8 labels of 1–63 characters, then a TLD. Bounded
// repetition and a left boundary that rejects starts inside a longer local part keep it linear.
const EMAIL = /(?<![\w.%+\-@'])[A-Za-z0-9!#$%&'*+\/=?^_`{|}~\-](?:[A-Za-z0-9!#$%&'*+\/=?^_`{|}~.\-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,8}(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9\-]{1,59})(?![\w\-@]|\.[A-Za-z0-9])/g;

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
  patterns: [{ name: 'Email (Medium)', regex: EMAIL, score: 0.5 }],
  context: ['email', 'e-mail', 'mail', 'address', 'contact', 'reach'],
  validate: validateEmail,
};
