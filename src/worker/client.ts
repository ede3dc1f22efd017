/**
 * An `Engine` whose work runs in a Web Worker: the same interface as `createEngine`, so the API
 * client (`new LocalDataframer({ engine })`) and `redactFile` take either. The page stays
 * responsive; model loading, inference and masking happen in the worker.
 *
 * What cannot cross to a worker is translated: an `AbortSignal` becomes a call id and a `cancel`
 * message (the page-side promise rejects at once; the worker stops at its next check), progress
 * callbacks and a page-side LLM provider go through one proxied bridge, and large batches of text
 * are transferred as one buffer.
 */
import { proxy, releaseProxy, transfer, wrap, type Remote } from 'comlink';
import { DEFAULT_MODEL_TYPES, type DetectOptions, type Engine, type EngineOptions, type RedactOptions, type SampleRedaction } from '../engine/engine.js';
import { EngineError } from '../engine/errors.js';
import type { GlinerLoadOptions, GlinerModel, ModelSource, PredictOptions } from '../gliner/index.js';
import { toProvider, type LlmProvider, type LlmProviderConfig } from '../llm/provider.js';
import type { OpenAICompatibleConfig } from '../llm/openai-compatible.js';
import { DEFAULT_MODEL_CACHE } from '../browser/model-cache.js';
import { heuristicTypes } from '../recognizers/registry.js';
import { addStageTimings, type StageTimings } from '../engine/timings.js';
import { fromWire, toWire, type WireTexts } from './pack-texts.js';
import type { EngineHost, HostBridge, HostEvent, Reply, WireEngineInit, WireModelInfo } from './protocol.js';
import { fromWireError, toWireError } from './wire-errors.js';

export interface WorkerEngineOptions extends Pick<EngineOptions, 'labelPrompts' | 'modelTypes'> {
  /**
   * The worker to talk to, or the URL of the worker script to start as a module worker.
   * @defaultValue `new URL('./worker.js', import.meta.url)`: the `worker.js` shipped beside the
   * library, which Vite, rollup (with an import-meta-assets plugin) and webpack 5 pick up.
   */
  worker?: Worker | URL | string;
  /** Base URL of the model folder, or its bytes. A relative URL is taken relative to the page. @defaultValue the bundled model */
  model?: ModelSource;
  /**
   * Model-loading options. `onProgress` and `signal` stay on the page; `fetch` cannot cross to the
   * worker (use `modelCache`). Relative `wasmPaths` are taken relative to the page.
   */
  modelOptions?: GlinerLoadOptions;
  /**
   * Keep model files on the device (Cache API, else IndexedDB) under this name, so later loads work
   * offline; `false` downloads them every time. @defaultValue `'pii-local-models'`
   */
  modelCache?: string | false;
  /** An LLM provider for the llm methods. An endpoint config without `fetch` is called from the worker; anything else runs on the page. */
  llm?: LlmProviderConfig;
}

/** The model `ready()` resolves with: a stand-in whose `predict` runs in the worker, plus where and how it runs. */
export interface WorkerGlinerModel extends GlinerModel {
  readonly crossOriginIsolated: boolean;
  readonly hardwareConcurrency: number;
}

interface PendingCall {
  onProgress?: (done: number, total: number) => void;
  /** The caller's heartbeat, beaten on the worker's `work` events. */
  onWork?: () => void;
  /** The caller's `timings` sink, filled from the worker's report. */
  timings?: StageTimings;
  signal?: AbortSignal;
  fail(error: Error): void;
}

