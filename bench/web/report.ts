/**
 * The benchmark's result shape (`window.__benchResults`) and the tables derived from it: pii-local
 * vs GLiNER.js words/s per backend with their ratio, every measured row, where a corpus pass spends
 * its time, and where a cold start spends it. Each table is built once as plain cells, then written
 * as markdown (`npm run bench:browser`) or as HTML (the page). Pure functions, shared by both.
 */

export type Impl = 'pii-local' | 'GLiNER.js';
export type Method = 'heuristics' | 'gliner' | 'gliner+heuristics';
/** A backend configuration of the page; `js` is the heuristics, which use no model runtime. */
export type BackendKey = 'js' | 'wasm-1' | 'wasm-n' | 'webgpu';

/**
 * Where one corpus pass went, in ms (medians over the timed passes). pii-local's stages come from
 * its `timings` sink (`src/engine/timings.ts`), GLiNER.js's from timing its own methods in the
 * peer worker; a stage absent was not run or not measurable.
 */
export interface PassStages {
  /** Words split and tokenized, windows planned, rows sorted (GLiNER.js: `prepareBatch`). */
  prepareMs?: number;
  /** Input tensors filled (GLiNER.js: `prepareInputs`). */
  tensorsMs?: number;
  /** onnxruntime's `session.run`. */
  runMs?: number;
  /** Logits → spans: candidates, greedy decoding, offsets. */
  decodeMs?: number;
  /** Pattern recognizers. */
  heuristicsMs?: number;
  /** Person-edge trimming and the merge of every detector's spans. */
  mergeMs?: number;
  /** In the worker but in none of the stages above: unpacking texts, slicing, yields between runs. */
  otherMs?: number;
  /** The page's wall time minus the time in the worker: messages, structured cloning, queueing. */
  messagingMs?: number;
  /** ONNX runs per pass. */
  runs?: number;
}

/** A fresh worker's way to its first result (median over the cold starts). */
export interface ColdStart {
  /** On the page: from `createWorkerEngine()` (GLiNER.js: `new Worker`) to the model ready; NaN (null in JSON) without a model. */
  loadMs: number;
  /** Of `loadMs`, outside the worker's model load: its script fetched and evaluated, messages. */
  workerStartMs?: number;
  /** Inside the worker (they overlap: pii-local compiles the runtime while it reads the files). */
  runtimeMs?: number;
  onnxReadMs?: number;
  tokenizerMs?: number;
  /** Session opened (GLiNER.js: everything after the tokenizer, runtime start and file fetch included). */
  sessionMs?: number;
  /** The first call on one sample right after the load. */
  firstMs: number;
  /** Where that first call went. */
  firstStages?: PassStages;
  /** Fresh workers measured. */
  runs: number;
}

/** One measured row: an implementation running one method on one backend. All times are medians. */
export interface BenchRow {
  impl: Impl;
  method: Method;
  backend: BackendKey;
  /** What actually ran, as the runtime reports it (`wasm`, `webgpu`; `js` for heuristics). */
  runtime: string;
  /** WASM threads (1 for WebGPU and heuristics). */
  threads: number;
  /** Cold start; absent for a method that shares another row's worker (gliner+heuristics). */
  cold?: ColdStart;
  /** One pass over the corpus (or the first `samples` of it) in one call, warm. */
  corpusMs: number;
  /** Samples and words in that pass (WebGPU on a fallback adapter uses the first samples only). */
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
  /** Where a pass went. */
  stages?: PassStages;
  /** Timed passes. */
  runs: number;
}

