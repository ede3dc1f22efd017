/**
 * The test page: puts the browser-side API on `window.pii` for Playwright to drive, and renders
 * what it found (highlighted entities, masked text) so a screenshot shows it. Every call goes
 * through the real worker engine, model cache and redactFile.
 */
import type { DetectOptions, Engine, RedactOptions, SampleDetection } from '../../../src/engine/engine.js';
import type { DetectionMethod } from '../../../src/engine/methods.js';
import { cachedModelUrls, clearModelCache, createModelFetch, type ModelCacheOptions, type ModelDownloadProgress } from '../../../src/browser/model-cache.js';
import { redactFileWithReport } from '../../../src/browser/redact-file.js';
import { clearOfflineCache, offlineCachedUrls, registerOfflineWorker } from '../../../src/browser/offline.js';
import { createWorkerEngine, type WorkerGlinerModel } from '../../../src/worker/client.js';
import { createWorkerPool, type WorkerPool } from '../../../src/worker/pool.js';
import { LocalDataframer } from '../../../src/api/client.js';
import { IndexedDBStorage } from '../../../src/api/storage/indexeddb.js';
import { toFile } from '../../../src/api/uploads.js';
import { DEVICE_BODY_HEADER, onnxCandidates, openSource } from '../../../src/gliner/files.js';

export interface StartOptions {
  backend?: 'auto' | 'wasm' | 'webgpu';
  numThreads?: number;
  modelCache?: string | false;
  model?: string;
  /** A pool of this many single-thread workers (`createWorkerPool`) instead of one worker. */
  pool?: number;
  /** `modelOptions.integerKernels` (default true). */
  integerKernels?: boolean;
}

export interface Started {
  backend: string;
  crossOriginIsolated: boolean;
  workerIsolated: boolean;
  hardwareConcurrency: number;
  loadMs: number;
  /** Last progress per file. */
  downloads: Record<string, { loaded: number; total: number; events: number }>;
}

export const MODEL_URL = '/models/pii-local-small/';

let engine: Engine | undefined;
const status = document.getElementById('status')!;
const out = document.getElementById('out')!;

async function start(options: StartOptions = {}): Promise<Started> {
  await engine?.dispose();
  const downloads: Started['downloads'] = {};
  const t0 = performance.now();
  engine = (options.pool ? (o: Parameters<typeof createWorkerPool>[0]) => createWorkerPool({ ...o, size: options.pool }) : createWorkerEngine)({
    model: options.model ?? MODEL_URL,
    modelCache: options.modelCache,
    modelOptions: {
      backend: options.backend ?? 'wasm',
      ...(options.numThreads !== undefined ? { numThreads: options.numThreads } : {}),
      ...(options.integerKernels !== undefined ? { integerKernels: options.integerKernels } : {}),
      onProgress: (p) => {
        const d = (downloads[p.file] ??= { loaded: 0, total: 0, events: 0 });
        d.loaded = p.loaded;
        d.total = p.total ?? 0;
        d.events++;
        status.textContent = `loading ${p.file}: ${p.loaded} / ${p.total ?? '?'} bytes`;
      },
    },
  });
  const model = (await engine.ready()) as WorkerGlinerModel;
  const loadMs = performance.now() - t0;
  status.textContent = `model ready on ${model.backend} in ${loadMs.toFixed(0)} ms (crossOriginIsolated: ${String(crossOriginIsolated)})`;
  return {
    backend: model.backend,
    crossOriginIsolated,
    workerIsolated: model.crossOriginIsolated,
    hardwareConcurrency: model.hardwareConcurrency,
    loadMs,
    downloads,
  };
}

function need(): Engine {
  if (!engine) throw new Error('call pii.start() first');
  return engine;
}

async function detect(texts: string[], options: Omit<DetectOptions, 'signal' | 'onProgress'>): Promise<{ results: SampleDetection[]; ms: number; progress: number[] }> {
  const progress: number[] = [];
  const t0 = performance.now();
  const results = await need().detect(texts, { ...options, onProgress: (done) => progress.push(done) });
  return { results, ms: performance.now() - t0, progress };
}

