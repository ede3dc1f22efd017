/**
 * Throughput of the heuristic recognizers against redact-pii's `SyncRedactor` (regex + name list,
 * the common npm choice) on the same generated corpus, in the same process.
 *
 * The corpus (≥ 10 MB of UTF-8) is built deterministically: prose paragraphs with e-mails, phone
 * numbers, cards, IBANs, SSNs, IPs, URLs and dates mixed in, split into documents of ~2 kB as
 * both libraries are used per document. Each side runs 5 times over every document (after one
 * warm-up pass over the first 1000 documents); the median MB/s (10^6 bytes of UTF-8 per second) is printed for both,
 * and the ratio. `recognize` runs its default type set (global + US pack); redact-pii its
 * default redactors. They do not find the same things (redact-pii also guesses names, we also
 * validate checksums), so this compares cost per byte, not quality (see bench/heuristics-eval.ts).
 *
 *   npx tsx bench/heuristics.bench.ts [--mb 10] [--runs 5]
 */
import { performance } from 'node:perf_hooks';
import { SyncRedactor } from 'redact-pii';
import { heuristicTypes, recognize } from '../src/recognizers/registry.js';
import { luhnComplete } from './seeded.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const TARGET_MB = arg('--mb', 10);
const RUNS = arg('--runs', 5);

// ------------------------------------------------------------------ corpus

let state = 42;
const rnd = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');

const WORDS = ('the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there one all we their can has more when will would if so no out up said what its about than into them only some could time these two may first then do any like my now over such our man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three').split(' ');
const NAMES = ['Maria Lopez', 'John Smith', 'Wei Chen', 'Ana Silva', 'Omar Haddad', 'Giulia Rossi', 'Jan Novak', 'Yuki Tanaka'];


const PII: Array<() => string> = [
  () => `${pick(NAMES).toLowerCase().replace(' ', '.')}@example.${pick(['com', 'org', 'net'])}`,
  () => `(${200 + Math.floor(rnd() * 700)}) 555-${digits(4)}`,
  () => `+44 20 7946 ${digits(4)}`,
  () => luhnComplete(`4${digits(14)}`).replace(/(.{4})(?!$)/g, '$1 '),
  () => 'GB82 WEST 1234 5698 7654 32',
  () => `${100 + Math.floor(rnd() * 500)}-${10 + Math.floor(rnd() * 89)}-${1000 + Math.floor(rnd() * 8999)}`,
  () => `${Math.floor(rnd() * 223) + 1}.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 254) + 1}`,
  () => `https://www.example.com/users/${digits(5)}?ref=mail`,
  () => `${2000 + Math.floor(rnd() * 24)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
  () => `March ${1 + Math.floor(rnd() * 28)}, 2024`,
];

function sentence(): string {
  const n = 8 + Math.floor(rnd() * 14);
  const words = Array.from({ length: n }, () => pick(WORDS));
  if (rnd() < 0.35) words.splice(Math.floor(rnd() * n), 0, pick(PII)());
  if (rnd() < 0.1) words.splice(Math.floor(rnd() * n), 0, pick(NAMES));
  if (rnd() < 0.15) words.push(String(Math.floor(rnd() * 10_000)));
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + pick(['.', '.', '.', '?', '!']);
}

function corpus(targetBytes: number): string[] {
  const docs: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    let doc = '';
    while (doc.length < 2000) doc += sentence() + (rnd() < 0.2 ? '\n\n' : ' ');
    docs.push(doc);
    bytes += Buffer.byteLength(doc, 'utf8');
  }
  return docs;
}

// ------------------------------------------------------------------ timing

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure(name: string, docs: readonly string[], mb: number, run: (doc: string) => unknown): { name: string; mbps: number[]; found: number } {
  for (const doc of docs.slice(0, 1000)) run(doc); // warm-up (~2 MB): JIT, regex compilation
  const mbps: number[] = [];
  let found = 0;
  for (let r = 0; r < RUNS; r++) {
    let count = 0;
    const t0 = performance.now();
    for (const doc of docs) {
      const out = run(doc);
      if (Array.isArray(out)) count += out.length;
    }
    const seconds = (performance.now() - t0) / 1000;
    mbps.push(mb / seconds);
    found = count;
    process.stderr.write(`  ${name} run ${r + 1}/${RUNS}: ${(mb / seconds).toFixed(2)} MB/s\n`);
  }
  return { name, mbps, found };
}

const docs = corpus(TARGET_MB * 1e6);
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d, 'utf8'), 0);
const mb = bytes / 1e6;
const types = heuristicTypes();
console.log(`corpus: ${docs.length} documents, ${mb.toFixed(2)} MB (UTF-8), ${RUNS} runs each, node ${process.version}`);
console.log(`pii-local recognize: default types (${types.length}): ${types.join(', ')}`);

const ours = measure('pii-local recognize', docs, mb, (doc) => recognize(doc));
const redactor = new SyncRedactor();
const theirs = measure('redact-pii SyncRedactor', docs, mb, (doc) => redactor.redact(doc));

const a = median(ours.mbps);
const b = median(theirs.mbps);
console.log(`pii-local recognize      median ${a.toFixed(2)} MB/s  (runs: ${ours.mbps.map((x) => x.toFixed(2)).join(', ')}; ${ours.found} spans/run)`);
console.log(`redact-pii SyncRedactor  median ${b.toFixed(2)} MB/s  (runs: ${theirs.mbps.map((x) => x.toFixed(2)).join(', ')})`);
console.log(`ratio pii-local / redact-pii: ${(a / b).toFixed(2)}x`);