export interface BenchResults {
  env: {
    userAgent: string;
    crossOriginIsolated: boolean;
    /** `navigator.hardwareConcurrency`: the machine's logical CPUs as the browser reports them. */
    hardwareConcurrency: number;
    /** The WebGPU adapter's description, or null when the browser has none. */
    webgpuAdapter: string | null;
    /** Whether that adapter is a fallback (software, e.g. SwiftShader) adapter. */
    webgpuFallback: boolean | null;
  };
  settings: {
    runs: number;
    coldRuns: number;
    /** Samples in each implementation's warm-up pass. */
    warmupSamples: number;
    /** `auto`: WebGPU only on a real (non-fallback) adapter; `on`: on any adapter; `off`. */
    webgpu: 'auto' | 'on' | 'off';
  };
  corpus: { samples: number; words: number; file: string };
  model: string;
  /** The GLiNER labels both implementations are asked for. */
  labels: string[];
  threshold: number;
  /** GLiNER.js texts per `inference` call; pii-local's `batchSize` (rows per ONNX run) is its default. */
  peerBatchSize: number;
  rows: BenchRow[];
  /** Configurations left out on purpose, and why. */
  skipped: string[];
  /** Configurations that could not run, with the step that failed (never sample text). */
  errors: string[];
  /** How a configuration was run, where a row's label does not say it all. */
  notes?: string[];
  /** ISO time the run started. */
  startedAt: string;
  /** Added by `run-headless.ts`: the machine, how busy it was (1-minute load average before and after), the browser. */
  host?: { cpus: number; loadAverage: [number, number]; chromium: string };
  durationMs: number;
}

declare global {
  interface Window {
    /** What the page measured, once it is done (`run-headless.ts` and the tests read it). */
    __benchResults?: BenchResults;
    /** Why the page stopped, when it failed. */
    __benchError?: string;
  }
}

export const BACKEND_LABEL: Readonly<Record<BackendKey, string>> = {
  js: 'no model (JS)',
  'wasm-1': 'WASM, 1 thread',
  'wasm-n': 'WASM, all threads',
  webgpu: 'WebGPU',
};

/** The backend column: the configuration, plus what ran when the runtime differs from it (a fallback). */
export function backendCell(row: BenchRow): string {
  const expected = row.backend === 'js' ? 'js' : row.backend === 'webgpu' ? 'webgpu' : 'wasm';
  const label = row.backend === 'wasm-n' ? `WASM, ${row.threads} threads` : BACKEND_LABEL[row.backend];
  return row.runtime === expected ? label : `${label} → ran on ${row.runtime}`;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Per key, the median over the objects that have it. */
export function medianStages(all: readonly PassStages[]): PassStages {
  const out: PassStages = {};
  const keys = new Set(all.flatMap((s) => Object.keys(s))) as Set<keyof PassStages>;
  for (const k of keys) {
    const xs = all.map((s) => s[k]).filter((v): v is number => typeof v === 'number');
    if (xs.length > 0) out[k] = median(xs);
  }
  return out;
}

/** Whitespace-separated words: what a reader calls a word (punctuation is not counted apart). */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n++;
  return n;
}

/** pii-local `gliner` words/s ÷ GLiNER.js words/s, per backend where both ran. */
export function peerRatios(results: BenchResults): { backend: BackendKey; ratio: number; ours: BenchRow; peer: BenchRow }[] {
  const out: { backend: BackendKey; ratio: number; ours: BenchRow; peer: BenchRow }[] = [];
  for (const backend of ['wasm-1', 'wasm-n', 'webgpu'] as const) {
    const ours = find(results, 'pii-local', 'gliner', backend);
    const peer = find(results, 'GLiNER.js', 'gliner', backend);
    if (ours && peer && peer.wordsPerSec > 0) out.push({ backend, ratio: ours.wordsPerSec / peer.wordsPerSec, ours, peer });
  }
  return out;
}

/** words/s on WASM with all threads ÷ with 1 thread, per implementation and method. */
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

export const fmt = (n: number | null | undefined, digits = 0): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const rate = (n: number) => fmt(n, n < 100 ? 1 : 0);
const ms = (n: number | null | undefined) => fmt(n, n !== null && n !== undefined && n < 10 ? 1 : 0);

// ------------------------------------------------------------------------------------------------
// Tables: plain cells, written as markdown or HTML

/** A table as cells; `right` marks the numeric columns. */
export interface Table {
  title: string;
  head: string[];
  right: boolean[];
  rows: string[][];
  notes: string[];
}

