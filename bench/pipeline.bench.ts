/**
 * Cost of each pipeline stage on the same samples, as ratios to GLiNER inference: heuristics, merge,
 * and each mask. WASM, 1 thread, Node. Medians of RUNS runs (shared machines are noisy).
 *
 *   npx tsx bench/pipeline.bench.ts [--samples 64] [--runs 5]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadGliner } from '../src/gliner/index.js';
import { recognize } from '../src/recognizers/registry.js';
import { mergeSpansInText } from '../src/engine/merge.js';
import { createMasker, type MaskConfig } from '../src/masks/index.js';
import { MODEL_PROMPTS } from '../src/engine/labels.js';
import { defaultModelSource } from '../src/engine/model-source.js';
import type { Span } from '../src/types.js';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '64' }, runs: { type: 'string', default: '5' } } });
const N = Number(values.samples);
const RUNS = Number(values.runs);

const FIRST = ['Maria', 'James', 'Aiko', 'Oluwaseun', 'Henrik', 'Grace', 'Dimitri', 'Fatima', 'Robert', 'Priya'];
const LAST = ['Gonzalez', "O'Connor", 'Tanaka', 'Adeyemi', 'Lindqvist', 'Okafor', 'Volkov', 'Al-Sayed', 'Chen', 'Raman'];
function sample(i: number): string {
  const a = `${FIRST[i % 10]} ${LAST[(i * 3) % 10]}`;
  const b = `${FIRST[(i + 4) % 10]} ${LAST[(i * 7 + 1) % 10]}`;
  return `Patient ${a} (DOB 03/${String((i % 27) + 1).padStart(2, '0')}/1984) called from 217-555-01${String(i % 100).padStart(2, '0')} about her lab results. ` +
    `Please email ${a.split(' ')[0]!.toLowerCase()}@example.com and copy Dr. ${b} at Springfield General Hospital, 42 Maple Street, Springfield.`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeIt(fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const texts = Array.from({ length: N }, (_, i) => sample(i));
const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0);
const model = await loadGliner(await defaultModelSource(), { backend: 'wasm', numThreads: 1 });
const types = ['PERSON', 'ORGANIZATION', 'LOCATION', 'STREET_ADDRESS', 'EMAIL', 'PHONE_NUMBER', 'DATE_TIME'];
const labels = types.map((t) => MODEL_PROMPTS[t]!);

await model.predict(texts.slice(0, 2), labels); // warm-up
let modelSpans: Span[][] = [];
const tGliner = await timeIt(async () => {
  modelSpans = await model.predict(texts, labels, { batchSize: 8 });
});
let heuristicSpans: Span[][] = [];
const tHeuristics = await timeIt(() => {
  heuristicSpans = texts.map((t) => recognize(t));
});
let merged: Span[][] = [];
const tMerge = await timeIt(() => {
  merged = texts.map((t, i) => mergeSpansInText(t, [...modelSpans[i]!, ...heuristicSpans[i]!]));
});
const rows: Array<[string, number]> = [
  ['gliner inference (batch 8)', tGliner],
  ['heuristics (default types)', tHeuristics],
  ['merge', tMerge],
];
const key = new Uint8Array(32).fill(7);
for (const strategy of ['REDACT', 'REPLACE', 'MASK', 'HASH', 'ENCRYPT', 'PSEUDONYMIZE'] as const) {
  const config = Object.fromEntries(types.map((t) => [t, strategy])) as MaskConfig;
  const t = await timeIt(async () => {
    const masker = createMasker({ hashKey: key, encryptionKey: key, seed: 1 });
    for (const [i, text] of texts.entries()) await masker.mask(text, merged[i]!.map((s) => ({ ...s, label: types.includes(s.label) ? s.label : 'PERSON' })), config);
  });
  rows.push([`mask ${strategy}`, t]);
}
await model.dispose();

console.log(`${N} samples, ${words} words, medians of ${RUNS} runs (WASM, 1 thread, Node ${process.version})\n`);
console.log('| stage | ms | per sample (ms) | relative to inference |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(1)} | ${(ms / N).toFixed(3)} | ${(ms / tGliner).toFixed(4)} |`);
