/**
 * The in-browser benchmark page. For the corpus shipped in the repo (`bench/web/corpus.jsonl`) it
 * measures, per backend (WASM 1 thread; WASM with all the machine's threads when the page is
 * cross-origin isolated; WebGPU on a real adapter) and per method (heuristics, gliner,
 * gliner+heuristics): throughput (words/s, samples/s), where a warm pass spends its time (the
 * model's steps, heuristics, merge, worker messaging), and a cold start stage by stage (worker
 * start, runtime, model file, tokenizer, session, first result). GLiNER.js runs the same model
 * files on the same texts with the same labels in the same page, as the peer.
 *
 * Each implementation gets one fresh worker per backend: its load and first result are the cold
 * start, then one warm-up pass, then `runs` timed passes, interleaved between the implementations
 * so that load from other processes hits both alike. onnxruntime fixes threads and backend at a
 * worker's first session, hence one worker per configuration.
 *
 * Query parameters: `autorun=1` starts at once; `runs=N` timed passes (default 3); `coldRuns=N`
 * fresh workers per implementation and backend (default 1); `backends=wasm-1,wasm-n,webgpu`;
 * `webgpu=auto|1|0` (default auto: only on a real adapter, never on a fallback one such as
 * SwiftShader; 1: on any adapter); `webgpuSamples=N` (default 2, 0: all) samples per pass on a
 * fallback adapter; `warmup=N` samples in the warm-up pass (default 20, 0: all); `peer=0` leaves
 * GLiNER.js out; `samples=N` uses the corpus's first N samples; `stepTimeoutSec=S` (default 300) fails a configuration whose call hangs.
 * Results: the tables and charts on the page and `window.__benchResults` (see `report.ts`), which
 * `run-headless.ts` collects. Progress: the line under the buttons, and `[bench]` console lines.
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import { DEFAULT_MODEL_TYPES, type Engine } from '../../src/engine/engine.js';
import { promptFor } from '../../src/engine/labels.js';
import { refineModelSpan } from '../../src/engine/model-span-rules.js';
import type { StageTimings } from '../../src/engine/timings.js';
import { heuristicTypes } from '../../src/recognizers/registry.js';
import type { Span } from '../../src/types.js';
import { createWorkerEngine, type WorkerGlinerModel } from '../../src/worker/client.js';
import { createWorkerPool } from '../../src/worker/pool.js';
import { chartLegend, stagesChart, stagesLegend, wordsPerSecChart } from './chart.js';
import type { PeerHost, PeerInit } from './gliner-js-worker.js';
import {
  BACKEND_LABEL,
  coldTable,
  countWords,
  median,
  medianStages,
  peerRatios,
  rowsTable,
  setupLine,
  stagesTable,
  summaryTable,
  threadSpeedups,
  type BackendKey,
  type BenchResults,
  type BenchRow,
  type ColdStart,
  type Impl,
  type Method,
  type PassStages,
  type Table,
} from './report.js';

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
const intParam = (name: string, fallback: number, min: number) => {
  const n = Math.floor(Number(params.get(name) ?? fallback));
  return Number.isFinite(n) ? Math.max(min, n) : fallback;
};
/** Timed passes per row (medians); fewer than 3 only for a quick look. */
const RUNS = intParam('runs', 3, 1);
/** Fresh workers per implementation and backend (each one load + first result; the first also serves the passes). */
const COLD_RUNS = intParam('coldRuns', 1, 1);
/** How pii-local uses all threads: `pool` (default) of single-thread workers, or one `session` with all threads. */
const PII_ALL_THREADS = params.get('piiThreads') === 'session' ? 'session' : 'pool';
/** The corpus's first N samples only (0: all): for quick looks and tests. */
const SAMPLES = intParam('samples', 0, 0);
/**
 * Samples in the warm-up pass (0: the whole corpus). A third of the corpus is enough to compile the
 * hot WASM code and size the buffers, and keeps the default run short.
 */
