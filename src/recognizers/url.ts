/**
 * URLs. With a scheme (`http`, `https`, `ftp`, `sftp`, `ws`, `wss`) → 0.6; starting `www.` → 0.5;
 * a bare domain → 0.5 only when its TLD is common and is not also a file extension or a code
 * identifier (Presidio flags `rpc.py` and `os.system`, #1498). The host must be a domain with a
 * known TLD, `localhost` or an IP address; trailing sentence punctuation and unbalanced closing
 * brackets are not part of the URL.
 */
import type { Candidate, Recognizer } from './recognizer.js';
import { BARE_DOMAIN_TLDS, isKnownTld } from './tlds.js';

const SCHEME = /(?:https?|ftps?|sftp|wss?):\/\//gi;
const SCHEME_BODY = /[^\s<>"'`{}|\\^]{1,2048}/y;
const WWW = /www\./gi;
const WWW_URL = /www\.(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,6}[A-Za-z]{2,24}(?::\d{2,5})?(?:[\/?#][^\s<>"'`{}|\\^]{0,2048})?/iy;
const BARE_URL = /(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,5}[A-Za-z]{2,12}(?::\d{2,5})?(?:[\/?#][^\s<>"'`{}|\\^]{0,2048})?/y;
/** Where a bare domain can end: one of the safe TLDs, not followed by more of a host name. */
const BARE_TLD = new RegExp(`\\.(?:${[...BARE_DOMAIN_TLDS].join('|')})(?![A-Za-z0-9\\-])`, 'g');
const HOST_CHAR = /[A-Za-z0-9.\-]/;

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

/**
 * Each kind of URL is found from a literal anchor (the scheme, `www.`, or a `.tld`) and then read
 * with a sticky regex, so ordinary prose costs a fast literal scan instead of a regex attempt at
 * every word.
 */
export function findUrls(text: string, accept: (c: Candidate) => boolean): void {
  // Every form needs a scheme's `://` or a dot (`www.`, `.tld`): most cells of a table hold neither.
  if (text.indexOf('.') < 0 && text.indexOf('://') < 0) return;
  const take = (start: number, raw: string, score: number, pattern: string, tlds: 'known' | 'bare'): number => {
    const value = trimUrl(raw);
    if (value.length === 0) return start + 1;
    const after = text.charAt(start + value.length);
    if (value.length === raw.length && /[\w@]/.test(after)) return start + raw.length; // glued to more text
    if (validHost(hostOf(value), tlds)) accept({ start, end: start + value.length, score, pattern });
    return start + raw.length;
  };
  let covered = 0; // end of the last URL read: anchors inside it are not new URLs
  for (const m of text.matchAll(SCHEME)) {
    if (m.index < covered || /[\w.+\-]/.test(text.charAt(m.index - 1))) continue;
    SCHEME_BODY.lastIndex = m.index + m[0].length;
    const body = SCHEME_BODY.exec(text);
    if (body === null) continue;
    covered = take(m.index, text.slice(m.index, SCHEME_BODY.lastIndex), 0.6, 'URL (scheme)', 'known');
  }
  covered = 0;
  for (const m of text.matchAll(WWW)) {
    if (m.index < covered || /[\w.@\-\/:]/.test(text.charAt(m.index - 1))) continue;
    WWW_URL.lastIndex = m.index;
    const url = WWW_URL.exec(text);
    if (url !== null) covered = take(m.index, url[0], 0.5, 'URL (www)', 'known');
  }
  covered = 0;
  for (const m of text.matchAll(BARE_TLD)) {
    if (m.index < covered) continue;
    let start = m.index;
    while (start > 0 && m.index - start < 253 && HOST_CHAR.test(text.charAt(start - 1))) start--;
    while (start < m.index && /[.\-]/.test(text.charAt(start))) start++;
    if (start === m.index || /[\w@\/:+]/.test(text.charAt(start - 1)) || text.slice(start, start + 4).toLowerCase() === 'www.') continue;
    BARE_URL.lastIndex = start;
    const url = BARE_URL.exec(text);
    if (url !== null) covered = take(start, url[0], 0.5, 'URL (bare domain)', 'bare');
  }
}

export const urlRecognizer: Recognizer = {
  id: 'url',
  type: 'URL',
  pack: 'global',
  patterns: [],
  context: ['url', 'website', 'web', 'site', 'link', 'homepage', 'domain', 'visit', 'http', 'https'],
  find: findUrls,
};