/** An engine pointed at a worker script that does not exist: its calls must fail, not hang. */
async function startMissingWorker(): Promise<{ name: string; code?: string; message: string }> {
  const broken = createWorkerEngine({ worker: new URL('missing-worker.js', location.href), model: MODEL_URL });
  try {
    await broken.ready();
    return { name: 'none', message: '' };
  } catch (error) {
    return { name: (error as Error).name, code: (error as { code?: string }).code, message: (error as Error).message };
  } finally {
    await broken.dispose();
  }
}

/** Starts a detect call and aborts it after `afterMs`; resolves with how the call ended. */
async function detectAborted(texts: string[], options: Omit<DetectOptions, 'signal' | 'onProgress'>, afterMs: number): Promise<{ error: string; code?: string; ms: number }> {
  const controller = new AbortController();
  const t0 = performance.now();
  setTimeout(() => controller.abort(), afterMs);
  try {
    await need().detect(texts, { ...options, signal: controller.signal });
    return { error: 'none', ms: performance.now() - t0 };
  } catch (error) {
    return { error: (error as Error).name, code: (error as { code?: string }).code, ms: performance.now() - t0 };
  }
}

async function redact(texts: string[], options: Omit<RedactOptions, 'signal' | 'onProgress' | 'displayLabel'>) {
  const { samples } = await need().redact(texts, options);
  return samples;
}

async function redactCsv(content: string, name: string, options: { method: DetectionMethod; types: string[] }) {
  const file = new File([content], name, { type: 'text/csv' });
  const report = await redactFileWithReport(file, { engine: need(), ...options });
  return { name: report.file.name, type: report.file.type, text: await report.file.text(), records: report.records, failed: report.failed };
}

/** Shows each text with its entities highlighted (type and score), and the masked text below. */
function render(texts: string[], detections: SampleDetection[], masked: string[]): void {
  out.replaceChildren();
  texts.forEach((text, i) => {
    const box = document.createElement('div');
    box.className = 'sample';
    const line = document.createElement('div');
    let at = 0;
    for (const span of detections[i]?.spans ?? []) {
      line.append(text.slice(at, span.start));
      const mark = document.createElement('mark');
      mark.dataset.type = span.label;
      mark.textContent = text.slice(span.start, span.end);
      const sup = document.createElement('sup');
      sup.textContent = `${span.label} ${span.score.toFixed(2)}`;
      mark.append(sup);
      line.append(mark);
      at = span.end;
    }
    line.append(text.slice(at));
    const m = document.createElement('div');
    m.className = 'masked';
    m.textContent = masked[i] ?? '';
    box.append(line, m);
    out.append(box);
  });
}

/** One GET through the model cache: status, size and SHA-256 of the body, and the progress events. */
async function fetchThroughCache(url: string, store: NonNullable<ModelCacheOptions['store']>, cacheName: string) {
  const events: ModelDownloadProgress[] = [];
  const modelFetch = createModelFetch({ store, cacheName, onProgress: (p) => events.push(p) });
  const response = await modelFetch(url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return { status: response.status, size: bytes.byteLength, digest, contentLength: response.headers.get('content-length'), body: response.headers.get(DEVICE_BODY_HEADER), events };
}

/**
 * Reads a model's files the way a load does (manifest, JSON files, the first ONNX candidate
 * present) through the model cache: what was read, or the load error.
 */
async function readThroughCache(base: string, cacheName: string) {
  const reader = openSource(base, { fetch: createModelFetch({ cacheName, store: 'cache-api' }) });
  try {
    const config = await reader.json('tokenizer_config.json', true);
    const { file, bytes } = await reader.onnx(onnxCandidates('wasm'));
    return { ok: true as const, onnx: file, size: bytes.byteLength, configKeys: Object.keys(config ?? {}).sort() };
  } catch (error) {
    return { ok: false as const, message: (error as Error).message };
  }
}

/** Registers pii-local's offline service worker (`offline-sw.ts`, built beside the page). */
async function registerOffline(): Promise<{ controlled: boolean; reason?: string; stored: string[] }> {
  const { controlled, reason, stored } = await registerOfflineWorker('offline-sw.js');
  return { controlled, stored, ...(reason !== undefined ? { reason } : {}) };
}

/**
 * Whether the page could run code built from a string (it must not, under the strict CSP). Asked
 * once at load: code that DevTools runs (Playwright's `evaluate`) is exempt from the CSP's eval rule.
 */
function codeFromStrings(): boolean {
  try {
    // eslint-disable-next-line no-new-func
    return new Function('return true')() === true;
  } catch {
    return false;
  }
}

const evalAllowedAtLoad = codeFromStrings();

/** The same question in a worker served with the engine worker's headers. */
function workerEval(): Promise<string> {
  return new Promise((resolve) => {
    const worker = new Worker('eval-probe-worker.js');
    worker.onmessage = (e) => {
      resolve(String(e.data));
      worker.terminate();
    };
  });
}

/** A client whose datasets, runs and files live in IndexedDB `db` (heuristics: no model is loaded). */
function storedClient(db: string): LocalDataframer {
  return new LocalDataframer({ model: MODEL_URL, backend: 'wasm', storage: new IndexedDBStorage(db) });
}

/** Anonymization run over `csv` (E-mail, PSEUDONYMIZE), everything kept in IndexedDB. */
async function storedRun(db: string, csv: string) {
  const client = storedClient(db);
  const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'stored', file: toFile(csv, 'stored.csv') });
  return anonymize(client, ds.id);
}