/** Starts (or adopts) a worker and returns an `Engine` backed by it. The model loads on first use or `ready()`. */
export function createWorkerEngine(options: WorkerEngineOptions = {}): Engine {
  const owned = !(typeof Worker !== 'undefined' && options.worker instanceof Worker);
  const worker = startWorker(options.worker);
  const remote: Remote<EngineHost> = wrap<EngineHost>(worker);
  const pending = new Map<number, PendingCall>();
  let nextCall = 1;
  let broken: Error | undefined;
  let disposed = false;

  const pageLlm: LlmProvider | undefined = options.llm !== undefined && !isWorkerSideEndpoint(options.llm) ? toProvider(options.llm) : undefined;
  const modelOptions = options.modelOptions ?? {};
  const loadCall = nextCall++;

  const bridge: HostBridge = {
    event(event: HostEvent) {
      if (event.kind === 'download') modelOptions.onProgress?.({ loaded: event.loaded, total: event.total, file: event.file });
      else if (event.kind === 'timings') {
        const sink = pending.get(event.call)?.timings;
        if (sink) addStageTimings(sink, event.timings);
      } else if (event.kind === 'work') pending.get(event.call)?.onWork?.();
      else pending.get(event.call)?.onProgress?.(event.done, event.total);
    },
    flush() {},
    async complete(call, request) {
      if (!pageLlm) return { ok: false, error: { name: 'EngineError', code: 'llm_not_configured', message: 'no LLM provider on the page' } };
      try {
        return { ok: true, value: await pageLlm.complete({ ...request, signal: pending.get(call)?.signal }) };
      } catch (error) {
        return { ok: false, error: toWireError(error, 'in the page\'s LLM provider') };
      }
    },
  };
  const bridgeProxy = proxy(bridge);

  // A worker that fails to load, or throws outside a call, leaves the engine in an unknown state:
  // every pending and later call fails with the reason, never hangs.
  const onWorkerError = (event: Event) => {
    const detail = event instanceof ErrorEvent && event.message ? ' (see the console of the worker)' : '';
    broken = new EngineError('model_load_failed', `the engine worker stopped${detail}; check the worker URL and its wasm files`);
    for (const call of pending.values()) call.fail(broken);
    pending.clear();
  };
  worker.addEventListener('error', onWorkerError);
  worker.addEventListener('messageerror', onWorkerError);

  const initReply = remote.init(initOf(options, loadCall), bridgeProxy);
  const initialized: Promise<void> = initReply.then((reply) => {
    if (!reply.ok) throw fromWireError(reply.error);
  });
  initialized.catch(() => undefined); // surfaced by the first call
  const signal = modelOptions.signal;
  signal?.addEventListener('abort', () => void remote.cancel(loadCall), { once: true });

  /** One worker call: numbered, cancelable, rejected at once on abort or worker death. */
  function invoke<T>(
    run: (call: number) => Promise<Reply<T>>,
    opts: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void; onWork?: () => void; timings?: StageTimings } = {},
  ): Promise<T> {
    if (disposed) return Promise.reject(new EngineError('invalid_input', 'the worker engine was disposed'));
    if (broken) return Promise.reject(broken);
    if (opts.signal?.aborted) return Promise.reject(abortError());
    const call = nextCall++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        void remote.cancel(call);
        finish();
        reject(abortError());
      };
      const finish = () => {
        pending.delete(call);
        opts.signal?.removeEventListener('abort', onAbort);
      };
      pending.set(call, { onProgress: opts.onProgress, onWork: opts.onWork, timings: opts.timings, signal: opts.signal, fail: (e) => (finish(), reject(e)) });
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      initialized
        .then(() => run(call))
        .then(
          (reply) => {
            if (!pending.has(call)) return; // already settled by abort or worker death
            finish();
            if (reply.ok) resolve(reply.value);
            else reject(fromWireError(reply.error));
          },
          (error: unknown) => {
            if (!pending.has(call)) return;
            finish();
            reject(error instanceof Error ? error : new EngineError('inference_failed', 'the worker call failed'));
          },
        );
    });
  }

  function sendTexts(texts: readonly string[]): WireTexts {
    const { wire, transfer: list } = toWire(texts);
    return list.length > 0 ? transfer(wire, list) : wire;
  }

  let modelPromise: Promise<WorkerGlinerModel> | undefined;
  const supported = { heuristics: heuristicTypes({ all: true }), model: [...(options.modelTypes ?? DEFAULT_MODEL_TYPES)] };

  const engine: Engine = {
    detect(texts, opts: DetectOptions) {
      // Functions cannot cross to the worker: `onWork` becomes `work` events sent back.
      const { signal: s, onProgress, onWork, timings, ...rest } = opts;
      return invoke(
        (call) => remote.detect(call, sendTexts(texts), { ...rest, reportProgress: onProgress !== undefined, reportTimings: timings !== undefined, reportWork: onWork !== undefined }),
        { signal: s, onProgress, onWork, timings },
      );
    },

    async redact(texts, opts: RedactOptions) {
      const { signal: s, onProgress, displayLabel, onWork, timings, ...rest } = opts;
      const displayLabels = displayLabel ? labelTable(displayLabel, opts) : undefined;
      const out = await invoke(
        (call) => remote.redact(call, sendTexts(texts), { ...rest, displayLabels, reportProgress: onProgress !== undefined, reportTimings: timings !== undefined, reportWork: onWork !== undefined }),
        { signal: s, onProgress, onWork, timings },
      );
      const masked = fromWire(out.texts);
      const samples: SampleRedaction[] = out.spans.map((spans, i) => {
        const error = out.errors[i];
        return error !== undefined ? { spans: [], error } : { text: masked[i]!, spans };
      });
      return { samples, pseudonymMap: out.pseudonymMap };
    },

    ready() {
      modelPromise ??= invoke((call) => remote.ready(call), { signal }).then(
        (info) => modelStandIn(info),
        (error: unknown) => {
          modelPromise = undefined; // a later call may retry
          throw error;
        },
      );
      return modelPromise;
    },

    bundledModel: options.model === undefined,

    supportedTypes: () => ({ heuristics: [...supported.heuristics], model: [...supported.model] }),

    get hasLlm() {
      return options.llm !== undefined;
    },

    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const call of pending.values()) call.fail(abortError());
      pending.clear();
      if (!broken) await remote.dispose().catch(() => undefined);
      remote[releaseProxy]();
      worker.removeEventListener('error', onWorkerError);
      worker.removeEventListener('messageerror', onWorkerError);
      if (owned) worker.terminate();
    },
  };

  /** The loaded model as seen from the page: its cloneable fields, and `predict` run in the worker. */
  function modelStandIn(info: WireModelInfo): WorkerGlinerModel {
    const model = {
      ...info,
      predict: (texts: readonly string[], labels: readonly string[], opts: PredictOptions = {}) => {
        const { signal: s, onProgress, onRun: _r, timings, ...rest } = opts;
        return invoke(
          (call) => remote.predict(call, sendTexts(texts), labels, { ...rest, reportProgress: onProgress !== undefined, reportTimings: timings !== undefined }),
          { signal: s, onProgress, timings },
        );
      },
      dispose: () => engine.dispose(),
    };
    return model;
  }

  return engine;
}

