/**
 * The in-browser benchmark page. For the corpus shipped in the repo (`bench/web/corpus.jsonl`) it
 * measures, per backend (WASM 1 thread; WASM N threads when the page is cross-origin isolated;
 * WebGPU when the browser grants an adapter) and per method (heuristics, gliner,
 * gliner+heuristics): model load time, first-result latency and throughput (words/s, samples/s).
 * GLiNER.js runs the same model files on the same texts with the same labels in the same page, as
 * the peer. Every timing is the median of `runs` (≥ 3); work runs in workers, one per
 * configuration, since onnxruntime fixes threads and backend at its first session.
 *
 * Query parameters: `autorun=1` starts at once; `runs=N` (default 3); `backends=wasm-1,wasm-n,webgpu`;
 * `peer=0` leaves GLiNER.js out; `verbose=1` logs every step; `stepTimeoutSec=S` (default 300) fails
 * a backend whose step hangs instead of stalling the page; `webgpuSamples=N` (default 4, 0: all)
 * limits WebGPU passes to the first N samples. Results: the table and chart on the page and
 * `window.__benchResults` (see `report.ts`), which `run-headless.ts` collects.
 */
import { wrap, releaseProxy, type Remote } from 'comlink';
import { DEFAULT_MODEL_TYPES, type Engine } from '../../src/engine/engine.js';
import { promptFor } from '../../src/engine/labels.js';
import { heuristicTypes } from '../../src/recognizers/registry.js';
import type { Span } from '../../src/types.js';
import { createWorkerEngine, type WorkerGlinerModel } from '../../src/worker/client.js';
import { chartLegend, wordsPerSecChart } from './chart.js';
import type { PeerHost, PeerInit } from './gliner-js-worker.js';
import { BACKEND_LABEL, backendCell, countWords, median, peerRatios, threadSpeedups, type BackendKey, type BenchResults, type BenchRow, type Method } from './report.js';

declare global {
  interface Window {
    __benchResults?: BenchResults;
    __benchError?: string;
  }
}

const MODEL_DIR = new URL('../../models/pii-local-small/', location.href).href;
const CORPUS = 'bench/web/corpus.jsonl';
const THRESHOLD = 0.3;
/** GLiNER.js texts per `inference` call: pii-local's default batch is 8 rows per ONNX run. */
const PEER_BATCH_SIZE = 8;
const MODEL_TYPES = [...DEFAULT_MODEL_TYPES];
const HEURISTIC_TYPES = heuristicTypes();
const TYPES: Record<Method, string[]> = {
  heuristics: HEURISTIC_TYPES,
  gliner: MODEL_TYPES,
  'gliner+heuristics': [...new Set([...MODEL_TYPES, ...HEURISTIC_TYPES])],
};
/** What both implementations ask the model for: the prompts of pii-local's `gliner` types. */
const LABELS = MODEL_TYPES.map((t) => promptFor(t));

const params = new URLSearchParams(location.search);
/** Medians of this many runs; fewer than 3 only for a quick look (`runs=1`). */
const RUNS = Math.max(1, Math.floor(Number(params.get('runs') ?? 3)) || 3);
const VERBOSE = params.get('verbose') === '1';
/** One step (a load, a first result, a corpus pass) that takes longer than this fails its backend instead of stalling the page. */
const STEP_TIMEOUT_MS = Number(params.get('stepTimeoutSec') ?? 300) * 1000;
/**
 * WebGPU passes use the first samples only (0: all). Headless Chromium's adapter is SwiftShader, a
 * CPU emulation: about 10 words/s on this model, so a full pass takes many minutes there.
 */
const WEBGPU_SAMPLES = Math.max(0, Math.floor(Number(params.get('webgpuSamples') ?? 4)));
const WITH_PEER = params.get('peer') !== '0';
const ASKED_BACKENDS = (params.get('backends') ?? 'wasm-1,wasm-n,webgpu').split(',');

const $ = (id: string) => document.getElementById(id)!;

function log(line: string): void {
  console.log(`[bench] ${line}`);
  const li = document.createElement('li');
  li.textContent = line;
  $('log').appendChild(li);
}

