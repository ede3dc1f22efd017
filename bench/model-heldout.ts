/**
 * The bundled (or any) GLiNER model scored through the library, as a caller sees it: each held-out
 * sentence goes through `engine.detect` with `method: 'gliner'` (the engine's windowing, decoding,
 * span rules and merge), and its spans are matched to the gold word spans exactly. The model build's
 * `evaluate.py` scores the raw PyTorch model; this scores what `--method gliner` returns.
 *
 *   npx tsx bench/model-heldout.ts [--model models/pii-local-small] [--heldout models/build/train/heldout.json]
 *                                  [--sets btc,crossner,wikigold,uner_pud] [--max 300] [--threshold 0.3]
 *
 * The held-out file is written by the model build (`train.py`, never committed): sentences as word
 * lists with gold (first word, last word, label) spans. A sentence's text is its words joined by
 * one space, as the corpora were tokenized.
 */
import { readFileSync } from 'node:fs';
import { createEngine } from '../src/engine/engine.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};

interface HeldOut {
  words: string[];
  spans: Array<[number, number, string]>;
}

const LABELS: Record<string, string> = { person: 'PERSON', organization: 'ORGANIZATION', location: 'LOCATION' };
const model = arg('model', 'models/pii-local-small');
const held = JSON.parse(readFileSync(arg('heldout', 'models/build/train/heldout.json'), 'utf8')) as Record<string, HeldOut[]>;
const sets = arg('sets', 'btc,crossner,wikigold,uner_pud').split(',');
const max = Number(arg('max', '300'));
const threshold = Number(arg('threshold', '0.3'));
const types = Object.values(LABELS);

const engine = createEngine({ model, modelOptions: { backend: 'wasm', numThreads: 1 } });
const rows: string[] = [];
const total: Record<string, [number, number, number]> = {};
for (const set of sets) {
  const exs = (held[set] ?? []).slice(0, max);
  if (exs.length === 0) throw new Error(`no held-out set ${set}`);
  const texts = exs.map((e) => e.words.join(' '));
  const found = await engine.detect(texts, { method: 'gliner', types, threshold });
  const counts: Record<string, [number, number, number]> = {};
  exs.forEach((e, i) => {
    // word index of each character offset
    const starts: number[] = [];
    let at = 0;
    for (const w of e.words) { starts.push(at); at += w.length + 1; }
    const wordAt = (offset: number) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid]! <= offset) lo = mid; else hi = mid - 1; }
      return lo;
    };
    const gold = new Set(e.spans.filter(([, , l]) => LABELS[l]).map(([s, t, l]) => `${s}:${t}:${LABELS[l]}`));
    const pred = new Set((found[i]!.spans ?? []).filter((s) => types.includes(s.label)).map((s) => `${wordAt(s.start)}:${wordAt(s.end - 1)}:${s.label}`));
    for (const k of pred) { const l = k.split(':')[2]!; (counts[l] ??= [0, 0, 0])[gold.has(k) ? 0 : 1]++; }
    for (const k of gold) if (!pred.has(k)) (counts[k.split(':')[2]!] ??= [0, 0, 0])[2]++;
  });
  for (const [l, c] of Object.entries(counts)) {
    const t = (total[l] ??= [0, 0, 0]);
    c.forEach((v, j) => (t[j] += v));
    rows.push(line(set, exs.length, l, c));
  }
}
for (const [l, c] of Object.entries(total)) rows.push(line('all', 0, l, c));
console.log(`model ${model}, threshold ${threshold}, first ${max} sentences per set, exact word-span match\n`);
console.log('| set | n | label | P | R | F1 | support |\n|---|---:|---|---:|---:|---:|---:|');
console.log(rows.join('\n'));
await engine.dispose();

function line(set: string, n: number, label: string, [tp, fp, fn]: [number, number, number]): string {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `| ${set} | ${n || ''} | ${label} | ${p.toFixed(3)} | ${r.toFixed(3)} | ${f.toFixed(3)} | ${tp + fn} |`;
}