const AGREEMENT_NOTE =
  "¹ spans identical to pii-local gliner on WASM 1 thread (on the same backend when that row did not run), same samples: Jaccard over start, end, label; GLiNER.js's spans after pii-local's span rules for model spans (`src/engine/model-span-rules.ts`).";

/** The headline: pii-local vs GLiNER.js words/s, same model files, texts and labels, per backend. */
export function summaryTable(results: BenchResults): Table {
  const rows = peerRatios(results).map(({ ours, peer, ratio }) => [
    backendCell(ours),
    String(ours.threads),
    rate(ours.wordsPerSec),
    rate(peer.wordsPerSec),
    `×${ratio.toFixed(2)}`,
    peer.agreement === undefined ? '' : `${fmt(peer.agreement * 100)} %`,
  ]);
  return {
    title: 'pii-local vs GLiNER.js (gliner method, words/s, higher is better)',
    head: ['backend', 'threads', 'pii-local', 'GLiNER.js', 'pii-local ÷ GLiNER.js', 'same spans¹'],
    right: [false, true, true, true, true, true],
    rows,
    notes: [AGREEMENT_NOTE],
  };
}

/** Every measured row. */
export function rowsTable(results: BenchResults): Table {
  const rows = results.rows.map((r) => [
    r.impl,
    r.method,
    backendCell(r),
    String(r.threads),
    r.cold ? ms(r.cold.loadMs) : '—',
    r.cold ? ms(r.cold.firstMs) : '—',
    r.samples === results.corpus.samples ? ms(r.corpusMs) : `${ms(r.corpusMs)} (${r.samples} samples)`,
    rate(r.wordsPerSec),
    fmt(r.samplesPerSec, r.samplesPerSec < 1 ? 2 : 1),
    String(r.entities),
    r.agreement === undefined ? '' : `${fmt(r.agreement * 100)} %`,
  ]);
  return {
    title: 'All rows',
    head: ['implementation', 'method', 'backend', 'threads', 'load ms', 'first result ms', 'corpus ms', 'words/s', 'samples/s', 'entities', 'same spans¹'],
    right: [false, false, false, true, true, true, true, true, true, true, true],
    rows,
    notes: [
      AGREEMENT_NOTE,
      `load: fresh worker until the model is ready; first result: its first call on one sample (cold starts: ${results.settings.coldRuns}); ` +
        'gliner+heuristics shares the gliner row\'s worker (—). corpus: one warm call over the corpus, median of ' +
        `${results.settings.runs} passes.`,
    ],
  };
}

const STAGES: readonly { key: Exclude<keyof PassStages, 'runs'>; label: string }[] = [
  { key: 'prepareMs', label: 'tokenize + windows' },
  { key: 'tensorsMs', label: 'tensors' },
  { key: 'runMs', label: 'session.run' },
  { key: 'decodeMs', label: 'decode' },
  { key: 'heuristicsMs', label: 'heuristics' },
  { key: 'mergeMs', label: 'merge' },
  { key: 'otherMs', label: 'other in worker' },
  { key: 'messagingMs', label: 'worker messaging' },
];

/** The stages a pass is split into, in display order, with their labels. */
export function stageKeys(): readonly { key: Exclude<keyof PassStages, 'runs'>; label: string }[] {
  return STAGES;
}

/** Where a warm corpus pass goes, per row, in ms. */
export function stagesTable(results: BenchResults): Table {
  const rows = results.rows
    .filter((r) => r.stages)
    .map((r) => [r.impl, r.method, backendCell(r), ms(r.corpusMs), ...STAGES.map((s) => ms(r.stages![s.key])), r.stages!.runs === undefined ? '' : String(r.stages!.runs)]);
  return {
    title: 'Where a warm corpus pass goes (ms, medians)',
    head: ['implementation', 'method', 'backend', 'pass', ...STAGES.map((s) => s.label), 'ONNX runs'],
    right: [false, false, false, ...STAGES.map(() => true), true, true],
    rows,
    notes: [
      'tokenize + windows, tensors, session.run, decode: the model\'s steps (GLiNER.js: its prepareBatch, prepareInputs, session.run, decode); ' +
        'other in worker: unpacking, slicing, yields between runs; worker messaging: the page\'s wall time minus the time in the worker.',
    ],
  };
}