const sinceMs = (t0: number) => performance.now() - t0;

/** Runs one named step: logged when verbose, failed with the step's name when it exceeds the step timeout. */
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (VERBOSE) console.log(`[bench]     ${name} …`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} took longer than ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ------------------------------------------------------------------------------------------------
// The two implementations behind one small interface

interface Instance {
  runtime: string;
  threads: number;
  loadMs: number;
  run(texts: string[], method: Method): Promise<Span[][]>;
  dispose(): Promise<void>;
}

interface BackendPlan {
  key: BackendKey;
  backend: 'wasm' | 'webgpu';
  threads: number;
}

async function startPiiLocal(plan: BackendPlan): Promise<Instance> {
  const t0 = performance.now();
  const engine: Engine = createWorkerEngine({
    model: MODEL_DIR,
    modelCache: false, // both implementations fetch the files each time: load times compare
    modelOptions: { backend: plan.backend, numThreads: plan.threads },
  });
  const model = (await engine.ready()) as WorkerGlinerModel;
  return {
    runtime: model.backend,
    threads: model.backend === 'wasm' ? plan.threads : 1,
    loadMs: sinceMs(t0),
    async run(texts, method) {
      const out = await engine.detect(texts, { method, types: TYPES[method], threshold: THRESHOLD });
      return out.map((d) => {
        if (d.error !== undefined) throw new Error(`pii-local failed on a sample (${d.error})`);
        return d.spans;
      });
    },
    dispose: () => engine.dispose(),
  };
}

async function startPeer(plan: BackendPlan, maxWidth: number): Promise<Instance> {
  const t0 = performance.now();
  const worker = new Worker(new URL('./gliner-js-worker.js', import.meta.url), { type: 'module' });
  const peer: Remote<PeerHost> = wrap<PeerHost>(worker);
  const init: PeerInit = {
    modelUrl: new URL('onnx/model_quantized.onnx', MODEL_DIR).href,
    localModelPath: new URL('../', MODEL_DIR).href,
    tokenizerName: 'pii-local-small',
    executionProvider: plan.backend,
    threads: plan.threads,
    wasmPaths: new URL('./ort-1.19/', import.meta.url).href,
    maxWidth,
  };
  try {
    await peer.init(init);
  } catch (error) {
    peer[releaseProxy]();
    worker.terminate();
    throw error;
  }
  return {
    runtime: plan.backend,
    threads: plan.backend === 'wasm' ? plan.threads : 1,
    loadMs: sinceMs(t0),
    run: (texts) => peer.predict(texts, LABELS, THRESHOLD, PEER_BATCH_SIZE),
    async dispose() {
      peer[releaseProxy]();
      worker.terminate();
    },
  };
}

/** The heuristics need no model: a worker engine that is never asked to load one. */
async function startHeuristics(): Promise<Instance> {
  const engine = createWorkerEngine({ model: MODEL_DIR, modelCache: false });
  return {
    runtime: 'js',
    threads: 1,
    loadMs: NaN,
    async run(texts, method) {
      return (await engine.detect(texts, { method, types: TYPES[method], threshold: THRESHOLD })).map((d) => d.spans);
    },
    dispose: () => engine.dispose(),
  };
}

// ------------------------------------------------------------------------------------------------
// Measuring

interface Subject {
  impl: BenchRow['impl'];
  method: Method;
  start(): Promise<Instance>;
}

interface Cold {
  loads: number[];
  firsts: number[];
  runtime: string;
  threads: number;
}

/** `RUNS` fresh starts of each subject, interleaved: load, then the first result on one sample. */
async function coldStarts(subjects: Subject[], first: string): Promise<Cold[]> {
  const cold: Cold[] = subjects.map(() => ({ loads: [], firsts: [], runtime: '', threads: 1 }));
  for (let r = 0; r < RUNS; r++) {
    for (const [i, s] of subjects.entries()) {
      const label = `${s.impl} ${s.method} cold start ${r + 1}`;
      const inst = await step(`${label}: load`, () => s.start());
      try {
        const t0 = performance.now();
        await step(`${label}: first result`, () => inst.run([first], s.method));
        const c = cold[i]!;
        c.firsts.push(sinceMs(t0));
        c.loads.push(inst.loadMs);
        c.runtime = inst.runtime;
        c.threads = inst.threads;
      } finally {
        await inst.dispose();
      }
    }
  }
  return cold;
}

