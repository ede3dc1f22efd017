/**
 * URLs. With a scheme (`http`, `https`, `ftp`, `sftp`, `ws`, `wss`) → 0.6; starting `www.` → 0.5;
 * a bare domain → 0.5 only when its TLD is common and is not also a file extension or a code
 * identifier (Presidio flags `rpc.py` and `os.system`, #1498). The host must be a domain with a
 * known TLD, `localhost` or an IP address; trailing sentence punctuation and unbalanced closing
 * brackets are not part of the URL.
 */
import type { Candidate, Recognizer } from './recognizer.js';
import { BARE_DOMAIN_TLDS, isKnownTld } from './tlds.js';

const SCHEME_URL = /(?<![\w.+\-])(?:https?|ftps?|sftp|wss?):\/\/[^\s<>"'`{}|\\^]{1,2048}/gi;
const WWW_URL = /(?<![\w.@\-\/:])www\.(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,6}[A-Za-z]{2,24}(?::\d{2,5})?(?:[\/?#][^\s<>"'`{}|\\^]{0,2048})?/gi;
const BARE_URL = /(?<![\w.@\-\/:+])(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,5}[A-Za-z]{2,12}(?::\d{2,5})?(?:[\/?#][^\s<>"'`{}|\\^]{0,2048})?/g;

/** Cuts trailing punctuation and closing brackets that do not close something inside the URL. */
export function trimUrl(value: string): string {
  let v = value;
  for (;;) {
    const last = v.charAt(v.length - 1);
    if ('.,;:!?\'"*'.includes(last) && v.length > 0) v = v.slice(0, -1);
    else if (last === ')' && count(v, '(') < count(v, ')')) v = v.slice(0, -1);
    else if (last === ']' && count(v, '[') < count(v, ']')) v = v.slice(0, -1);
    else return v;
  }
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ch) n++;
  return n;
}

/** The host of a URL (no scheme, userinfo, port or path). */
function hostOf(url: string): string {
  const afterScheme = url.includes('://') ? url.slice(url.indexOf('://') + 3) : url;
  const authority = afterScheme.split(/[\/?#]/, 1)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.replace(/:\d*$/, '');
}

function validHost(host: string, tlds: 'known' | 'bare'): boolean {
  if (host.startsWith('[') && host.endsWith(']')) return tlds === 'known' && /^[0-9A-Fa-f:.]+$/.test(host.slice(1, -1));
  if (tlds === 'known' && (host.toLowerCase() === 'localhost' || /^(?:\d{1,3}\.){3}\d{1,3}$/.test(host))) return true;
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((l) => !/^[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?$/.test(l))) return false;
  const tld = labels[labels.length - 1]!;
  if (!/^[A-Za-z]{2,24}$/.test(tld) && !tld.toLowerCase().startsWith('xn--')) return false;
  return tlds === 'known' ? isKnownTld(tld) : BARE_DOMAIN_TLDS.has(tld.toLowerCase()) && tld === tld.toLowerCase();
}

export function findUrls(text: string, accept: (c: Candidate) => boolean): void {
  const push = (re: RegExp, score: number, pattern: string, tlds: 'known' | 'bare') => {
    for (const m of text.matchAll(re)) {
      const value = trimUrl(m[0]);
      if (value.length === 0) continue;
      const after = text.charAt(m.index + value.length);
      if (value.length === m[0].length && /[\w@]/.test(after)) continue; // glued to more text
      if (!validHost(hostOf(value), tlds)) continue;
      accept({ start: m.index, end: m.index + value.length, score, pattern });
    }
  };
  push(SCHEME_URL, 0.6, 'URL (scheme)', 'known');
  push(WWW_URL, 0.5, 'URL (www)', 'known');
  push(BARE_URL, 0.5, 'URL (bare domain)', 'bare');
}

export const urlRecognizer: Recognizer = {
  id: 'url',
  type: 'URL',
  pack: 'global',
  patterns: [],
  context: ['url', 'website', 'web', 'site', 'link', 'homepage', 'domain', 'visit', 'http', 'https'],
  find: findUrls,
};
