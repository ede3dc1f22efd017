/**
 * GLiNER inference speed: the bundled model on onnxruntime-web, backend `wasm`, 1 thread, in-process
 * in Node. Reports words/s and samples/s for 20-word and 2,000-word samples (batchSize 8) and the
 * speed-up of batchSize 8 over 1 on the 20-word samples. Each row is the median of 5 timed runs
 * after one warm-up run; every run predicts the same deterministic samples.
 *
 *   npx tsx bench/gliner.bench.ts [--model models/pii-local-small] [--runs 5]
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGliner, type GlinerModel } from '../src/gliner/index.js';
import { splitWords } from '../src/gliner/words.js';
import { SENTENCES } from './sentences.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LABELS = ['person', 'organization', 'location', 'street address', 'date', 'email', 'phone number'];
// The first six sentences: the rows this benchmark has always reported on.
const BANK = SENTENCES.slice(0, 6);

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** `count` texts of exactly `words` GLiNER words, cut from the sentence bank at different offsets. */
function samples(count: number, words: number): string[] {
  const bank = BANK.join(' ');
  const bankWords = splitWords(bank);
  return Array.from({ length: count }, (_, i) => {
    const parts: string[] = [];
    for (let w = 0; w < words; w++) parts.push(bankWords[(i * 7 + w) % bankWords.length]!.text);
    return parts.join(' ');
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Config {
  sample: string;
  texts: string[];
  batchSize: number;
}

/** Median ms per config; runs are interleaved so that load from other processes hits every config alike. */
async function time(model: GlinerModel, configs: Config[], runs: number): Promise<number[]> {
  for (const c of configs) await model.predict(c.texts, LABELS, { batchSize: c.batchSize }); // warm-up
  const ms: number[][] = configs.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (const [i, c] of configs.entries()) {
      const t0 = performance.now();
      await model.predict(c.texts, LABELS, { batchSize: c.batchSize });
      ms[i]!.push(performance.now() - t0);
    }
  }
  return ms.map(median);
}

const modelDir = join(ROOT, arg('model', 'models/pii-local-small'));
const runs = Number(arg('runs', '5'));
const t0 = performance.now();
const model = await loadGliner(modelDir, { backend: 'wasm', numThreads: 1 });
const loadMs = performance.now() - t0;

const short = samples(64, 20);
const long = samples(2, 2000);
const configs: Config[] = [
  { sample: '20 words', texts: short, batchSize: 8 },
  { sample: '20 words', texts: short, batchSize: 1 },
  { sample: '2,000 words', texts: long, batchSize: 8 },
];
const medians = await time(model, configs, runs);
const rows = configs.map((c, i) => {
  const ms = medians[i]!;
  const words = c.texts.reduce((n, t) => n + splitWords(t).length, 0);
  return {
    sample: c.sample,
    samples: c.texts.length,
    batchSize: c.batchSize,
    'median ms': Math.round(ms),
    'words/s': Math.round((words / ms) * 1000),
    'samples/s': +((c.texts.length / ms) * 1000).toFixed(2),
  };
});
const speedup = medians[1]! / medians[0]!;

console.log(`model ${modelDir.slice(ROOT.length)} · backend ${model.backend} · 1 thread · in-process (Node ${process.versions.node}) · ${LABELS.length} labels · load ${Math.round(loadMs)} ms · median of ${runs}`);
console.table(rows);
console.log(`batch speed-up (20-word samples, batchSize 8 vs 1): ×${speedup.toFixed(2)}`);
await model.dispose();