/** One warm-up pass per subject, then `RUNS` timed passes over the corpus, interleaved. */
async function throughput(pairs: { name: string; instance: Instance; method: Method }[], texts: string[]): Promise<{ ms: number; spans: Span[][] }[]> {
  const out = pairs.map(() => ({ times: [] as number[], spans: [] as Span[][] }));
  for (const p of pairs) await step(`${p.name}: warm-up pass`, () => p.instance.run(texts, p.method));
  for (let r = 0; r < RUNS; r++) {
    for (const [i, p] of pairs.entries()) {
      const t0 = performance.now();
      const spans = await step(`${p.name}: pass ${r + 1}`, () => p.instance.run(texts, p.method));
      out[i]!.times.push(sinceMs(t0));
      out[i]!.spans = spans;
    }
  }
  return out.map((o) => ({ ms: median(o.times), spans: o.spans }));
}

function row(subject: Subject, backend: BackendKey, cold: Cold, corpusMs: number, spans: Span[][], words: number, samples: number): BenchRow {
  return {
    impl: subject.impl,
    method: subject.method,
    backend,
    runtime: cold.runtime,
    threads: cold.threads,
    loadMs: cold.loads.every(Number.isNaN) ? null : median(cold.loads),
    firstMs: median(cold.firsts),
    corpusMs,
    samples,
    words,
    wordsPerSec: (words / corpusMs) * 1000,
    samplesPerSec: (samples / corpusMs) * 1000,
    entities: spans.reduce((n, s) => n + s.length, 0),
    runs: RUNS,
  };
}

/**
 * Share of spans identical in both lists, over the samples of `other` (Jaccard over start, end and
 * label as a prompt: pii-local reports `PERSON`, GLiNER.js `person`); undefined when neither found any.
 */
function agreement(reference: Span[][], other: Span[][]): number | undefined {
  let same = 0;
  let all = 0;
  other.forEach((spans, i) => {
    const a = new Set((reference[i] ?? []).map((s) => `${s.start}:${s.end}:${promptFor(s.label)}`));
    const b = new Set(spans.map((s) => `${s.start}:${s.end}:${promptFor(s.label)}`));
    for (const k of a) if (b.has(k)) same++;
    all += new Set([...a, ...b]).size;
  });
  return all === 0 ? undefined : same / all;
}

async function webgpuAdapter(): Promise<string | null> {
  const gpu = (navigator as { gpu?: { requestAdapter(): Promise<{ info?: Record<string, string> } | null> } }).gpu;
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return null;
    const info = adapter.info ?? {};
    return [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unnamed adapter';
  } catch {
    return null;
  }
}

