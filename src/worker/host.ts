/**
 * The engine as the worker serves it: one `createEngine` per worker, calls numbered by the page so
 * that a cancel message can find the call it aborts. Transport-free: `worker.ts` exposes it with
 * Comlink, and a test or a Node caller can drive it in-process.
 */
import { createEngine, type DetectOptions, type Engine, type SampleDetection } from '../engine/engine.js';
import { EngineError, throwIfAborted } from '../engine/errors.js';
import { redactDetected } from '../engine/redact-detected.js';
import type { StageTimings } from '../engine/timings.js';
import { slicesOf, yieldToEvents } from './slices.js';
import type { GlinerModel } from '../gliner/index.js';
import type { LlmProvider } from '../llm/provider.js';
import { toProvider } from '../llm/provider.js';
import { createModelFetch } from '../browser/model-cache.js';
import { fromWire, toWire, transferablesOfWire } from './pack-texts.js';
import type { EngineHost, HostBridge, Reply, WireModelInfo } from './protocol.js';
import { fromWireError, toWireError } from './wire-errors.js';

/** Marks buffers of a reply to be moved rather than copied (`Comlink.transfer` in the worker). */
export type TransferMarker = <T>(value: T, transferables: Transferable[]) => T;

export function createEngineHost(transfer: TransferMarker = (value) => value): EngineHost {
  let engine: Engine | undefined;
  let bridge: HostBridge | undefined;
  const calls = new Map<number, AbortController>();

  function started(call: number): AbortSignal {
    const controller = new AbortController();
    calls.set(call, controller);
    return controller.signal;
  }

  /** A sink for a call's stage times and how to send it to the page (before the reply), if asked. */
  function timingsOf(call: number, wanted: boolean | undefined) {
    if (!wanted || !bridge) return { sink: undefined, send() {} };
    const b = bridge;
    const sink: StageTimings = {};
    const started = performance.now();
    return {
      sink,
      send() {
        sink.workerMs = performance.now() - started;
        b.event({ kind: 'timings', call, timings: sink });
      },
    };
  }

  /** `onWork` for a call that asked for it: a `work` event, at most every 250 ms (messages cost). */
  function workOf(call: number, wanted: boolean | undefined) {
    if (!wanted || !bridge) return undefined;
    const b = bridge;
    let last = -Infinity;
    return () => {
      const now = performance.now();
      if (now - last < 250) return;
      last = now;
      b.event({ kind: 'work', call });
    };
  }

  function progressOf(call: number, wanted: boolean) {
    if (!wanted || !bridge) return undefined;
    const b = bridge;
    return (done: number, total: number) => b.event({ kind: 'progress', call, done, total });
  }

  /** Runs one call: registers its controller, turns any failure into a reply, forgets the call. */
  async function serve<T>(
    call: number,
    work: (signal: AbortSignal, engine: Engine) => Promise<T>,
    transferablesOf?: (value: T) => Transferable[],
  ): Promise<Reply<T>> {
    const signal = started(call);
    try {
      if (!engine) throw new EngineError('invalid_input', 'the worker engine was used before init');
      const value = await work(signal, engine);
      await bridge?.flush();
      const reply: Reply<T> = { ok: true, value };
      const list = transferablesOf?.(reply.value) ?? [];
      return list.length > 0 ? transfer(reply, list) : reply;
    } catch (error) {
      return { ok: false, error: toWireError(error, 'in the worker') };
    } finally {
      calls.delete(call);
    }
  }

  return {
    init(init, b) {
      bridge = b;
      try {
        const llm = init.llm === undefined ? undefined : init.llm === 'bridge' ? bridgedProvider(b, calls) : toProvider(init.llm);
        const modelFetch = init.modelCache === false ? undefined : createModelFetch({ cacheName: init.modelCache });
        // Model loading is a call of its own, so the page's `modelOptions.signal` can cancel it.
        const loadSignal = started(init.loadCall);
        engine = createEngine({
          model: init.model,
          modelOptions: {
            ...init.modelOptions,
            ...(modelFetch ? { fetch: modelFetch } : {}),
            signal: loadSignal,
            onProgress: (p) => b.event({ kind: 'download', loaded: p.loaded, total: p.total ?? 0, file: p.file }),
          },
          labelPrompts: init.labelPrompts,
          modelTypes: init.modelTypes,
          llm,
        });
        return { ok: true, value: { ...engine.supportedTypes(), hasLlm: engine.hasLlm } };
      } catch (error) {
        return { ok: false, error: toWireError(error, 'in the worker') };
      }
    },

    ready: (call) => serve(call, async (_signal, e) => modelInfo(await e.ready())),

    detect: (call, texts, options) =>
      serve(call, async (signal, e) => {
        const { reportProgress, reportTimings, reportWork, ...rest } = options;
        const timings = timingsOf(call, reportTimings);
        const onWork = workOf(call, reportWork);
        const found = await detectInSlices(e, fromWire(texts), { ...rest, signal, onProgress: progressOf(call, reportProgress), timings: timings.sink, ...(onWork ? { onWork } : {}) });
        timings.send();
        return found;
      }),

    redact: (call, texts, options) =>
      serve(call, async (signal, e) => {
        const { reportProgress, reportTimings, reportWork, displayLabels, maskConfig = {}, masker: maskerOptions, ...rest } = options;
        const timings = timingsOf(call, reportTimings);
        const onWork = workOf(call, reportWork);
        const display = displayLabels ? (t: string) => displayLabels[t] ?? t : undefined;
        // One masker for the whole call (`redactDetected`, as `Engine.redact`), so PSEUDONYMIZE
        // numbering and REPLACE surrogates stay consistent across slices.
        const { samples, pseudonymMap } = await redactDetected((t, o) => detectInSlices(e, t, o), fromWire(texts), {
          ...rest, maskConfig, masker: maskerOptions, ...(display ? { displayLabel: display } : {}),
          signal, onProgress: progressOf(call, reportProgress), timings: timings.sink, ...(onWork ? { onWork } : {}),
        });
        const reply = { spans: samples.map((d) => d.spans), texts: toWire(samples.map((d) => d.text ?? '')).wire, errors: samples.map((d) => d.error), pseudonymMap };
        timings.send();
        return reply;
      }, (value) => transferablesOfWire(value.texts)),

    predict: (call, texts, labels, options) =>
      serve(call, async (signal, e) => {
        const { reportProgress, reportTimings, ...rest } = options;
        const timings = timingsOf(call, reportTimings);
        const model = await e.ready();
        const spans = await model.predict(fromWire(texts), labels, { ...rest, signal, onProgress: progressOf(call, reportProgress), timings: timings.sink });
        timings.send();
        return spans;
      }),

    cancel(call) {
      calls.get(call)?.abort(new DOMException('canceled', 'AbortError'));
    },

    async dispose() {
      for (const c of calls.values()) c.abort(new DOMException('disposed', 'AbortError'));
      await engine?.dispose();
      engine = undefined;
    },
  };
}

