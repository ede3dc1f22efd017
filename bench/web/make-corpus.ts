/**
 * Builds `bench/web/corpus.jsonl`, the texts the in-browser benchmark page measures: 60 samples of
 * 20–200 words (whitespace-separated), each `{"id", "text"}`, written like support tickets, clinic
 * notes, HR mails and bank letters, with names, e-mails, phone numbers, addresses, dates and ids.
 *
 * Deterministic (seeded PRNG): the same file on every run, so results of different days compare.
 * Every value is fictional: 555-01XX phone lines, example.* domains, TEST-NET IPs, generated card
 * and IBAN numbers whose check digits pass (so the heuristics find them, as they would real ones).
 *
 *   npx tsx bench/web/make-corpus.ts
 */
import { writeFileSync } from 'node:fs';
import { luhnComplete, mulberry32 } from '../seeded.js';
import { fileURLToPath } from 'node:url';

const SAMPLES = 60;
const MIN_WORDS = 20;
const MAX_WORDS = 200;

const rnd = mulberry32(0x9e3779b9);
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');
const pad = (n: number, w: number) => String(n).padStart(w, '0');

const FIRST = ['Maria', 'John', 'Li', 'Ana', 'Omar', 'Sofia', 'Peter', 'Yuki', 'Fatima', 'Lucas', 'Grace', 'Ahmed', 'Elena', 'David', 'Priya', 'Jonas'];
const LAST = ['Lopez', 'Smith', 'Wang', 'Silva', 'Haddad', 'Rossi', 'Novak', 'Tanaka', 'Khan', 'Muller', 'Okafor', 'Berg', 'Dubois', 'Kowalski'];
const CITIES = ['Springfield', 'Portland', 'Lyon', 'Oslo', 'Austin', 'Leeds', 'Toronto', 'Denver', 'Madrid', 'Dublin'];
const STREETS = ['Oak Street', 'Maple Avenue', 'Harbor Road', 'Elm Drive', 'King Street', 'Cedar Lane', 'Mill Road'];
const ORGS = ['Nordic Shipping AB', 'St. Mary Hospital', 'Acme Insurance', 'Bluefin Logistics', 'Riverside Clinic', 'Globex Bank', 'Northwind Traders'];
const DOMAINS = ['example.com', 'example.org', 'mail.example.net', 'corp.example.io'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const person = () => `${pick(FIRST)} ${pick(LAST)}`;
const email = (name: string) => `${name.toLowerCase().replace(/[^a-z ]/g, '').replace(' ', '.')}@${pick(DOMAINS)}`;
const phone = () => pick([`(${int(201, 989)}) 555-01${pad(int(0, 99), 2)}`, `+1 ${int(201, 989)}-555-01${pad(int(0, 99), 2)}`, `${int(201, 989)}.555.01${pad(int(0, 99), 2)}`]);
const address = () => `${int(2, 9800)} ${pick(STREETS)}, ${pick(CITIES)}`;
const date = () => pick([`${pick(MONTHS)} ${int(1, 28)}, ${int(2019, 2025)}`, `${int(2019, 2025)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`, `${int(1, 28)} ${pick(MONTHS)} ${int(1950, 2001)}`]);
const ssn = () => `${pad(int(101, 665), 3)}-${pad(int(1, 99), 2)}-${pad(int(1, 9999), 4)}`;
const ip = () => `192.0.2.${int(1, 254)}`;
const url = () => `https://portal.${pick(DOMAINS)}/account/${digits(6)}`;

/** A 16-digit number starting 4 whose Luhn check digit is right. */
function card(): string {
  return luhnComplete('4' + digits(14)).replace(/(.{4})/g, '$1 ').trim();
}

/** A German-shaped IBAN with correct mod-97 check digits. */
function iban(): string {
  const bban = digits(18);
  const numeric = bban + '131400'; // "DE00" as digits, moved to the end
  let r = 0;
  for (const ch of numeric) r = (r * 10 + Number(ch)) % 97;
  return `DE${pad(98 - r, 2)}${bban}`.replace(/(.{4})/g, '$1 ').trim();
}

/** Sentences that carry personal data; each call draws fresh values. */
const PII: ReadonlyArray<() => string> = [
  () => { const n = person(); return `Please contact ${n} at ${email(n)} or call ${phone()}.`; },
  () => `The patient ${person()}, born ${date()}, was admitted to ${pick(ORGS)} in ${pick(CITIES)}.`,
  () => `Ship the replacement to ${person()}, ${address()}, before ${date()}.`,
  () => `Card ending in the number ${card()} was charged twice on ${date()}.`,
  () => `Refunds go to IBAN ${iban()} held by ${person()}.`,
  () => `Her social security number is ${ssn()} and her manager is ${person()}.`,
  () => `We saw logins from ${ip()} for the user ${email(person())} last night.`,
  () => `${person()} from ${pick(ORGS)} asked us to reset the account at ${url()}.`,
  () => `You can reach Dr. ${pick(LAST)} on ${phone()} between nine and five.`,
  () => `${person()} moved from ${pick(CITIES)} to ${address()} on ${date()}.`,
];

/** Sentences without personal data, used to reach the target length. */
const FILLER: readonly string[] = [
  'The issue was first reported by the night shift and has not been resolved yet.',
  'We reviewed the logs and found nothing unusual apart from a few timeouts.',
  'Thank you for your patience while we look into this.',
  'The follow-up appointment should be scheduled within the next two weeks.',
  'Our team will update the ticket as soon as we hear back from the vendor.',
  'The invoice lists three items, two of which were delivered on time.',
  'Please keep this message for your records.',
  'The meeting covered the budget, the hiring plan and the office move.',
  'No further action is needed at this point unless the problem returns.',
  'Blood pressure was normal and the medication dose stays the same.',
  'The package was scanned at the regional depot and is on its way.',
  'Let us know if the new settings work better for you.',
];

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

const lines: string[] = [];
for (let i = 0; i < SAMPLES; i++) {
  // lengths spread evenly over the range, shuffled by the PRNG
  const target = MIN_WORDS + Math.round(((i * 37) % SAMPLES) * ((MAX_WORDS - MIN_WORDS) / (SAMPLES - 1)));
  const parts: string[] = [pick(PII)()];
  let words = wordCount(parts[0]!);
  while (words < target) {
    const s = rnd() < 0.3 ? pick(PII)() : pick(FILLER);
    if (words + wordCount(s) > MAX_WORDS) break;
    parts.splice(int(0, parts.length), 0, s);
    words += wordCount(s);
  }
  lines.push(JSON.stringify({ id: `s${pad(i + 1, 2)}`, text: parts.join(' ') }));
}

const out = fileURLToPath(new URL('./corpus.jsonl', import.meta.url));
writeFileSync(out, lines.join('\n') + '\n');
const counts = lines.map((l) => wordCount((JSON.parse(l) as { text: string }).text));
console.log(`${out}: ${lines.length} samples, ${Math.min(...counts)}–${Math.max(...counts)} words, ${counts.reduce((a, b) => a + b, 0)} in all`);