async function runBenchmark(): Promise<BenchResults> {
  const t0 = performance.now();
  const texts = (await (await fetch(new URL('../../' + CORPUS, location.href))).text())
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const words = texts.reduce((n, t) => n + countWords(t), 0);
  const maxWidth = ((await (await fetch(new URL('gliner_config.json', MODEL_DIR))).json()) as { max_width?: number }).max_width ?? 12;
  const adapter = await webgpuAdapter();
  const n = navigator.hardwareConcurrency || 1;
  const results: BenchResults = {
    env: { userAgent: navigator.userAgent, crossOriginIsolated, hardwareConcurrency: n, webgpuAdapter: adapter },
    corpus: { samples: texts.length, words, file: CORPUS },
    model: 'models/pii-local-small (onnx/model_quantized.onnx)',
    labels: LABELS,
    threshold: THRESHOLD,
    peerBatchSize: PEER_BATCH_SIZE,
    rows: [],
    errors: [],
    durationMs: 0,
  };
  log(`${texts.length} samples, ${words} words; crossOriginIsolated ${crossOriginIsolated}; ${n} CPUs; WebGPU ${adapter ?? 'none'}`);

  const plans: BackendPlan[] = [];
  if (ASKED_BACKENDS.includes('wasm-1')) plans.push({ key: 'wasm-1', backend: 'wasm', threads: 1 });
  if (ASKED_BACKENDS.includes('wasm-n')) {
    if (!crossOriginIsolated) results.errors.push('WASM N threads: the page is not cross-origin isolated (serve it with COOP/COEP)');
    else if (n < 2) results.errors.push('WASM N threads: the browser reports one CPU');
    else plans.push({ key: 'wasm-n', backend: 'wasm', threads: n });
  }
  if (ASKED_BACKENDS.includes('webgpu')) {
    if (adapter === null) results.errors.push('WebGPU: no adapter (navigator.gpu.requestAdapter() gave none)');
    else plans.push({ key: 'webgpu', backend: 'webgpu', threads: 1 });
  }

  const first = texts[0]!;
  const show = () => render(results);
  const spansOf = new Map<BenchRow, Span[][]>();

  // heuristics: no model, same on every backend
  try {
    log('heuristics …');
    const subject: Subject = { impl: 'pii-local', method: 'heuristics', start: startHeuristics };
    const [cold] = await coldStarts([subject], first);
    const inst = await startHeuristics();
    const [t] = await throughput([{ name: 'pii-local heuristics', instance: inst, method: 'heuristics' }], texts);
    await inst.dispose();
    results.rows.push(row(subject, 'js', cold!, t!.ms, t!.spans, words, texts.length));
    show();
  } catch (error) {
    results.errors.push(`heuristics: ${describe(error)}`);
  }

  for (const plan of plans) {
    log(`${BACKEND_LABEL[plan.key]} …`);
    const subjects: Subject[] = [
      { impl: 'pii-local', method: 'gliner', start: () => startPiiLocal(plan) },
      { impl: 'pii-local', method: 'gliner+heuristics', start: () => startPiiLocal(plan) },
    ];
    if (WITH_PEER) subjects.push({ impl: 'GLiNER.js', method: 'gliner', start: () => startPeer(plan, maxWidth) });
    const passTexts = plan.key === 'webgpu' && WEBGPU_SAMPLES > 0 ? texts.slice(0, WEBGPU_SAMPLES) : texts;
    const passWords = passTexts.reduce((k, t) => k + countWords(t), 0);
    let phase = 'cold starts';
    const live: Instance[] = [];
    try {
      const cold = await coldStarts(subjects, first);
      phase = 'throughput';
      const ours = await step('pii-local load (warm worker)', () => startPiiLocal(plan));
      live.push(ours);
      const pairs: { name: string; instance: Instance; method: Method }[] = [
        { name: 'pii-local gliner', instance: ours, method: 'gliner' },
        { name: 'pii-local gliner+heuristics', instance: ours, method: 'gliner+heuristics' },
      ];
      if (WITH_PEER) {
        const peer = await step('GLiNER.js load (warm worker)', () => startPeer(plan, maxWidth));
        live.push(peer);
        pairs.push({ name: 'GLiNER.js gliner', instance: peer, method: 'gliner' });
      }
      const timed = await throughput(pairs, passTexts);
      const rows = subjects.map((s, i) => row(s, plan.key, cold[i]!, timed[i]!.ms, timed[i]!.spans, passWords, passTexts.length));
      rows.forEach((r, i) => spansOf.set(r, timed[i]!.spans));
      results.rows.push(...rows);
      for (const r of rows) log(`  ${r.impl} ${r.method}: load ${Math.round(r.loadMs ?? 0)} ms, first ${r.firstMs.toFixed(1)} ms, ${Math.round(r.wordsPerSec)} words/s`);
      show();
    } catch (error) {
      results.errors.push(`${BACKEND_LABEL[plan.key]} (${phase}): ${describe(error)}`);
      log(`  failed at ${phase}: ${describe(error)}`);
    } finally {
      for (const inst of live) await inst.dispose().catch(() => undefined);
    }
  }
  // every gliner-method row against pii-local on WASM, 1 thread (same model, same texts): what
  // another backend or implementation changes in the output
  const reference = results.rows.find((r) => r.impl === 'pii-local' && r.method === 'gliner' && r.backend === 'wasm-1');
  for (const r of results.rows) {
    if (r.method !== 'gliner' || r === reference) continue;
    const ref = reference ?? results.rows.find((x) => x.impl === 'pii-local' && x.method === 'gliner' && x.backend === r.backend);
    if (ref && ref !== r) r.agreement = agreement(spansOf.get(ref)!, spansOf.get(r)!);
  }
  results.durationMs = sinceMs(t0);
  return results;
}