const WARMUP = intParam('warmup', 20, 0);
/** One call (a load, a first result, a pass) that takes longer than this fails its configuration instead of stalling the page. */
const STEP_TIMEOUT_MS = intParam('stepTimeoutSec', 300, 1) * 1000;
/**
 * On a fallback adapter, WebGPU passes use the first samples only (0: all), and gliner+heuristics
 * (the same model work as gliner) is left out: headless Chromium's SwiftShader emulates the GPU on
 * the CPU, about 20 words/s with this model.
 */
const WEBGPU_SAMPLES = intParam('webgpuSamples', 2, 0);
const WITH_PEER = params.get('peer') !== '0';
/** Logs every timed pass. */
const VERBOSE = params.get('verbose') === '1';
const ASKED_BACKENDS = (params.get('backends') ?? 'wasm-1,wasm-n,webgpu').split(',').map((b) => b.trim());
const WEBGPU_PARAM = params.get('webgpu');
/** How often progress goes to the console (the page's own line follows every event). */
const PRINT_EVERY_MS = 5000;

const $ = (id: string) => document.getElementById(id)!;
const sinceMs = (t0: number) => performance.now() - t0;

function log(line: string): void {
  console.log(`[bench] ${line}`);
  const li = document.createElement('li');
  li.textContent = line;
  $('log').appendChild(li);
}

// ------------------------------------------------------------------------------------------------
// Steps and progress: "step 4/9 WASM, 1 thread · timed passes: pass 2/3 · GLiNER.js gliner 24/60 texts"

const progressState = { step: 0, steps: 0, name: '', detail: '', started: 0 };

function progress(detail: string): void {
  progressState.detail = detail;
  $('progress').textContent = progressLine();
}

function progressLine(): string {
  const { step, steps, name, detail, started } = progressState;
  return `step ${step}/${steps} ${name}${detail ? `: ${detail}` : ''} (${(sinceMs(started) / 1000).toFixed(0)} s)`;
}

/** Runs one numbered step; its progress is printed every few seconds while it runs. */
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  Object.assign(progressState, { step: progressState.step + 1, name, detail: '', started: performance.now() });
  log(`step ${progressState.step}/${progressState.steps}: ${name}`);
  $('progress').textContent = progressLine();
  const ticker = setInterval(() => {
    const line = progressLine();
    $('progress').textContent = line;
    if (sinceMs(progressState.started) >= PRINT_EVERY_MS - 100) console.log(`[bench]   ${line}`);
  }, PRINT_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(ticker);
  }
}

/** One call that fails with its name when it exceeds the step timeout. */
async function timed<T>(name: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} took longer than ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ------------------------------------------------------------------------------------------------
// The two implementations behind one small interface

interface Pass {
  spans: Span[][];
  ms: number;
  stages: PassStages;
}

type OnProgress = (done: number, total: number) => void;

interface Instance {
  impl: Impl;
  runtime: string;
  threads: number;
  /** The load part of the cold start (`firstMs` is filled by the caller). */
  load: Omit<ColdStart, 'firstMs' | 'firstStages' | 'runs'>;
  run(texts: string[], method: Method, onProgress?: OnProgress): Promise<Pass>;
  dispose(): Promise<void>;
}

interface BackendPlan {
  key: BackendKey;
  backend: 'wasm' | 'webgpu';
  threads: number;
}

