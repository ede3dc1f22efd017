/**
 * The benchmark's result shape (`window.__benchResults`) and the summaries derived from it: the
 * pii-local / GLiNER.js ratio per backend, the WASM thread speed-up, and the markdown table that
 * `npm run bench:browser` prints. Pure functions, shared by the page and the Node script.
 */

export type Impl = 'pii-local' | 'GLiNER.js';
export type Method = 'heuristics' | 'gliner' | 'gliner+heuristics';
/** A backend configuration of the page; `js` is the heuristics, which use no model runtime. */
export type BackendKey = 'js' | 'wasm-1' | 'wasm-n' | 'webgpu';

/** One measured row: an implementation running one method on one backend. All times are medians. */
export interface BenchRow {
  impl: Impl;
  method: Method;
  backend: BackendKey;
  /** What actually ran, as the runtime reports it (`wasm`, `webgpu`; `js` for heuristics). */
  runtime: string;
  /** WASM threads (1 for WebGPU and heuristics). */
  threads: number;
  /** Worker start + model files fetched + session open, until the model is ready; null without a model. */
  loadMs: number | null;
  /** From a fresh worker's first call on one sample (after load) to its result: the cold first inference. */
  firstMs: number;
  /** One pass over the corpus (or the first `samples` of it) in one call, warm. */
  corpusMs: number;
  /** Samples and words in that pass (WebGPU passes may use the first samples only). */
  samples: number;
  words: number;
  wordsPerSec: number;
  samplesPerSec: number;
  /** Spans found over the corpus (a sanity check that the row did real work). */
  entities: number;
  /**
   * `gliner` rows: share of spans (start, end, label) identical to pii-local `gliner` on WASM 1
   * thread over the same samples (Jaccard): what another backend or implementation changes in the
   * output. Absent for the reference itself and when neither found a span.
   */
  agreement?: number;
  runs: number;
}

export interface BenchResults {
  env: {
    userAgent: string;
    crossOriginIsolated: boolean;
    hardwareConcurrency: number;
    /** The WebGPU adapter's description, or null when the browser has none. */
    webgpuAdapter: string | null;
  };
  corpus: { samples: number; words: number; file: string };
  model: string;
  /** The GLiNER labels both implementations are asked for. */
  labels: string[];
  threshold: number;
  /** GLiNER.js texts per `inference` call; pii-local's `batchSize` (rows per ONNX run) is its default. */
  peerBatchSize: number;
  rows: BenchRow[];
  /** Configurations that could not run, with the step that failed (never sample text). */
  errors: string[];
  durationMs: number;
}

export const BACKEND_LABEL: Readonly<Record<BackendKey, string>> = {
  js: 'no model (JS)',
  'wasm-1': 'WASM, 1 thread',
  'wasm-n': 'WASM, N threads',
  webgpu: 'WebGPU',
};

/** The backend column: the configuration, plus what ran when the runtime differs from it (a fallback). */
export function backendCell(row: BenchRow): string {
  const expected = row.backend === 'js' ? 'js' : row.backend === 'webgpu' ? 'webgpu' : 'wasm';
  return row.runtime === expected ? BACKEND_LABEL[row.backend] : `${BACKEND_LABEL[row.backend]} → ran on ${row.runtime}`;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Whitespace-separated words: what a reader calls a word (punctuation is not counted apart). */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n++;
  return n;
}

/** pii-local `gliner` words/s ÷ GLiNER.js words/s, per backend where both ran. */
export function peerRatios(results: BenchResults): { backend: BackendKey; ratio: number }[] {
  const out: { backend: BackendKey; ratio: number }[] = [];
  for (const backend of ['wasm-1', 'wasm-n', 'webgpu'] as const) {
    const ours = find(results, 'pii-local', 'gliner', backend);
    const peer = find(results, 'GLiNER.js', 'gliner', backend);
    if (ours && peer && peer.wordsPerSec > 0) out.push({ backend, ratio: ours.wordsPerSec / peer.wordsPerSec });
  }
  return out;
}

/** words/s on WASM with N threads ÷ with 1 thread, per implementation and method. */
export function threadSpeedups(results: BenchResults): { impl: Impl; method: Method; threads: number; speedup: number }[] {
  const out: { impl: Impl; method: Method; threads: number; speedup: number }[] = [];
  for (const r of results.rows) {
    if (r.backend !== 'wasm-n') continue;
    const one = find(results, r.impl, r.method, 'wasm-1');
    if (one && one.wordsPerSec > 0) out.push({ impl: r.impl, method: r.method, threads: r.threads, speedup: r.wordsPerSec / one.wordsPerSec });
  }
  return out;
}

function find(results: BenchResults, impl: Impl, method: Method, backend: BackendKey): BenchRow | undefined {
  return results.rows.find((r) => r.impl === impl && r.method === method && r.backend === backend);
}

const fmt = (n: number | null, digits = 0) => (n === null || !Number.isFinite(n) ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

/** The results as a markdown report: setup line, table, ratios, speed-ups, errors. */
export function toMarkdown(results: BenchResults): string {
  const lines: string[] = [];
  const e = results.env;
  lines.push(
    `Corpus ${results.corpus.file}: ${results.corpus.samples} samples, ${results.corpus.words} words · model ${results.model} · ` +
      `${results.labels.length} labels · threshold ${results.threshold} · medians of ${Math.max(0, ...results.rows.map((r) => r.runs))} runs · ` +
      `crossOriginIsolated ${e.crossOriginIsolated} · ${e.hardwareConcurrency} logical CPUs · WebGPU adapter: ${e.webgpuAdapter ?? 'none'}`,
  );
  lines.push('');
  lines.push('| implementation | method | backend | threads | load ms | first result ms | corpus ms | words/s | samples/s | entities | agreement¹ |');
  lines.push('|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of results.rows) {
    lines.push(
      `| ${r.impl} | ${r.method} | ${backendCell(r)} | ${r.threads} | ${fmt(r.loadMs)} | ${fmt(r.firstMs, 1)} | ${fmt(r.corpusMs)}${r.samples === results.corpus.samples ? '' : ` (${r.samples} samples)`} | ` +
        `${fmt(r.wordsPerSec, r.wordsPerSec < 100 ? 1 : 0)} | ${fmt(r.samplesPerSec, r.samplesPerSec < 1 ? 2 : 1)} | ${r.entities} | ${r.agreement === undefined ? '' : `${fmt(r.agreement * 100, 0)} %`} |`,
    );
  }
  lines.push('');
  lines.push('¹ spans identical to pii-local gliner on WASM 1 thread, same samples (Jaccard over start, end, label).');
  const ratios = peerRatios(results);
  if (ratios.length > 0) {
    lines.push('');
    lines.push('pii-local ÷ GLiNER.js (gliner method, words/s): ' + ratios.map((r) => `${BACKEND_LABEL[r.backend]} ×${r.ratio.toFixed(2)}`).join(' · '));
  }
  const speedups = threadSpeedups(results);
  if (speedups.length > 0) {
    lines.push('');
    lines.push('WASM thread speed-up (N threads ÷ 1 thread, words/s): ' + speedups.map((s) => `${s.impl} ${s.method} (${s.threads} threads) ×${s.speedup.toFixed(2)}`).join(' · '));
  }
  if (results.errors.length > 0) {
    lines.push('');
    for (const err of results.errors) lines.push(`- not measured: ${err}`);
  }
  return lines.join('\n');
}