/** `Engine.detect` slice by slice, yielding between slices so a cancel is read in time. */
async function detectInSlices(engine: Engine, texts: readonly string[], options: DetectOptions): Promise<SampleDetection[]> {
  const { onProgress, signal } = options;
  const out: SampleDetection[] = [];
  for (const slice of slicesOf(texts)) {
    await yieldToEvents();
    throwIfAborted(signal);
    const found = await engine.detect(slice.texts, { ...options, onProgress: onProgress && ((done) => onProgress(slice.start + done, texts.length)) });
    out.push(...found);
  }
  return out;
}

/**
 * The page's LLM provider seen from the worker: each completion goes back to the page, which runs
 * it with the signal of the page-side call. That call is the one whose signal the engine passed, or
 * the only call in flight; failing both (-1) the page runs it without a signal, and only the
 * worker side stops waiting on abort.
 */
function bridgedProvider(bridge: HostBridge, calls: ReadonlyMap<number, AbortController>): LlmProvider {
  return {
    name: 'page',
    async complete(request) {
      const { signal, ...rest } = request;
      const inFlight = [...calls.entries()];
      const call = (inFlight.find(([, c]) => c.signal === signal) ?? (inFlight.length === 1 ? inFlight[0] : undefined))?.[0] ?? -1;
      const reply = await untilAborted(bridge.complete(call, rest), signal);
      if (reply.ok) return reply.value;
      throw fromWireError(reply.error);
    },
  };
}

/** Stops waiting for the page when the worker-side call is aborted (the page aborts its own side). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new DOMException('the operation was aborted', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('the operation was aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * What the page learns about the loaded model: where it runs, its config, and the facts that decide
 * the thread count (onnxruntime uses threads only in a cross-origin-isolated worker).
 */
function modelInfo(model: GlinerModel): WireModelInfo {
  const g = globalThis as { crossOriginIsolated?: boolean; navigator?: { hardwareConcurrency?: number } };
  return {
    backend: model.backend,
    config: structuredClone(model.config),
    crossOriginIsolated: g.crossOriginIsolated === true,
    hardwareConcurrency: g.navigator?.hardwareConcurrency ?? 1,
    ...(model.loadTimings ? { loadTimings: { ...model.loadTimings } } : {}),
  };
}