/** Where a cold start goes, per implementation and backend, in ms. */
export function coldTable(results: BenchResults): Table {
  const rows = results.rows
    .filter((r) => r.cold && r.method !== 'heuristics')
    .map((r) => {
      const c = r.cold!;
      const first = c.firstStages;
      return [
        r.impl,
        backendCell(r),
        ms(c.workerStartMs),
        ms(c.runtimeMs),
        ms(c.onnxReadMs),
        ms(c.tokenizerMs),
        ms(c.sessionMs),
        ms(c.loadMs),
        ms(c.firstMs),
        first?.runMs === undefined ? '—' : ms(first.runMs),
        ms((Number.isNaN(c.loadMs) ? 0 : c.loadMs) + c.firstMs),
      ];
    });
  return {
    title: 'Cold start: from creating the worker to the first result (ms)',
    head: ['implementation', 'backend', 'worker start', 'runtime (.wasm)', 'model file', 'tokenizer', 'session', 'ready', 'first result', 'of which session.run', 'total'],
    right: [false, false, true, true, true, true, true, true, true, true, true],
    rows,
    notes: [
      'worker start: the worker\'s script loaded and the messages, until the model load begins in it. runtime, model file, tokenizer and ' +
        'session are measured inside the worker and overlap (pii-local starts the runtime while it reads the files); GLiNER.js reports ' +
        'its tokenizer apart and the rest as session. ready: page time to the model ready; total: ready + first result.',
    ],
  };
}

export function tableToMarkdown(table: Table): string {
  if (table.rows.length === 0) return '';
  const lines = [`**${table.title}**`, '', `| ${table.head.join(' | ')} |`, `|${table.right.map((r) => (r ? '--:' : '---')).join('|')}|`];
  for (const row of table.rows) lines.push(`| ${row.join(' | ')} |`);
  if (table.notes.length > 0) lines.push('', ...table.notes);
  return lines.join('\n');
}

/** The setup in one line: corpus, model, labels, runs, threads, isolation, WebGPU. */
export function setupLine(results: BenchResults): string {
  const e = results.env;
  const gpu =
    e.webgpuAdapter === null ? 'none' : `${e.webgpuAdapter}${e.webgpuFallback ? ' (fallback adapter)' : ''}`;
  return (
    `Corpus ${results.corpus.file}: ${results.corpus.samples} samples, ${results.corpus.words} words · model ${results.model} · ` +
    `${results.labels.length} labels · threshold ${results.threshold} · warm-up ${results.settings.warmupSamples} samples, then medians of ${results.settings.runs} passes · ` +
    `machine: ${e.hardwareConcurrency} logical CPUs (navigator.hardwareConcurrency) · crossOriginIsolated ${e.crossOriginIsolated} · WebGPU adapter: ${gpu}`
  );
}

/** The results as a markdown report: setup line, the four tables, speed-ups, what was left out or failed. */
export function toMarkdown(results: BenchResults): string {
  const parts: string[] = [setupLine(results)];
  for (const t of [summaryTable(results), rowsTable(results), stagesTable(results), coldTable(results)]) {
    const md = tableToMarkdown(t);
    if (md) parts.push(md);
  }
  const speedups = threadSpeedups(results);
  if (speedups.length > 0) {
    parts.push('WASM thread speed-up (all threads ÷ 1 thread, words/s): ' + speedups.map((s) => `${s.impl} ${s.method} (${s.threads} threads) ×${s.speedup.toFixed(2)}`).join(' · '));
  }
  const notes = [...(results.notes ?? []).map((n) => `- ${n}`), ...results.skipped.map((s) => `- left out: ${s}`), ...results.errors.map((e) => `- not measured: ${e}`)];
  if (notes.length > 0) parts.push(notes.join('\n'));
  return parts.join('\n\n');
}