function startWorker(worker: WorkerEngineOptions['worker']): Worker {
  if (typeof Worker === 'undefined') throw new EngineError('invalid_input', 'Web Workers are not available here; use createEngine in this environment');
  if (worker instanceof Worker) return worker;
  // Written out in full so bundlers (Vite, webpack 5, rollup plugins) see the worker and emit it.
  if (worker === undefined) return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  return new Worker(worker, { type: 'module' });
}

/** An OpenAI-compatible endpoint given as plain settings can be called from the worker itself. */
function isWorkerSideEndpoint(llm: LlmProviderConfig): llm is OpenAICompatibleConfig {
  return typeof llm === 'object' && llm !== null && 'baseURL' in llm && !('complete' in llm) && (llm as OpenAICompatibleConfig).fetch === undefined;
}

function initOf(options: WorkerEngineOptions, loadCall: number): WireEngineInit {
  const { onProgress: _p, signal: _s, fetch, ...modelOptions } = options.modelOptions ?? {};
  if (fetch) throw new TypeError('modelOptions.fetch cannot be passed to a worker engine: the worker fetches the model itself (see modelCache)');
  if (typeof options.model === 'object' && options.model !== null && typeof (options.model as { predict?: unknown }).predict === 'function') {
    throw new TypeError('a loaded model cannot be passed to a worker engine: pass its URL or bytes');
  }
  const wasmPaths = (modelOptions as { wasmPaths?: unknown }).wasmPaths;
  return {
    model: absoluteModel(options.model),
    modelOptions: wasmPaths === undefined ? modelOptions : { ...modelOptions, wasmPaths: absoluteWasmPaths(wasmPaths) } as typeof modelOptions,
    modelCache: options.modelCache ?? DEFAULT_MODEL_CACHE,
    labelPrompts: options.labelPrompts,
    modelTypes: options.modelTypes,
    llm: options.llm === undefined ? undefined : isWorkerSideEndpoint(options.llm) ? options.llm : 'bridge',
    loadCall,
  };
}

/** The worker resolves relative URLs against its own script: resolve them against the page first. */
function pageUrl(url: string | URL): string {
  const base = typeof location !== 'undefined' ? location.href : undefined;
  return new URL(url, base).href;
}

function absoluteModel(model: ModelSource | undefined): ModelSource | undefined {
  if (typeof model === 'string') return pageUrl(model) as ModelSource;
  if (typeof URL !== 'undefined' && (model as unknown) instanceof URL) return (model as unknown as URL).href as ModelSource;
  return model;
}

function absoluteWasmPaths(paths: unknown): unknown {
  if (typeof paths === 'string' || paths instanceof URL) return pageUrl(paths);
  if (typeof paths === 'object' && paths !== null) {
    return Object.fromEntries(Object.entries(paths).map(([k, v]) => [k, typeof v === 'string' || v instanceof URL ? pageUrl(v) : v]));
  }
  return paths;
}

/** `displayLabel` as a table over every type the call can emit (functions cannot cross). */
function labelTable(displayLabel: (canonical: string) => string, opts: RedactOptions): Record<string, string> {
  const table: Record<string, string> = {};
  for (const t of [...(opts.types ?? []), ...Object.keys(opts.maskConfig ?? {})]) table[t] = displayLabel(t);
  return table;
}

function abortError(): EngineError {
  return new EngineError('aborted', 'the operation was aborted');
}