/** An error as it may be shown: class and message, shortened (messages here never hold sample text). */
function describe(error: unknown): string {
  const e = error instanceof Error ? error : new Error(String(error));
  return `${e.name}: ${e.message}`.slice(0, 300);
}

// ------------------------------------------------------------------------------------------------
// Rendering

function render(results: BenchResults): void {
  const table = $('results') as HTMLTableElement;
  const body = table.tBodies[0]!;
  body.replaceChildren();
  const fmt = (n: number | null, d = 0) => (n === null || !Number.isFinite(n) ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
  for (const r of results.rows) {
    const tr = body.insertRow();
    const cells = [
      r.impl,
      r.method,
      backendCell(r),
      String(r.threads),
      fmt(r.loadMs),
      fmt(r.firstMs, 1),
      r.samples === results.corpus.samples ? fmt(r.corpusMs) : `${fmt(r.corpusMs)} (${r.samples} samples)`,
      fmt(r.wordsPerSec, r.wordsPerSec < 100 ? 1 : 0),
      fmt(r.samplesPerSec, r.samplesPerSec < 1 ? 2 : 1),
      String(r.entities),
      r.agreement === undefined ? '' : `${fmt(r.agreement * 100)} %`,
    ];
    for (const c of cells) tr.insertCell().textContent = c;
  }
  table.hidden = results.rows.length === 0;
  const chart = $('chart');
  chart.replaceChildren();
  // the heuristics run hundreds of times faster than any model row: on one scale the model bars vanish
  const modelRows = results.rows.filter((r) => r.method !== 'heuristics');
  if (modelRows.length > 0) {
    const caption = Object.assign(document.createElement('p'), { className: 'muted', textContent: 'Model methods only; the heuristics row (no model) is in the table.' });
    chart.append(wordsPerSecChart(modelRows), chartLegend(modelRows), caption);
  }
  const notes: string[] = [];
  for (const r of peerRatios(results)) notes.push(`pii-local ÷ GLiNER.js on ${BACKEND_LABEL[r.backend]}: ×${r.ratio.toFixed(2)} (words/s, gliner method)`);
  for (const s of threadSpeedups(results)) notes.push(`${s.impl} ${s.method}: ${s.threads} threads ÷ 1 thread = ×${s.speedup.toFixed(2)}`);
  for (const e of results.errors) notes.push(`not measured — ${e}`);
  const ul = $('notes');
  ul.replaceChildren(...notes.map((n) => Object.assign(document.createElement('li'), { textContent: n })));
}

async function main(): Promise<void> {
  const button = $('run') as HTMLButtonElement;
  $('setup').textContent =
    `crossOriginIsolated: ${crossOriginIsolated} · ${navigator.hardwareConcurrency} logical CPUs · runs: ${RUNS} · ` +
    `labels: ${LABELS.join(', ')} · GLiNER.js ${WITH_PEER ? 'included' : 'left out'}`;
  const start = async () => {
    button.disabled = true;
    $('log').replaceChildren();
    try {
      const results = await runBenchmark();
      render(results);
      log(`done in ${(results.durationMs / 1000).toFixed(1)} s`);
      window.__benchResults = results;
    } catch (error) {
      window.__benchError = describe(error);
      log(`failed: ${window.__benchError}`);
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener('click', () => void start());
  if (params.get('autorun') === '1') await start();
}

void main();
