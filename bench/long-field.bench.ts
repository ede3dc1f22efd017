/**
 * Linear time end to end: the engine's default method (`gliner+heuristics`, the bundled model's
 * default types, masks) on one long field of 15 kB, 150 kB and 1.5 MB, and on the same sizes cut
 * into short fields (~150 chars). Reports chars/s per size and each size's rate over the 15 kB one
 * (the target: the 1.5 MB one field ≥ 0.6× the 15 kB one). Sizes are run interleaved, median of
 * `--runs` (the 1.5 MB rows once unless `--runs-big` says more), WASM, 1 thread, in-process.
 *
 *   npx tsx bench/long-field.bench.ts [--runs 3] [--runs-big 1] [--max 1500000] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { createEngine } from '../src/engine/engine.js';
import { mulberry32 } from './seeded.js';
import { SENTENCES } from './sentences.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};


/** About `chars` characters of prose, seeded: the same text on every run. */
function prose(chars: number, seed: number): string {
  const rnd = mulberry32(seed);
  const out: string[] = [];
  let n = 0;
  while (n < chars) {
    const s = SENTENCES[Math.floor(rnd() * SENTENCES.length)]!;
    out.push(s);
    n += s.length + 1;
  }
  return out.join(' ');
}

/** The same prose cut into fields of about 150 characters, at sentence ends. */
function shortFields(text: string): string[] {
  const fields: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + 150);
    const stop = text.indexOf('. ', end);
    end = stop < 0 ? text.length : stop + 1;
    fields.push(text.slice(at, end).trim());
    at = end;
  }
  return fields;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

const runs = Number(arg('runs', '3'));
const runsBig = Number(arg('runs-big', '1'));
const max = Number(arg('max', '1500000'));
const sizes = [15_000, 150_000, 1_500_000].filter((s) => s <= max);
const engine = createEngine({ modelOptions: { backend: 'wasm', numThreads: 1 } });
const t0 = performance.now();
const model = await engine.ready();
console.log(`load ${Math.round(performance.now() - t0)} ms`, model.loadTimings ?? '');
await engine.redact(['Warm-up: Ana Silva, ana@example.org.'], { method: 'gliner+heuristics' });

type Row = { layout: string; chars: number; fields: number; ms: number[] };
const rows: Row[] = [];
for (const size of sizes) {
  const text = prose(size, 7);
  rows.push({ layout: 'one field', chars: text.length, fields: 1, ms: [] });
  rows.push({ layout: 'short fields', chars: text.length, fields: shortFields(text).length, ms: [] });
}
const inputs = new Map<Row, string[]>();
for (const r of rows) {
  const text = prose(r.chars > 1_000_000 ? 1_500_000 : r.chars > 100_000 ? 150_000 : 15_000, 7);
  inputs.set(r, r.layout === 'one field' ? [text] : shortFields(text));
}
const most = Math.max(runs, runsBig);
for (let run = 0; run < most; run++) {
  for (const r of rows) {
    if (run >= (r.chars > 1_000_000 ? runsBig : runs)) continue;
    const texts = inputs.get(r)!;
    const t = performance.now();
    const { samples } = await engine.redact(texts, { method: 'gliner+heuristics' });
    r.ms.push(performance.now() - t);
    const failed = samples.filter((s) => s.error !== undefined).length;
    if (failed > 0) throw new Error(`${failed} samples failed in ${r.layout} ${r.chars}`);
    process.stderr.write(`run ${run + 1}: ${r.layout} ${r.chars} chars ${Math.round(r.ms.at(-1)!)} ms\n`);
  }
}

const table = rows.map((r) => {
  const ms = median(r.ms);
  const base = rows.find((b) => b.layout === r.layout)!;
  const rate = (r.chars / ms) * 1000;
  const baseRate = (base.chars / median(base.ms)) * 1000;
  return { layout: r.layout, chars: r.chars, fields: r.fields, 'median ms': Math.round(ms), 'chars/s': Math.round(rate), 'vs 15 kB': +(rate / baseRate).toFixed(2), runs: r.ms.length };
});
console.log(`gliner+heuristics, bundled model, default types, WASM 1 thread, Node ${process.versions.node}`);
console.table(table);
const json = arg('json', '');
if (json) writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), load: model.loadTimings, rows: table }, null, 1));
await engine.dispose();
