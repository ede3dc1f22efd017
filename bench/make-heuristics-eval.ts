/**
 * Builds the labelled evaluation set for the heuristic recognizers:
 * `test/fixtures/recognizers/eval.jsonl`, one `{id, text, entities:[{start,end,label}]}` per line.
 *
 * Deterministic (seeded PRNG): the same file on every run. For each type: valid values, in
 * sentences with and without context words, and near misses (bad check digit, wrong length,
 * glued to letters) that must not be found; plus multi-entity sentences and PII-free prose.
 * Check digits are completed by brute force against the validators in src/recognizers (their
 * algorithms are pinned to published vectors in test/recognizers); the set measures finding
 * values in text, not the arithmetic.
 *
 *   npx tsx bench/make-heuristics-eval.ts
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateAbn, validateAcn, validateMedicare, validateTfn } from '../src/recognizers/au/index.js';
import { iso7064Mod11_10, luhn, verhoeff } from '../src/recognizers/checksums.js';
import { mulberry32 } from './seeded.js';
import { validateFiscalCode } from '../src/recognizers/it/index.js';
import { validateNric } from '../src/recognizers/sg/index.js';
import { validateTckn } from '../src/recognizers/tr/index.js';

// ------------------------------------------------------------------ randomness

const rnd = mulberry32(0x5eed1234);
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');
const letters = (n: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') => Array.from({ length: n }, () => pick([...alphabet])).join('');
const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Completes `prefix` with the one last character that makes `ok` true (undefined if none). */
function complete(prefix: string, ok: (v: string) => boolean, alphabet = '0123456789'): string | undefined {
  for (const c of alphabet) if (ok(prefix + c)) return prefix + c;
  return undefined;
}
/** Changes the last digit so the value's check fails. */
const breakLast = (v: string) => v.slice(0, -1) + String((Number(v.slice(-1)) + 1) % 10);
const date = () => {
  const y = int(1950, 2015);
  const m = int(1, 12);
  const d = int(1, 28);
  return { y, m, d };
};

// ------------------------------------------------------------------ values per type

interface TypeSpec {
  type: string;
  valid: () => string;
  invalid: () => string;
  /** Sentences with a context word; `{v}` is the value. */
  context: readonly string[];
  /** Whether the type is strong enough to be found without context. */
  bare: boolean;
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58check(payload: Uint8Array): string {
  const sum = createHash('sha256').update(createHash('sha256').update(payload).digest()).digest().subarray(0, 4);
  const bytes = [...payload, ...sum];
  let n = BigInt('0x' + Buffer.from(bytes).toString('hex'));
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = '1' + out;
  }
  return out;
}

function ibanFor(country: string, bban: string): string {
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let r = 0;
  for (const ch of numeric) r = (r * 10 + Number(ch)) % 97;
  return country + pad(98 - r, 2) + bban;
}
const group4 = (v: string) => v.replace(/(.{4})/g, '$1 ').trim();

