import type { Rng } from './random.js';
import {
  CITIES, EXAMPLE_DOMAINS, FIRST_NAMES, HONORIFICS, IPV4_DOC_PREFIXES, LAST_NAMES, MONTHS, NATIONALITIES,
  ORGANIZATIONS, STREETS, STREET_SUFFIXES, TITLES, URL_WORDS, WEEKDAYS,
} from './surrogate-lists.js';

/** Makes a realistic stand-in for `value` of one type. */
export type Surrogate = (value: string, rng: Rng) => string;

/**
 * Surrogates per canonical type. Types not listed keep their shape: each digit becomes a random
 * digit, each letter a random letter of the same case, everything else (separators) stays.
 */
export const SURROGATES: Readonly<Record<string, Surrogate>> = Object.freeze({
  PERSON: person,
  EMAIL: email,
  PHONE_NUMBER: phone,
  CREDIT_CARD: creditCard,
  IBAN_CODE: iban,
  US_SSN: ssn,
  IP_ADDRESS: ipAddress,
  URL: url,
  LOCATION: (v: string, rng: Rng) => withCase(v, rng.pick(CITIES)),
  STREET_ADDRESS: (v: string, rng: Rng) => withCase(v, `${rng.int(1, 999)} ${rng.pick(STREETS)} ${rng.pick(STREET_SUFFIXES)}`),
  ORGANIZATION: (v: string, rng: Rng) => withCase(v, rng.pick(ORGANIZATIONS)),
  NRP: (v: string, rng: Rng) => withCase(v, rng.pick(NATIONALITIES)),
  TITLE: (v: string, rng: Rng) => withCase(v, rng.pick(TITLES)),
  DATE_TIME: dateTime,
  AGE: age,
  MAC_ADDRESS: hexShape,
});

export function surrogateFor(type: string, value: string, rng: Rng): string {
  return (SURROGATES[type] ?? shapeLike)(value, rng);
}

/** Same shape: digit → digit, upper → upper, other letters → lower ASCII; the rest is kept. */
export function shapeLike(value: string, rng: Rng): string {
  let out = '';
  for (const ch of value) {
    if (/\p{Nd}/u.test(ch)) out += rng.digit();
    else if (/\p{Lu}/u.test(ch)) out += String.fromCharCode(65 + rng.int(0, 25));
    else if (/\p{L}/u.test(ch)) out += String.fromCharCode(97 + rng.int(0, 25));
    else out += ch;
  }
  return out;
}

/** "Dr. Ann Marie Lee" → "Dr. Maya R. Okafor": the honorific stays, the word count is kept. */
function person(value: string, rng: Rng): string {
  const words = value.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  if (words.length > 1 && HONORIFICS.test(words[0]!)) out.push(words.shift()!);
  const first = rng.pick(FIRST_NAMES);
  if (words.length <= 1) out.push(first);
  else {
    out.push(first);
    for (let i = 1; i < words.length - 1; i++) out.push(`${String.fromCharCode(65 + rng.int(0, 25))}.`);
    out.push(rng.pick(LAST_NAMES));
  }
  return withCase(value, out.join(' '));
}

function email(_value: string, rng: Rng): string {
  const name = `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}`.toLowerCase();
  const suffix = rng.next() < 0.5 ? String(rng.int(1, 99)) : '';
  return `${name}${suffix}@${rng.pick(EXAMPLE_DOMAINS)}`;
}

/** Digits replaced, separators and a leading `+country` code kept, a trunk `0` stays a `0`. */
function phone(value: string, rng: Rng): string {
  const cc = /^\s*\+\d{1,3}/.exec(value)?.[0] ?? '';
  let out = cc;
  let first = true;
  for (const ch of value.slice(cc.length)) {
    if (!/\d/.test(ch)) {
      out += ch;
      continue;
    }
    out += first ? (ch === '0' ? '0' : String(rng.int(1, 9))) : rng.digit();
    first = false;
  }
  return out;
}

/** Same length and grouping, same brand digit(s), and a valid Luhn check digit. */
function creditCard(value: string, rng: Rng): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 2) return shapeLike(value, rng);
  const keep = digits.startsWith('3') ? 2 : 1;
  let payload = digits.slice(0, keep);
  while (payload.length < digits.length - 1) payload += rng.digit();
  return layDigits(value, payload + luhnCheckDigit(payload));
}

