/**
 * IP addresses. IPv4 dotted quads with octets 0–255 (no leading zeros, optional CIDR prefix) and
 * IPv6 in every RFC 4291/5952 form (compressed `::`, embedded IPv4, zone id, prefix), checked by a
 * small parser instead of one giant regex. 0.6, as Presidio (the unspecified `::` 0.1); a candidate
 * that does not parse is dropped. Version strings glued to more dots (`1.2.3.4.5`) are not addresses.
 */
import { eachMatch } from './matching.js';
import type { Candidate, Recognizer } from './recognizer.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// An out-of-range prefix (`/33`, `/123`) is not part of the address; the address itself still is (Presidio).
const IPV4 = new RegExp(`(?<![\\w.])(?:${OCTET}\\.){3}${OCTET}(?:\\/(?:3[0-2]|[12]?\\d)(?!\\d))?(?![\\w]|\\.\\d)`, 'g');

/** A run of hex digits, colons and dots (read sticky from a start found by walking back from a colon). */
const IPV6_RUN = /[0-9A-Fa-f:.]{2,}(?:%[0-9A-Za-z]{1,15})?(?:\/\d{1,3})?/y;
const HEX = /[0-9A-Fa-f]/;

function isIpv4(text: string): boolean {
  return new RegExp(`^(?:${OCTET}\\.){3}${OCTET}$`).test(text);
}

/** RFC 4291 text form check (zone id and prefix already removed). */
export function isIpv6(address: string): boolean {
  if (address.length < 2 || address.length > 45) return false;
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const parts = (s: string) => (s === '' ? [] : s.split(':'));
  const groups = [...parts(halves[0]!), ...(halves.length === 2 ? parts(halves[1]!) : [])];
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (i === groups.length - 1 && g.includes('.')) {
      if (!isIpv4(g)) return false;
      count += 2;
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) {
      count += 1;
    } else {
      return false;
    }
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** Every IPv6 address holds a colon within its first five characters: start from the colons. */
function findIpv6(text: string, accept: (c: Candidate) => boolean): void {
  let covered = 0;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', Math.max(colon + 1, covered))) {
    let start = colon;
    while (start > 0 && colon - start < 4 && HEX.test(text.charAt(start - 1))) start--;
    if (start < covered || /[\w:.]/.test(text.charAt(start - 1))) continue;
    IPV6_RUN.lastIndex = start;
    const m = IPV6_RUN.exec(text);
    if (m === null) continue;
    covered = start + m[0].length;
    let value = m[0];
    if (value.length > 64) continue;
    value = value.replace(/\.+$/, ''); // sentence end
    let next = text.charAt(start + value.length);
    const prefix = /\/(\d{1,3})$/.exec(value);
    if (prefix && (Number(prefix[1]) > 128 || /\d/.test(next))) {
      // An out-of-range prefix (`/9999`) is not part of the address; the address itself still is.
      value = value.slice(0, prefix.index);
      next = '/';
    }
    if (/[\w:]/.test(next)) continue;
    const core = value.replace(/\/\d{1,3}$/, '').replace(/%[0-9A-Za-z]{1,15}$/, '');
    // The unspecified address `::` says little about anyone: Presidio's 0.1, below the default threshold.
    if (core === '::') accept({ start, end: start + value.length, score: 0.1, pattern: 'IPv6 (unspecified)' });
    else if (isIpv6(core)) accept({ start, end: start + value.length, score: 0.6, pattern: 'IPv6' });
  }
}

function findIps(text: string, accept: (c: Candidate) => boolean): void {
  eachMatch(IPV4, text, (m) => void accept({ start: m.index, end: m.index + m[0].length, score: 0.6, pattern: 'IPv4' }));
  findIpv6(text, accept);
}

export const ipAddressRecognizer: Recognizer = {
  id: 'ip-address',
  type: 'IP_ADDRESS',
  pack: 'global',
  patterns: [{ name: 'IPv4', regex: IPV4, score: 0.6 }],
  context: ['ip', 'ipv4', 'ipv6', 'address', 'host', 'server', 'client', 'gateway', 'subnet'],
  find: findIps,
};