/** pii-local's stage sink as a pass's stages: what the worker did not account for is "other", the rest of the wall time messaging. */
function passStages(t: StageTimings, wallMs: number): PassStages {
  const { workerMs, runs, ...stages } = t;
  const out: PassStages = { ...stages };
  if (runs !== undefined) out.runs = runs;
  if (workerMs !== undefined) {
    const inStages = Object.values(stages).reduce((a, b) => a + (b ?? 0), 0);
    out.otherMs = Math.max(0, workerMs - inStages);
    out.messagingMs = Math.max(0, wallMs - workerMs);
  }
  return out;
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

async function startPiiLocal(plan: BackendPlan): Promise<Instance> {
  const t0 = performance.now();
  const options = {
    model: MODEL_DIR,
    modelCache: false as const, // both implementations fetch the files each time: load times compare
    modelOptions: {
      backend: plan.backend,
      numThreads: plan.threads,
      onProgress: (p: { file: string; loaded: number; total?: number }) => progress(`loading ${p.file} ${mb(p.loaded)}${p.total ? `/${mb(p.total)}` : ''} MB`),
    },
  };
  // All threads: pii-local's way is a pool of single-thread workers (`createWorkerPool`), unless
  // `piiThreads=session` asks for one worker whose session has all the threads, as the peer runs.
  const pool = plan.backend === 'wasm' && plan.threads > 1 && PII_ALL_THREADS === 'pool' ? createWorkerPool({ ...options, size: plan.threads }) : undefined;
  const engine: Engine = pool ?? createWorkerEngine(options);
  try {
    const model = (await timed('pii-local load', engine.ready())) as WorkerGlinerModel;
    // A pool's other workers load after the first: timed passes start with all of them ready.
    while (pool && pool.readyWorkers < pool.size) await new Promise((r) => setTimeout(r, 20));
    const loadMs = sinceMs(t0);
    // Stage times of the load inside the worker (src/gliner: `loadTimings`), when this build reports them.
    const lt = (model as { loadTimings?: Record<string, number | undefined> }).loadTimings;
    return {
      impl: 'pii-local',
      runtime: model.backend,
      threads: model.backend === 'wasm' ? plan.threads : 1,
      load: {
        loadMs,
        workerStartMs: lt?.total_ms === undefined ? undefined : Math.max(0, loadMs - lt.total_ms),
        runtimeMs: lt?.runtime_ms,
        onnxReadMs: lt?.onnx_read_ms,
        tokenizerMs: lt?.tokenizer_ms,
        sessionMs: lt?.session_ms,
      },
      run: (texts, method, onProgress) => detectPass(engine, texts, method, onProgress),
      dispose: () => engine.dispose(),
    };
  } catch (error) {
    await engine.dispose();
    throw error;
  }
}

async function detectPass(engine: Engine, texts: string[], method: Method, onProgress?: OnProgress): Promise<Pass> {
  const timings: StageTimings = {};
  const t0 = performance.now();
  const out = await engine.detect(texts, { method, types: TYPES[method], threshold: THRESHOLD, timings, ...(onProgress ? { onProgress } : {}) });
  const ms = sinceMs(t0);
  const spans = out.map((d) => {
    if (d.error !== undefined) throw new Error(`pii-local failed on a sample (${d.error})`);
    return d.spans;
  });
  return { spans, ms, stages: passStages(timings, ms) };
}

async function startPeer(plan: BackendPlan, maxWidth: number): Promise<Instance> {
  const t0 = performance.now();
  const worker = new Worker(new URL('./gliner-js-worker.js', import.meta.url), { type: 'module' });
  const peer: Remote<PeerHost> = wrap<PeerHost>(worker);
  // one proxied callback for the worker's life; it forwards to the current pass's listener
  let listener: OnProgress | undefined;
  const progressProxy = proxy((done: number, total: number) => listener?.(done, total));
  const close = () => {
    peer[releaseProxy]();
    worker.terminate();
  };
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
    progress('loading GLiNER.js (tokenizer, runtime, model file, session)');
    const load = await timed('GLiNER.js load', peer.init(init));
    const loadMs = sinceMs(t0);
    return {
      impl: 'GLiNER.js',
      runtime: plan.backend,
      threads: plan.backend === 'wasm' ? plan.threads : 1,
      load: { loadMs, workerStartMs: Math.max(0, loadMs - load.totalMs), tokenizerMs: load.tokenizerMs, sessionMs: load.sessionMs },
      async run(texts, _method, onProgress) {
        listener = onProgress;
        const started = performance.now();
        try {
          const { spans, timings } = await peer.predict(texts, LABELS, THRESHOLD, PEER_BATCH_SIZE, progressProxy);
          const ms = sinceMs(started);
          const { workerMs, ...stages } = timings;
          return { spans, ms, stages: { ...stages, messagingMs: Math.max(0, ms - workerMs) } };
        } finally {
          listener = undefined;
        }
      },
      async dispose() {
        close();
      },
    };
  } catch (error) {
    close();
    throw error;
  }
}