export function luhnCheckDigit(payload: string): string {
  let sum = 0;
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = payload.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Same country and layout, new BBAN, check digits recomputed so it passes mod-97. */
function iban(value: string, rng: Rng): string {
  const compact = value.replace(/[^A-Za-z0-9]/g, '');
  if (compact.length < 5 || !/^[A-Za-z]{2}/.test(compact)) return shapeLike(value, rng);
  const country = compact.slice(0, 2).toUpperCase();
  const bban = shapeLike(compact.slice(4).toUpperCase(), rng);
  const check = String(98 - mod97(`${bban}${country}00`)).padStart(2, '0');
  const next = `${country}${check}${bban}`;
  let at = 0;
  let out = '';
  for (const ch of value) {
    if (!/[A-Za-z0-9]/.test(ch)) out += ch;
    else {
      const c = next[at++]!;
      out += ch === ch.toLowerCase() && ch !== ch.toUpperCase() ? c.toLowerCase() : c;
    }
  }
  return out;
}

export function mod97(alnum: string): number {
  let rem = 0;
  for (const ch of alnum) {
    const n = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of n) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem;
}

/** A number in the issued ranges (area 001–665, group ≠ 00, serial ≠ 0000), same separators. */
function ssn(value: string, rng: Rng): string {
  if (value.replace(/\D/g, '').length !== 9) return shapeLike(value, rng);
  const digits = `${String(rng.int(1, 665)).padStart(3, '0')}${String(rng.int(1, 99)).padStart(2, '0')}${String(rng.int(1, 9999)).padStart(4, '0')}`;
  return layDigits(value, digits);
}

/** Addresses from the documentation ranges (RFC 5737 / RFC 3849). */
function ipAddress(value: string, rng: Rng): string {
  if (value.includes(':')) {
    const hex = () => rng.int(1, 0xffff).toString(16);
    return `2001:db8:${hex()}:${hex()}::${hex()}`;
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return `${rng.pick(IPV4_DOC_PREFIXES)}.${rng.int(1, 254)}`;
  return shapeLike(value, rng);
}

function url(value: string, rng: Rng): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value)?.[0] ?? '';
  const www = /^(?:[a-z][a-z0-9+.-]*:\/\/)?www\./i.test(value) ? 'www.' : '';
  return `${scheme}${www}${rng.pick(EXAMPLE_DOMAINS)}/${rng.pick(URL_WORDS)}`;
}

/**
 * Dates and times keep their layout: a 4-digit group becomes a year, 1–2 digit groups a number from
 * 1 to 12 (valid as a day, a month or an hour in any order), month and weekday names other names.
 */
function dateTime(value: string, rng: Rng): string {
  return value.replace(/\d+|\p{L}+/gu, (token) => {
    if (/^\d+$/.test(token)) {
      if (token.length === 4) return String(rng.int(1950, 2024));
      if (token.length <= 2) return String(rng.int(1, 12)).padStart(token.length, '0');
      return shapeLike(token, rng);
    }
    const lower = token.toLowerCase();
    for (const names of [MONTHS, WEEKDAYS]) {
      const full = names.find((n) => n.toLowerCase() === lower);
      if (full) return withCase(token, rng.pick(names));
      if (lower.length === 3 && names.some((n) => n.toLowerCase().startsWith(lower))) return withCase(token, rng.pick(names).slice(0, 3));
    }
    return token;
  });
}

function age(value: string, rng: Rng): string {
  return value.replace(/\d+/g, (n) => (n.length === 2 ? String(rng.int(18, 89)) : shapeLike(n, rng)));
}

/** Hex digits → random hex digits, separators kept; lower case only if the original is. */
function hexShape(value: string, rng: Rng): string {
  if (!/^[0-9A-Fa-f:.-]+$/.test(value)) return shapeLike(value, rng);
  const lower = /[a-f]/.test(value) && !/[A-F]/.test(value);
  return value.replace(/[0-9A-Fa-f]/g, () => {
    const h = rng.int(0, 15).toString(16);
    return lower ? h : h.toUpperCase();
  });
}

/** Writes `digits` over the digit positions of `template`, keeping every other character. */
function layDigits(template: string, digits: string): string {
  let at = 0;
  return template.replace(/\d/g, () => digits[at++] ?? '0');
}

/** All-caps or all-lower originals give all-caps or all-lower surrogates. */
function withCase(original: string, surrogate: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return surrogate.toUpperCase();
  if (letters.length > 1 && letters === letters.toLowerCase() && letters !== letters.toUpperCase()) return surrogate.toLowerCase();
  return surrogate;
}