async function anonymize(client: LocalDataframer, datasetId: string) {
  const run = await client.dataframer.anonymizationRuns.createAndPoll(
    { dataset_id: datasetId, pii_types: ['email'], detection_method: 'heuristics', mask_config: { email: 'PSEUDONYMIZE' }, mask_options: { seed: 3 } },
    { pollIntervalMs: 20 },
  );
  const file = run.anonymized_files[0];
  const text = file ? await (await client.dataframer.anonymizationRuns.files.content(run.id, file.id)).text() : '';
  return { datasetId, runId: run.id, fileId: file?.id ?? '', status: run.status, samples: run.results.samples_processed ?? 0, size: file?.size_in_bytes ?? 0, text };
}

/** After a reload: the stored run, its file, and a new run over the stored dataset. */
async function storedAgain(db: string, runId: string, fileId: string, datasetId: string) {
  const client = storedClient(db);
  const run = await client.dataframer.anonymizationRuns.retrieve(runId);
  const text = await (await client.dataframer.anonymizationRuns.files.content(runId, fileId)).text();
  const again = await anonymize(client, datasetId);
  return { status: run.status, samples: run.results.samples_processed ?? 0, text, again };
}

const api = {
  start,
  storedRun,
  storedAgain,
  startMissingWorker,
  detect,
  detectAborted,
  redact,
  redactCsv,
  render,
  registerOffline,
  offlineCachedUrls: () => offlineCachedUrls(),
  clearOfflineCache: () => clearOfflineCache(),
  evalAllowed: () => evalAllowedAtLoad,
  workerEval,
  fetchThroughCache,
  readThroughCache,
  cachedModelUrls: (options?: Pick<ModelCacheOptions, 'cacheName' | 'store'>) => cachedModelUrls(options),
  clearModelCache: (options?: Pick<ModelCacheOptions, 'cacheName'>) => clearModelCache(options),
  /** Workers of the pool with the model loaded, once `want` are (a pool only). */
  /** `ready()` again on the engine already started (after a failed load). */
  readyAgain: async () => (await need().ready()).backend,
  poolReady: async (want: number, timeoutMs = 60_000) => {
    const pool = need() as WorkerPool;
    const t0 = performance.now();
    while (pool.readyWorkers < want && performance.now() - t0 < timeoutMs) await new Promise((r) => setTimeout(r, 50));
    return pool.readyWorkers;
  },
  stop: async () => {
    await engine?.dispose();
    engine = undefined;
  },
};

export type PiiPage = typeof api;
declare global {
  interface Window {
    pii: PiiPage;
    piiErrors: string[];
  }
}

window.piiErrors = [];
window.addEventListener('error', (e) => window.piiErrors.push(`error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => window.piiErrors.push(`unhandledrejection: ${String((e.reason as Error)?.name ?? e.reason)}`));
// The load-time probe above is refused once under the strict CSP: that report is expected.
let probeReports = evalAllowedAtLoad ? 0 : 1;
document.addEventListener('securitypolicyviolation', (e) => {
  if (e.blockedURI === 'eval' && probeReports > 0) probeReports--;
  else window.piiErrors.push(`csp: ${e.violatedDirective} ${e.blockedURI}`);
});
window.pii = api;
status.textContent = 'ready';