// ------------------------------------------------------------------------------------------------
// Measuring

interface Subject {
  name: string;
  impl: Impl;
  method: Method;
  instance: Instance;
}

/** A fresh instance, its load and its first result on one sample (gliner method, as the peer runs). */
async function coldStart(start: () => Promise<Instance>, first: string, label: string): Promise<{ instance: Instance; cold: ColdStart }> {
  const instance = await start();
  try {
    progress(`${label}: first result`);
    const pass = await timed(`${label} first result`, instance.run([first], 'gliner'));
    return { instance, cold: { ...instance.load, firstMs: pass.ms, firstStages: pass.stages, runs: 1 } };
  } catch (error) {
    await instance.dispose();
    throw error;
  }
}

/** Medians over several cold starts of one implementation. */
function medianCold(all: readonly ColdStart[]): ColdStart {
  const pick = (k: keyof Omit<ColdStart, 'firstStages' | 'runs'>) => {
    const xs = all.map((c) => c[k]).filter((v): v is number => typeof v === 'number');
    return xs.length > 0 ? median(xs) : undefined;
  };
  return {
    loadMs: pick('loadMs') ?? NaN,
    workerStartMs: pick('workerStartMs'),
    runtimeMs: pick('runtimeMs'),
    onnxReadMs: pick('onnxReadMs'),
    tokenizerMs: pick('tokenizerMs'),
    sessionMs: pick('sessionMs'),
    firstMs: pick('firstMs') ?? NaN,
    firstStages: medianStages(all.map((c) => c.firstStages ?? {})),
    runs: all.length,
  };
}

const textsProgress = (name: string) => (done: number, total: number) => progress(`${name} ${done}/${total} texts`);

/** One warm-up pass per subject, then `RUNS` timed passes over `texts`, interleaved. */
async function throughput(subjects: Subject[], texts: string[], warmup: string[], label: string): Promise<Pass[]> {
  await step(`${label} · warm-up (${warmup.length} samples each)`, async () => {
    for (const s of subjects) {
      textsProgress(s.name)(0, warmup.length);
      await timed(`${s.name} warm-up`, s.instance.run(warmup, s.method, textsProgress(s.name)));
    }
  });
  const passes: Pass[][] = subjects.map(() => []);
  await step(`${label} · timed passes (${RUNS} × ${subjects.length})`, async () => {
    for (let r = 0; r < RUNS; r++) {
      for (const [i, s] of subjects.entries()) {
        const onProgress = textsProgress(`pass ${r + 1}/${RUNS} · ${s.name}`);
        onProgress(0, texts.length);
        const pass = await timed(`${s.name} pass ${r + 1}`, s.instance.run(texts, s.method, onProgress));
        passes[i]!.push(pass);
        if (VERBOSE) log(`  ${s.name} pass ${r + 1}: ${pass.ms.toFixed(0)} ms`);
      }
    }
  });
  return passes.map((ps) => ({ spans: ps.at(-1)!.spans, ms: median(ps.map((p) => p.ms)), stages: medianStages(ps.map((p) => p.stages)) }));
}