const FIRST = ['maria', 'john', 'li', 'ana', 'omar', 'sofia', 'peter', 'yuki', 'fatima', 'lucas'];
const LAST = ['lopez', 'smith', 'wang', 'silva', 'haddad', 'rossi', 'novak', 'tanaka', 'khan', 'muller'];
const DOMAINS = ['example.org', 'mail.example.com', 'company.io', 'uni.example.edu', 'example.co.uk', 'shop.example.de'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const SPECS: TypeSpec[] = [
  {
    type: 'EMAIL', bare: true,
    valid: () => `${pick(FIRST)}${pick(['.', '_', ''])}${pick(LAST)}${rnd() < 0.3 ? int(1, 99) : ''}@${pick(DOMAINS)}`,
    invalid: () => pick([`${pick(FIRST)}@localhost`, `${pick(FIRST)}@@${pick(DOMAINS)}`, `${pick(FIRST)}@example.notarealtld`, `${pick(FIRST)}..x@${pick(DOMAINS)}`]),
    context: ['Email me at {v} please.', 'Contact: {v}'],
  },
  {
    type: 'PHONE_NUMBER', bare: true,
    valid: () => pick([
      () => `+44 20 7946 ${digits(4)}`, () => `(415) 555-${digits(4)}`, () => `+1 212-555-${digits(4)}`, () => `030 ${int(1, 9)}${digits(7)}`,
      () => `+49 30 ${int(1, 9)}${digits(7)}`, () => `01 ${int(10, 99)} ${int(10, 99)} ${int(10, 99)} ${int(10, 99)}`, () => `+33 6 ${int(10, 99)} ${int(10, 99)} ${int(10, 99)} ${int(10, 99)}`,
      () => `+91 9${digits(4)} ${digits(5)}`, () => `07700 900${digits(3)}`, () => `212.555.${digits(4)}`, () => `+81 3-${digits(4)}-${digits(4)}`,
    ])(),
    invalid: () => pick([`123-555-${digits(4)}`, `+1 415 555 ${digits(2)}`, `555-${digits(4)}`, `tel${int(200, 999)}-555-${digits(4)}`]),
    context: ['Call me on {v} tomorrow.', 'Phone: {v}', 'mobile {v}'],
  },
  {
    type: 'CREDIT_CARD', bare: true,
    valid: () => {
      const kind = int(0, 3);
      const prefix = ['4', `5${int(1, 5)}`, pick(['34', '37']), '6011'][kind]!;
      const length = kind === 2 ? 15 : 16;
      const v = complete(prefix + digits(length - prefix.length - 1), luhn)!;
      return kind === 2 ? (rnd() < 0.5 ? v : `${v.slice(0, 4)} ${v.slice(4, 10)} ${v.slice(10)}`) : pick([v, group4(v), v.replace(/(.{4})(?!$)/g, '$1-')]);
    },
    invalid: () => breakLast(complete(`4${digits(14)}`, luhn)!),
    context: ['Charge my credit card {v}.', 'Visa {v}'],
  },
  {
    type: 'IBAN_CODE', bare: true,
    valid: () => {
      const v = pick([() => ibanFor('DE', digits(18)), () => ibanFor('GB', letters(4) + digits(14)), () => ibanFor('FR', digits(10) + letters(1) + digits(12)), () => ibanFor('NL', letters(4) + digits(10)), () => ibanFor('ES', digits(20)), () => ibanFor('BE', digits(12))])();
      return rnd() < 0.5 ? v : group4(v);
    },
    invalid: () => breakLast(ibanFor('DE', digits(18))),
    context: ['Wire the money to IBAN {v} by Friday.', 'Bank account: {v}'],
  },
  {
    type: 'IP_ADDRESS', bare: true,
    valid: () => (rnd() < 0.7 ? `${int(1, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}` : `2001:db8:${int(1, 0xffff).toString(16)}::${int(1, 0xffff).toString(16)}`),
    invalid: () => pick([`${int(256, 999)}.${int(0, 255)}.1.1`, `1.2.${int(0, 9)}.4.5`, `10.0.${int(0, 9)}`]),
    context: ['The server IP is {v}.', 'Login from IP address {v}'],
  },
  {
    type: 'URL', bare: true,
    valid: () => pick([() => `https://${pick(LAST)}.example.com/${pick(FIRST)}?id=${int(1, 999)}`, () => `www.${pick(LAST)}.org`, () => `http://${pick(LAST)}.io/a/b`, () => `${pick(LAST)}.com/profile`])(),
    invalid: () => pick(['rpc.py', 'os.system', 'index.html', 'main.rs']),
    context: ['Visit my website {v} for more.', 'link: {v}'],
  },
  {
    type: 'MAC_ADDRESS', bare: true,
    valid: () => {
      const sep = pick([':', '-']);
      return Array.from({ length: 6 }, () => int(0, 255).toString(16).padStart(2, '0')).join(sep).toUpperCase();
    },
    invalid: () => Array.from({ length: 5 }, () => int(0, 255).toString(16).padStart(2, '0')).join(':'),
    context: ['Device MAC address {v} was blocked.'],
  },
  {
    type: 'CRYPTO', bare: true,
    valid: () => (rnd() < 0.8
      ? base58check(Uint8Array.from([pick([0, 5]), ...Array.from({ length: 20 }, () => int(0, 255))]))
      : pick(['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3'])),
    invalid: () => {
      const v = base58check(Uint8Array.from([0, ...Array.from({ length: 20 }, () => int(0, 255))]));
      return v.slice(0, -1) + (v.endsWith('a') ? 'b' : 'a');
    },
    context: ['Send the bitcoin to wallet {v}.'],
  },
  {
    type: 'DATE_TIME', bare: true,
    valid: () => {
      const { y, m, d } = date();
      return pick([
        `${y}-${pad(m, 2)}-${pad(d, 2)}`, `${MONTHS[m - 1]} ${d}, ${y}`, `${d} ${MONTHS[m - 1]} ${y}`, `${pad(m, 2)}/${pad(d, 2)}/${y}`,
        `${pad(d, 2)}.${pad(m, 2)}.${y}`, `${y}-${pad(m, 2)}-${pad(d, 2)}T${pad(int(0, 23), 2)}:${pad(int(0, 59), 2)}:00Z`,
      ]);
    },
    invalid: () => pick(['2023-02-29', '31/04/2020', '13/13/2020', '2021-13-01', 'February 30, 2024']),
    context: ['Date of birth: {v}', 'She was born on {v}.'],
  },
  {
    type: 'US_SSN', bare: true,
    valid: () => {
      let area = int(1, 665);
      if (area === 666) area = 667;
      return `${pad(area, 3)}-${pad(int(1, 99), 2)}-${pad(int(1, 9999), 4)}`;
    },
    invalid: () => pick([`000-${pad(int(1, 99), 2)}-${digits(4)}`, `666-${pad(int(1, 99), 2)}-${digits(4)}`, `${int(100, 665)}-00-${digits(4)}`, `${int(100, 665)}-${pad(int(1, 99), 2)}-0000`]),
    context: ['My SSN is {v}.', 'social security number {v}'],
  },
  {
    type: 'US_ITIN', bare: true,
    valid: () => `9${digits(2)}-${int(70, 88)}-${digits(4)}`,
    invalid: () => `9${digits(2)}-93-${digits(4)}`,
    context: ['ITIN: {v}', 'taxpayer number {v}'],
  },
  { type: 'US_PASSPORT', bare: false, valid: () => `${letters(1)}${digits(8)}`, invalid: () => `${letters(1)}${digits(7)}`, context: ['Passport number {v} expires soon.', 'US passport {v}'] },
  { type: 'US_DRIVER_LICENSE', bare: false, valid: () => `${letters(1)}${digits(7)}`, invalid: () => `${letters(1)}${digits(2)}`, context: ["Driver's license {v} was renewed.", 'DL {v}'] },
  { type: 'US_BANK_NUMBER', bare: false, valid: () => `${int(1, 9)}${digits(int(9, 11))}`, invalid: () => digits(6), context: ['Checking account number {v}.', 'acct {v}'] },
  {
    type: 'ABA_ROUTING_NUMBER', bare: true,
    valid: () => complete(`0${int(1, 9)}${digits(6)}`, (v) => [3, 7, 1, 3, 7, 1, 3, 7, 1].reduce((s, w, i) => s + w * Number(v[i]), 0) % 10 === 0)!,
    invalid: () => breakLast(complete(`0${int(1, 9)}${digits(6)}`, (v) => [3, 7, 1, 3, 7, 1, 3, 7, 1].reduce((s, w, i) => s + w * Number(v[i]), 0) % 10 === 0)!),
    context: ['ABA routing number {v}'],
  },
  {
    type: 'MEDICAL_LICENSE', bare: true,
    valid: () => {
      const d = digits(6);
      const n = (i: number) => Number(d[i]);
      return `${pick([...'ABFGM'])}${letters(1)}${d}${(n(0) + n(2) + n(4) + 2 * (n(1) + n(3) + n(5))) % 10}`;
    },
    invalid: () => {
      const d = digits(6);
      const n = (i: number) => Number(d[i]);
      return `A${letters(1)}${d}${(n(0) + n(2) + n(4) + 2 * (n(1) + n(3) + n(5)) + 1) % 10}`;
    },
    context: ['DEA number {v} on the prescription.'],
  },
  {
    type: 'UK_NHS', bare: true,
    valid: () => {
      for (;;) {
        const d = digits(9);
        const check = 11 - ([...d].reduce((s, c, i) => s + Number(c) * (10 - i), 0) % 11);
        if (check === 10) continue;
        const v = d + (check === 11 ? 0 : check);
        return rnd() < 0.6 ? `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6)}` : v;
      }
    },
    invalid: () => {
      for (;;) {
        const d = digits(9);
        const check = 11 - ([...d].reduce((s, c, i) => s + Number(c) * (10 - i), 0) % 11);
        if (check >= 10) continue;
        return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}${(check + 1) % 10}`;
      }
    },
    context: ['NHS number {v}', 'Patient NHS no. {v}'],
  },
  {
    type: 'UK_NINO', bare: true,
    valid: () => { const v = `${pick(['AB', 'JG', 'CE', 'PR', 'WK'])}${digits(6)}${pick([...'ABCD'])}`; return rnd() < 0.5 ? v : `${v.slice(0, 2)} ${v.slice(2, 4)} ${v.slice(4, 6)} ${v.slice(6, 8)} ${v[8]}`; },
    invalid: () => pick([`GB${digits(6)}A`, `AB${digits(6)}E`, `DA${digits(6)}C`]),
    context: ['National Insurance number {v}'],
  },
  {
    type: 'UK_POSTCODE', bare: true,
    valid: () => `${pick(['SW1A', 'M1', 'B33', 'EC1A', 'W1A', 'CR2', 'DN55', 'LS1', 'G2'])} ${int(0, 9)}${letters(2, 'ABDEFGHJLNPQRSTUWXYZ')}`,
    invalid: () => `QW1A ${int(0, 9)}AA`,
    context: ['Postcode {v}', 'Send it to our address, {v}.'],
  },
  {
    type: 'ES_NIF', bare: true,
    valid: () => { const n = digits(8); return n + 'TRWAGMYFPDXBNJZSQVHLCKE'[Number(n) % 23]; },
    invalid: () => { const n = digits(8); return n + 'TRWAGMYFPDXBNJZSQVHLCKE'[(Number(n) + 1) % 23]; },
    context: ['DNI {v}', 'NIF: {v}'],
  },
  {
    type: 'ES_NIE', bare: true,
    valid: () => { const p = int(0, 2); const n = digits(7); return 'XYZ'[p] + n + 'TRWAGMYFPDXBNJZSQVHLCKE'[Number(String(p) + n) % 23]; },
    invalid: () => { const n = digits(7); return 'X' + n + 'TRWAGMYFPDXBNJZSQVHLCKE'[(Number(n) + 5) % 23]; },
    context: ['NIE {v}'],
  },
  {
    type: 'IT_FISCAL_CODE', bare: true,
    valid: () => complete(`${letters(6)}${digits(2)}${pick([...'ABCDEHLMPRST'])}${pad(int(1, 71), 2)}${letters(1)}${digits(3)}`, validateFiscalCode, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')!,
    invalid: () => { const v = complete(`${letters(6)}${digits(2)}A${pad(int(1, 28), 2)}H${digits(3)}`, validateFiscalCode, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')!; return v.slice(0, -1) + (v.endsWith('A') ? 'B' : 'A'); },
    context: ['Codice fiscale {v}'],
  },
  {
    type: 'PL_PESEL', bare: true,
    valid: () => {
      const { y, m, d } = date();
      const prefix = pad(y % 100, 2) + pad(m + (y >= 2000 ? 20 : 0), 2) + pad(d, 2) + digits(4);
      const sum = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3].reduce((s, w, i) => s + w * Number(prefix[i]), 0);
      return prefix + ((10 - (sum % 10)) % 10);
    },
    invalid: () => `${pad(int(50, 99), 2)}13${pad(int(1, 28), 2)}${digits(5)}`,
    context: ['PESEL {v}'],
  },
  {
    type: 'FI_PERSONAL_IDENTITY_CODE', bare: true,
    valid: () => {
      const { y, m, d } = date();
      const base = pad(d, 2) + pad(m, 2) + pad(y % 100, 2);
      const ind = pad(int(2, 899), 3);
      return `${base}${y >= 2000 ? 'A' : '-'}${ind}${'0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(base + ind) % 31]}`;
    },
    invalid: () => `310252-${pad(int(2, 899), 3)}T`,
    context: ['Henkilötunnus {v}', 'hetu: {v}'],
  },
  {
    type: 'SE_PERSONAL_NUMBER', bare: true,
    valid: () => { const { y, m, d } = date(); const v = complete(pad(y % 100, 2) + pad(m, 2) + pad(d, 2) + digits(3), luhn)!; return `${v.slice(0, 6)}-${v.slice(6)}`; },
    invalid: () => { const { y, m, d } = date(); const v = breakLast(complete(pad(y % 100, 2) + pad(m, 2) + pad(d, 2) + digits(3), luhn)!); return `${v.slice(0, 6)}-${v.slice(6)}`; },
    context: ['Personnummer {v}'],
  },
  {
    type: 'DE_TAX_ID', bare: true,
    valid: () => {
      for (;;) {
        const pool = [...'0123456789'].sort(() => rnd() - 0.5);
        const ten = [...pool.slice(0, 9), pool[int(0, 8)]!].sort(() => rnd() - 0.5).join('');
        if (ten[0] === '0') continue;
        const v = complete(ten, iso7064Mod11_10);
        if (v) return rnd() < 0.5 ? v : `${v.slice(0, 2)} ${v.slice(2, 5)} ${v.slice(5, 8)} ${v.slice(8)}`;
      }
    },
    invalid: () => '86 095 742 718',
    context: ['Steuer-ID {v}', 'Steueridentifikationsnummer: {v}'],
  },
  {
    type: 'DE_ID_CARD', bare: false,
    valid: () => `${pick([...'LMNPRTVWXY'])}${letters(1, 'CFGHJKLMNPRTVWXYZ')}${digits(2)}${letters(1, 'CFGHJKLMNPRTVWXYZ')}${digits(4)}`,
    invalid: () => `A${digits(8)}`,
    context: ['Personalausweis {v}', 'Ausweisnummer {v}'],
  },
  {
    type: 'AU_ABN', bare: false,
    valid: () => { const rest = digits(9); for (let p = 10; p < 100; p++) if (validateAbn(`${p}${rest}`)) { const v = `${p}${rest}`; return `${v.slice(0, 2)} ${v.slice(2, 5)} ${v.slice(5, 8)} ${v.slice(8)}`; } return '51 824 753 556'; },
    invalid: () => '51 824 753 557',
    context: ['ABN {v}', 'Australian Business Number {v}'],
  },
  {
    type: 'AU_ACN', bare: false,
    valid: () => { const v = complete(digits(8), validateAcn)!; return `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6)}`; },
    invalid: () => { const v = breakLast(complete(digits(8), validateAcn)!); return `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6)}`; },
    context: ['ACN {v}'],
  },
  {
    type: 'AU_TFN', bare: false,
    valid: () => { for (;;) { const v = complete(digits(8), validateTfn); if (v) return `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6)}`; } },
    invalid: () => '123 456 783',
    context: ['Tax file number {v}', 'TFN: {v}'],
  },
  {
    type: 'AU_MEDICARE', bare: false,
    valid: () => { const v = complete(`${int(2, 6)}${digits(7)}`, (x) => validateMedicare(x + '1'))! + String(int(1, 9)); return `${v.slice(0, 4)} ${v.slice(4, 9)} ${v[9]}`; },
    invalid: () => `7${digits(3)} ${digits(5)} 1`,
    context: ['Medicare card {v}'],
  },
  {
    type: 'CA_SIN', bare: true,
    valid: () => { const v = complete(`${pick([1, 2, 3, 4, 5, 6, 7, 9])}${digits(7)}`, luhn)!; return `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6)}`; },
    invalid: () => { const v = breakLast(complete(`${int(1, 7)}${digits(7)}`, luhn)!); return `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6)}`; },
    context: ['Social Insurance Number {v}', 'SIN: {v}'],
  },
  {
    type: 'IN_AADHAAR', bare: true,
    valid: () => { const v = complete(`${int(2, 9)}${digits(10)}`, verhoeff)!; return `${v.slice(0, 4)} ${v.slice(4, 8)} ${v.slice(8)}`; },
    invalid: () => { const v = complete(`${int(2, 9)}${digits(10)}`, verhoeff)!; const b = breakLast(v); return `${b.slice(0, 4)} ${b.slice(4, 8)} ${b.slice(8)}`; },
    context: ['Aadhaar {v}'],
  },
  {
    type: 'IN_PAN', bare: true,
    valid: () => `${letters(3)}${pick([...'PCHFAT'])}${letters(1)}${digits(4)}${letters(1)}`,
    invalid: () => `${letters(3)}${pick([...'DEIKMN'])}${letters(1)}${digits(4)}${letters(1)}`,
    context: ['PAN {v}'],
  },
  {
    type: 'SG_NRIC_FIN', bare: true,
    valid: () => complete(`${pick([...'STFG'])}${digits(7)}`, (v) => validateNric(v) === true, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')!,
    invalid: () => { const v = complete(`S${digits(7)}`, (x) => validateNric(x) === true, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')!; return v.slice(0, -1) + (v.endsWith('A') ? 'B' : 'A'); },
    context: ['NRIC {v}'],
  },
  {
    type: 'KR_RRN', bare: true,
    valid: () => { const { y, m, d } = date(); const head = pad(y % 100, 2) + pad(m, 2) + pad(d, 2) + String(y >= 2000 ? int(3, 4) : int(1, 2)) + pad(int(0, 95), 2) + digits(3); const w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]; const c = (11 - (w.reduce((s, x, i) => s + x * Number(head[i]), 0) % 11)) % 10; return `${head.slice(0, 6)}-${head.slice(6)}${c}`; },
    invalid: () => `${pad(int(50, 99), 2)}13${pad(int(1, 28), 2)}-1${digits(6)}`,
    context: ['RRN {v}', 'Resident Registration Number {v}'],
  },
  {
    type: 'TR_NATIONAL_ID', bare: true,
    valid: () => { for (;;) { const nine = `${int(1, 9)}${digits(8)}`; const d = [...nine].map(Number); const tenth = ((((d[0]! + d[2]! + d[4]! + d[6]! + d[8]!) * 7 - (d[1]! + d[3]! + d[5]! + d[7]!)) % 10) + 10) % 10; const ten = nine + tenth; const v = ten + ([...ten].reduce((s, c) => s + Number(c), 0) % 10); if (validateTckn(v)) return v; } },
    invalid: () => `0${digits(10)}`,
    context: ['TC Kimlik No {v}'],
  },
  {
    type: 'ZA_ID_NUMBER', bare: true,
    valid: () => { const { y, m, d } = date(); return complete(pad(y % 100, 2) + pad(m, 2) + pad(d, 2) + digits(4) + '08', luhn)!; },
    invalid: () => { const { y, m, d } = date(); return breakLast(complete(pad(y % 100, 2) + pad(m, 2) + pad(d, 2) + digits(4) + '08', luhn)!); },
    context: ['ID number {v}'],
  },
];

// ------------------------------------------------------------------ sentences

const NEUTRAL = [
  'Please update the record with {v} before noon.',
  '{v} was found in the uploaded file.',
  'The value {v} appeared twice in the log',
  'See ({v}) for details.',
  'Forwarded: {v}; thanks, team',
  'Ticket #4821 mentions "{v}", can you check?',
  'Line 3: {v}',
];
const PROSE = [
  'The quarterly report is due next week and the team is on track.',
  'We moved the meeting to the large room on the third floor.',
  'Version 2.4.1 fixes the crash on start-up; see the changelog.',
  'Revenue grew 12.5% to 3,400,000 units in 2023 across 14 regions.',
  'The recipe needs 2 cups of flour, 3 eggs and 250 ml of milk.',
  'Run make test, then open index.html in the browser.',
  'Room 101 is booked from 9 to 11 for the design review.',
  'Order 5521 shipped in 3 boxes weighing 12 kg in total.',
];

interface Entity { start: number; end: number; label: string }
interface Sample { id: string; text: string; entities: Entity[] }

function fill(template: string, parts: Array<{ value: string; label?: string }>): { text: string; entities: Entity[] } {
  let text = '';
  const entities: Entity[] = [];
  const pieces = template.split('{v}');
  pieces.forEach((piece, i) => {
    text += piece;
    const part = parts[i];
    if (i < pieces.length - 1 && part) {
      if (part.label) entities.push({ start: text.length, end: text.length + part.value.length, label: part.label });
      text += part.value;
    }
  });
  return { text, entities };
}

const samples: Sample[] = [];
let n = 0;
const add = (s: { text: string; entities: Entity[] }, kind: string) => samples.push({ id: `${kind}-${++n}`, ...s });

for (const spec of SPECS) {
  const positives = spec.bare ? 10 : 8;
  for (let i = 0; i < positives; i++) {
    const useContext = !spec.bare || i % 2 === 0;
    const template = useContext ? pick(spec.context) : pick(NEUTRAL);
    add(fill(template, [{ value: spec.valid(), label: spec.type }]), `pos-${spec.type}`);
  }
  for (let i = 0; i < 4; i++) {
    const template = i % 2 === 0 ? pick(spec.context) : pick(NEUTRAL);
    add(fill(template, [{ value: spec.invalid() }]), `neg-${spec.type}`);
  }
  // Glued to letters: never a match.
  add(fill(pick(NEUTRAL), [{ value: `ref${spec.valid().replace(/\s/g, '')}x` }]), `glued-${spec.type}`);
}

// Several entities in one sentence (global + US types).
const MULTI = ['EMAIL', 'PHONE_NUMBER', 'CREDIT_CARD', 'IBAN_CODE', 'US_SSN', 'DATE_TIME', 'IP_ADDRESS', 'URL'];
for (let i = 0; i < 40; i++) {
  const typeA = pick(MULTI);
  const typeB = pick(MULTI.filter((t) => t !== typeA));
  const a = SPECS.find((s) => s.type === typeA)!;
  const b = SPECS.find((s) => s.type === typeB)!;
  const template = pick([
    'Customer {v} (alt. {v}) asked for a refund.',
    'Contact details: {v}, {v}.',
    'From {v} to {v}: no reply yet.',
    '{v} and {v} were both flagged by the audit',
  ]);
  add(fill(template, [{ value: a.valid(), label: a.type }, { value: b.valid(), label: b.type }]), 'multi');
}

// Hand-written harder cases, including formats the recognizers are not tuned for, so the table
// is not only a mirror of the generators above.
const HARD: Array<[sentence: string, parts: Array<{ value: string; label?: string }>]> = [
  ['Ring +1.415.555.0132 after six.', [{ value: '+1.415.555.0132', label: 'PHONE_NUMBER' }]],
  ['Tel. 415 5550132 (desk)', [{ value: '415 5550132', label: 'PHONE_NUMBER' }]],
  ['UK office: +44 (0) 20 7946 0958.', [{ value: '+44 (0) 20 7946 0958', label: 'PHONE_NUMBER' }]],
  ['WhatsApp +34 612 34 56 78 or email.', [{ value: '+34 612 34 56 78', label: 'PHONE_NUMBER' }]],
  ['Call 1 800 FLOWERS now', [{ value: '1 800 FLOWERS' }]],
  ['Fax: (212) 555 0143, ext. 12', [{ value: '(212) 555 0143', label: 'PHONE_NUMBER' }]],
  ['Mail J.O.Brien+news@sub.mail.example.co.uk today', [{ value: 'J.O.Brien+news@sub.mail.example.co.uk', label: 'EMAIL' }]],
  ['Write to "Ana Silva" <ana.silva@example.com>.', [{ value: 'ana.silva@example.com', label: 'EMAIL' }]],
  ['Mixed case MARIA@EXAMPLE.ORG works too', [{ value: 'MARIA@EXAMPLE.ORG', label: 'EMAIL' }]],
  ['Docs at http://localhost:3000/docs#intro, then ask.', [{ value: 'http://localhost:3000/docs#intro', label: 'URL' }]],
  ['Open (https://en.wikipedia.org/wiki/Foo_(bar)) now', [{ value: 'https://en.wikipedia.org/wiki/Foo_(bar)', label: 'URL' }]],
  ['The file config.yaml and the module os.path are not links.', [{ value: 'config.yaml' }]],
  ['Card 4111-1111-1111-1111 on file; 4111 1111 1111 1112 is a typo.', [{ value: '4111-1111-1111-1111', label: 'CREDIT_CARD' }, { value: '4111 1111 1111 1112' }]],
  ['Amex 3714 496353 98431 charged', [{ value: '3714 496353 98431', label: 'CREDIT_CARD' }]],
  ['Dates: 5/3/24 and 2024.03.05 and 3rd of May 2021.', [{ value: '5/3/24', label: 'DATE_TIME' }, { value: '2024.03.05', label: 'DATE_TIME' }, { value: '3rd of May 2021', label: 'DATE_TIME' }]],
  ['Meeting on Tue, 5 Mar 2024 at 14:30.', [{ value: '5 Mar 2024', label: 'DATE_TIME' }, { value: '14:30', label: 'DATE_TIME' }]],
  ['Server 10.0.0.254:8080 and [2001:db8::2]:443 answered.', [{ value: '10.0.0.254', label: 'IP_ADDRESS' }, { value: '2001:db8::2', label: 'IP_ADDRESS' }]],
  ['Build 1.2.3.4 of the app is out.', [{ value: '1.2.3.4', label: 'IP_ADDRESS' }]],
  ['SSN 536 22 8741 and SSN 536228741 (same person).', [{ value: '536 22 8741', label: 'US_SSN' }, { value: '536228741', label: 'US_SSN' }]],
  ['IBAN: de89 3704 0044 0532 0130 00 (lower case)', [{ value: 'de89 3704 0044 0532 0130 00', label: 'IBAN_CODE' }]],
  ['MAC 0:1a:2b:3c:4d:5e is short-form', [{ value: '0:1a:2b:3c:4d:5e', label: 'MAC_ADDRESS' }]],
  ['Order #2024-0315-7788 shipped; invoice 2024/03/15.', [{ value: '2024/03/15', label: 'DATE_TIME' }]],
];
for (const [sentence, parts] of HARD) {
  // The sentences are written out in full for readability; cut the values back out in order.
  let template = '';
  let rest = sentence;
  for (const part of parts) {
    const at = rest.indexOf(part.value);
    template += rest.slice(0, at) + '{v}';
    rest = rest.slice(at + part.value.length);
  }
  add(fill(template + rest, parts), 'hard');
}

for (let i = 0; i < 48; i++) add({ text: PROSE[i % PROSE.length]!, entities: [] }, 'prose');

const out = fileURLToPath(new URL('../test/fixtures/recognizers/eval.jsonl', import.meta.url));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, samples.map((s) => JSON.stringify(s)).join('\n') + '\n');
console.log(`wrote ${samples.length} samples (${samples.reduce((k, s) => k + s.entities.length, 0)} entities) to ${out}`);