function row(s: Pick<Subject, 'impl' | 'method'>, instance: Instance, backend: BackendKey, pass: Pass, words: number, samples: number, cold?: ColdStart): BenchRow {
  return {
    impl: s.impl,
    method: s.method,
    backend,
    runtime: instance.runtime,
    threads: instance.threads,
    ...(cold ? { cold } : {}),
    corpusMs: pass.ms,
    samples,
    words,
    wordsPerSec: (words / pass.ms) * 1000,
    samplesPerSec: (samples / pass.ms) * 1000,
    entities: pass.spans.reduce((n, x) => n + x.length, 0),
    stages: pass.stages,
    runs: RUNS,
  };
}

/**
 * GLiNER.js's spans after the span rules pii-local applies to model spans (`refineModelSpan`: a
 * title off a name, a plain word that is no username, ...), outside the timed passes: "same spans"
 * then compares the two model runs, not a post-processing only one side does.
 */
function withSpanRules(texts: readonly string[], all: Span[][]): Span[][] {
  const canonical = new Map(MODEL_TYPES.map((t) => [promptFor(t), t]));
  return all.map((spans, i) =>
    spans.flatMap((s) => {
      const kept = refineModelSpan(texts[i]!, { ...s, label: canonical.get(s.label) ?? s.label });
      return kept ? [{ ...kept, label: s.label }] : [];
    }),
  );
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

interface Adapter {
  name: string;
  fallback: boolean;
}

/** The browser's WebGPU adapter, and whether it is a fallback (software) one. */
async function webgpuAdapter(): Promise<Adapter | null> {
  type GpuAdapter = { isFallbackAdapter?: boolean; info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean } };
  const gpu = (navigator as { gpu?: { requestAdapter(): Promise<GpuAdapter | null> } }).gpu;
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return null;
    const info = adapter.info ?? {};
    const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unnamed adapter';
    // `info.isFallbackAdapter` (current spec), `isFallbackAdapter` (older Chromium); SwiftShader is one either way
    const fallback = info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? /swiftshader/i.test(name);
    return { name, fallback: fallback === true };
  } catch {
    return null;
  }
}

/** An error as it may be shown: class and message, shortened (messages here never hold sample text). */
function describe(error: unknown): string {
  const e = error instanceof Error ? error : new Error(String(error));
  return `${e.name}: ${e.message}`.slice(0, 300);
}

async function runBenchmark(webgpuPolicy: BenchResults['settings']['webgpu']): Promise<BenchResults> {
  const t0 = performance.now();
  const texts = (await (await fetch(new URL('../../' + CORPUS, location.href))).text())
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text)
    .slice(0, SAMPLES > 0 ? SAMPLES : undefined);
  const words = texts.reduce((n, t) => n + countWords(t), 0);
  const maxWidth = ((await (await fetch(new URL('gliner_config.json', MODEL_DIR))).json()) as { max_width?: number }).max_width ?? 12;
  const adapter = await webgpuAdapter();
  const n = navigator.hardwareConcurrency || 1;
  const results: BenchResults = {
    env: { userAgent: navigator.userAgent, crossOriginIsolated, hardwareConcurrency: n, webgpuAdapter: adapter?.name ?? null, webgpuFallback: adapter?.fallback ?? null },
    settings: { runs: RUNS, coldRuns: COLD_RUNS, warmupSamples: WARMUP > 0 ? Math.min(WARMUP, texts.length) : texts.length, webgpu: webgpuPolicy },
    corpus: { samples: texts.length, words, file: CORPUS },
    model: 'models/pii-local-small (onnx/model_quantized.onnx)',
    labels: LABELS,
    threshold: THRESHOLD,
    peerBatchSize: PEER_BATCH_SIZE,
    rows: [],
    skipped: [],
    errors: [],
    notes: [],
    startedAt: new Date().toISOString(),
    durationMs: 0,
  };
  log(`${texts.length} samples, ${words} words; crossOriginIsolated ${crossOriginIsolated}; ${n} logical CPUs; WebGPU ${adapter ? `${adapter.name}${adapter.fallback ? ' (fallback adapter)' : ''}` : 'none'}`);

  const plans: BackendPlan[] = [];
  if (ASKED_BACKENDS.includes('wasm-1')) plans.push({ key: 'wasm-1', backend: 'wasm', threads: 1 });
  if (ASKED_BACKENDS.includes('wasm-n')) {
    if (!crossOriginIsolated) results.errors.push('WASM, all threads: the page is not cross-origin isolated (serve it with COOP/COEP)');
    else if (n < 2) results.skipped.push('WASM, all threads: the browser reports one logical CPU (the 1-thread row is the same)');
    else {
      plans.push({ key: 'wasm-n', backend: 'wasm', threads: n });
      results.notes!.push(
        PII_ALL_THREADS === 'pool'
          ? `WASM, ${n} threads: pii-local runs a pool of ${n} single-thread workers (\`createWorkerPool\`, a call split across them); GLiNER.js one session with ${n} threads`
          : `WASM, ${n} threads: both run one worker whose session has ${n} threads`,
      );
    }
  }
  if (ASKED_BACKENDS.includes('webgpu') && webgpuPolicy !== 'off') {
    if (adapter === null) results.skipped.push('WebGPU: no adapter (navigator.gpu.requestAdapter() gave none)');
    else if (adapter.fallback && webgpuPolicy === 'auto') {
      results.skipped.push(`WebGPU: the adapter (${adapter.name}) is a fallback one, a CPU emulation; ask for it with --webgpu (page: the WebGPU box)`);
    } else plans.push({ key: 'webgpu', backend: 'webgpu', threads: 1 });
  }
  for (const s of results.skipped) log(`left out: ${s}`);

  // steps: the heuristics, then per backend the cold starts (one per implementation, one more for
  // extra cold starts), the warm-up and the timed passes
  const planSteps = (WITH_PEER ? 2 : 1) + (COLD_RUNS > 1 ? 1 : 0) + 2;
  progressState.steps = 1 + plans.length * planSteps;
  progressState.step = 0;

  const first = texts[0]!;
  const show = () => render(results);
  const spansOf = new Map<BenchRow, Span[][]>();

  // heuristics: no model, same on every backend
  try {
    await step('heuristics (no model)', async () => {
      const t = performance.now();
      const engine = createWorkerEngine({ model: MODEL_DIR, modelCache: false });
      try {
        const firstPass = await timed('heuristics first result', detectPass(engine, [first], 'heuristics'));
        const cold: ColdStart = { loadMs: NaN, firstMs: sinceMs(t), firstStages: firstPass.stages, runs: 1 };
        const instance: Instance = { impl: 'pii-local', runtime: 'js', threads: 1, load: cold, run: (x, m, p) => detectPass(engine, x, m, p), dispose: () => engine.dispose() };
        await instance.run(texts, 'heuristics');
        const passes: Pass[] = [];
        for (let r = 0; r < RUNS; r++) passes.push(await timed('heuristics pass', instance.run(texts, 'heuristics', textsProgress(`pass ${r + 1}/${RUNS}`))));
        const pass = { spans: passes.at(-1)!.spans, ms: median(passes.map((p) => p.ms)), stages: medianStages(passes.map((p) => p.stages)) };
        results.rows.push(row({ impl: 'pii-local', method: 'heuristics' }, instance, 'js', pass, words, texts.length, cold));
      } finally {
        await engine.dispose();
      }
    });
    show();
  } catch (error) {
    results.errors.push(`heuristics: ${describe(error)}`);
  }

  for (const [p, plan] of plans.entries()) {
    const label = plan.key === 'wasm-n' ? `WASM, ${plan.threads} threads` : BACKEND_LABEL[plan.key];
    const fallbackGpu = plan.key === 'webgpu' && adapter?.fallback === true;
    const passTexts = fallbackGpu && WEBGPU_SAMPLES > 0 ? texts.slice(0, WEBGPU_SAMPLES) : texts;
    if (fallbackGpu) {
      results.skipped.push(
        `${label} on the fallback adapter: passes over the first ${passTexts.length} samples only, and gliner+heuristics left out (its model work is the gliner row's)`,
      );
    }
    const warmup = WARMUP > 0 ? passTexts.slice(0, WARMUP) : passTexts;
    const passWords = passTexts.reduce((k, t) => k + countWords(t), 0);
    const live: Instance[] = [];
    let phase = 'pii-local cold start';
    try {
      const ours = await step(`${label} · pii-local cold start`, () => coldStart(() => startPiiLocal(plan), first, 'pii-local'));
      live.push(ours.instance);
      let peer: { instance: Instance; cold: ColdStart } | undefined;
      if (WITH_PEER) {
        phase = 'GLiNER.js cold start';
        try {
          peer = await step(`${label} · GLiNER.js cold start`, () => coldStart(() => startPeer(plan, maxWidth), first, 'GLiNER.js'));
          live.push(peer.instance);
        } catch (error) {
          results.errors.push(`GLiNER.js on ${label} (cold start): ${describe(error)}`);
          log(`  GLiNER.js failed: ${describe(error)}`);
        }
      }
      const colds: Record<Impl, ColdStart[]> = { 'pii-local': [ours.cold], 'GLiNER.js': peer ? [peer.cold] : [] };
      if (COLD_RUNS > 1) {
        phase = 'more cold starts';
        await step(`${label} · cold starts 2–${COLD_RUNS}`, async () => {
          for (let r = 2; r <= COLD_RUNS; r++) {
            const starts: [Impl, () => Promise<Instance>][] = [['pii-local', () => startPiiLocal(plan)]];
            if (peer) starts.push(['GLiNER.js', () => startPeer(plan, maxWidth)]);
            for (const [impl, start] of starts) {
              const extra = await coldStart(start, first, `${impl} ${r}/${COLD_RUNS}`);
              await extra.instance.dispose();
              colds[impl].push(extra.cold);
            }
          }
        });
      }

      phase = 'throughput';
      const subjects: Subject[] = [{ name: 'pii-local gliner', impl: 'pii-local', method: 'gliner', instance: ours.instance }];
      if (!fallbackGpu) subjects.push({ name: 'pii-local gliner+heuristics', impl: 'pii-local', method: 'gliner+heuristics', instance: ours.instance });
      if (peer) subjects.push({ name: 'GLiNER.js gliner', impl: 'GLiNER.js', method: 'gliner', instance: peer.instance });
      const passes = await throughput(subjects, passTexts, warmup, label);
      const rows = subjects.map((s, i) => {
        const cold = s.method === 'gliner+heuristics' ? undefined : medianCold(colds[s.impl]);
        return row(s, s.instance, plan.key, passes[i]!, passWords, passTexts.length, cold);
      });
      rows.forEach((r, i) => spansOf.set(r, subjects[i]!.impl === 'GLiNER.js' ? withSpanRules(passTexts, passes[i]!.spans) : passes[i]!.spans));
      results.rows.push(...rows);
      for (const r of rows) log(`  ${r.impl} ${r.method}: ${Math.round(r.wordsPerSec)} words/s${r.cold ? `, ready ${Math.round(r.cold.loadMs)} ms, first result ${Math.round(r.cold.firstMs)} ms` : ''}`);
      show();
    } catch (error) {
      results.errors.push(`${label} (${phase}): ${describe(error)}`);
      log(`  failed at ${phase}: ${describe(error)}`);
      progressState.step = 1 + (p + 1) * planSteps; // the steps this configuration will not reach
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

// ------------------------------------------------------------------------------------------------
// Rendering

function tableElement(table: Table): HTMLElement {
  const section = document.createElement('section');
  if (table.rows.length === 0) return section;
  section.append(Object.assign(document.createElement('h2'), { textContent: table.title }));
  const el = document.createElement('table');
  el.className = 'data';
  const head = el.createTHead().insertRow();
  table.head.forEach((h, i) => {
    const th = document.createElement('th');
    th.textContent = h;
    th.style.textAlign = table.right[i] ? 'right' : 'left';
    head.appendChild(th);
  });
  const body = el.createTBody();
  for (const cells of table.rows) {
    const tr = body.insertRow();
    cells.forEach((c, i) => {
      const td = tr.insertCell();
      td.textContent = c;
      td.style.textAlign = table.right[i] ? 'right' : 'left';
    });
  }
  section.append(el, ...table.notes.map((n) => Object.assign(document.createElement('p'), { className: 'muted', textContent: n })));
  return section;
}

function render(results: BenchResults): void {
  $('setup').textContent = setupLine(results);
  $('summary').replaceChildren(tableElement(summaryTable(results)));

  const chart = $('chart');
  chart.replaceChildren();
  // the heuristics run hundreds of times faster than any model row: on one scale the model bars vanish
  const modelRows = results.rows.filter((r) => r.method !== 'heuristics');
  if (modelRows.length > 0) {
    const ratios = Object.fromEntries(peerRatios(results).map((r) => [r.backend, `pii-local ÷ GLiNER.js ×${r.ratio.toFixed(2)}`]));
    const caption = Object.assign(document.createElement('p'), { className: 'muted', textContent: 'Model methods only; the heuristics row (no model) is in the tables.' });
    chart.append(wordsPerSecChart(modelRows, ratios), chartLegend(modelRows), caption);
  }
  const stageRows = modelRows.filter((r) => r.stages);
  const stages = $('stages-chart');
  stages.replaceChildren();
  if (stageRows.length > 0) stages.append(stagesChart(stageRows), stagesLegend());

  $('tables').replaceChildren(tableElement(stagesTable(results)), tableElement(coldTable(results)), tableElement(rowsTable(results)));

  const notes: string[] = [];
  for (const s of threadSpeedups(results)) notes.push(`${s.impl} ${s.method}: ${s.threads} threads ÷ 1 thread = ×${s.speedup.toFixed(2)} words/s`);
  for (const s of results.skipped) notes.push(`left out — ${s}`);
  for (const e of results.errors) notes.push(`not measured — ${e}`);
  $('notes').replaceChildren(...notes.map((x) => Object.assign(document.createElement('li'), { textContent: x })));
}

function webgpuPolicy(): BenchResults['settings']['webgpu'] {
  if (WEBGPU_PARAM === '0' || WEBGPU_PARAM === 'off') return 'off';
  return ($('webgpu-any') as HTMLInputElement).checked ? 'on' : 'auto';
}

async function main(): Promise<void> {
  const button = $('run') as HTMLButtonElement;
  const anyAdapter = $('webgpu-any') as HTMLInputElement;
  anyAdapter.checked = WEBGPU_PARAM === '1' || WEBGPU_PARAM === 'on';
  $('setup').textContent =
    `${navigator.hardwareConcurrency} logical CPUs (navigator.hardwareConcurrency) · crossOriginIsolated: ${crossOriginIsolated} · ` +
    `${RUNS} timed passes per row · labels: ${LABELS.join(', ')} · GLiNER.js ${WITH_PEER ? 'included' : 'left out'}`;
  const start = async () => {
    button.disabled = true;
    anyAdapter.disabled = true;
    $('log').replaceChildren();
    try {
      const results = await runBenchmark(webgpuPolicy());
      render(results);
      progressState.detail = '';
      $('progress').textContent = `done in ${(results.durationMs / 1000).toFixed(0)} s`;
      log(`done in ${(results.durationMs / 1000).toFixed(1)} s`);
      window.__benchResults = results;
    } catch (error) {
      window.__benchError = describe(error);
      log(`failed: ${window.__benchError}`);
    } finally {
      button.disabled = false;
      anyAdapter.disabled = false;
    }
  };
  button.addEventListener('click', () => void start());
  if (params.get('autorun') === '1') await start();
}

void main();
