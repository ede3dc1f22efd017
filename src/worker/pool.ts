/**
 * A pool of worker engines, each running the model on one WASM thread: one call's texts are split
 * across the workers and run side by side. For a small span model, several single-thread sessions
 * use a machine's cores better than one session's intra-op threads (which synchronise at every
 * operator). The same `Engine` interface as `createWorkerEngine`; results come back in input order.
 */
import type { DetectOptions, Engine, SampleDetection } from '../engine/engine.js';
import { EngineError } from '../engine/errors.js';
import { planFor } from '../engine/methods.js';
import { redactDetected } from '../engine/redact-detected.js';
import { addStageTimings, type StageTimings } from '../engine/timings.js';
import type { GlinerModel } from '../gliner/index.js';
import { createWorkerEngine, type WorkerEngineOptions } from './client.js';

export interface WorkerPoolOptions extends WorkerEngineOptions {
  /**
   * Workers in the pool, each with its own copy of the model (~80 MB each with the bundled one).
   * @defaultValue `navigator.hardwareConcurrency`, at most 4
   */
  size?: number;
  /** The worker script (a URL; a pool starts several). @defaultValue the `worker.js` shipped beside the library */
  worker?: URL | string;
}

/** A pool is an `Engine`, and tells how many of its workers have the model loaded. */
export interface WorkerPool extends Engine {
  /** Workers with the model loaded (a call is split across these); grows to `size` after `ready()`. */
  readonly readyWorkers: number;
  readonly size: number;
}

/** Texts below this many characters are one worker's job: splitting them costs more than it gains. */
const MIN_CHARS_PER_WORKER = 2_000;

/**
 * Starts a pool of single-thread worker engines. The first worker loads the model (and fills the
 * model cache); the others start once it is ready, reading from the cache, and take work as they
 * become ready. Needs no cross-origin isolation: each worker uses one thread.
 */
export function createWorkerPool(options: WorkerPoolOptions = {}): WorkerPool {
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
  const size = Math.max(1, Math.floor(options.size ?? Math.min(4, cores)));
  const { size: _size, ...engineOptions } = options;
  const start = () => createWorkerEngine({ ...engineOptions, modelOptions: { ...engineOptions.modelOptions, numThreads: 1 } });
  const first = start();
  const workers: Engine[] = [first];
  /** Workers whose model is loaded, in start order: the ones a call is split across. */
  const ready: Engine[] = [];
  let disposed = false;
  let firstReady: Promise<GlinerModel> | undefined;

  function load(): Promise<GlinerModel> {
    if (firstReady) return firstReady;
    const attempt = first.ready().then((model) => {
      ready.push(first);
      // The rest load one after another from the model cache the first one filled.
      void (async () => {
        for (let i = 1; i < size && !disposed; i++) {
          const engine = start();
          workers.push(engine);
          try {
            await engine.ready();
            if (!disposed) ready.push(engine);
          } catch {
            // a worker that cannot load leaves the pool smaller, never the call failing
            await engine.dispose().catch(() => undefined);
            workers.splice(workers.indexOf(engine), 1);
          }
        }
      })();
      return model;
    });
    // A failed first load is not kept: the next call tries again (the network may be back), as one engine does.
    attempt.catch(() => {
      if (firstReady === attempt) firstReady = undefined;
    });
    return (firstReady = attempt);
  }

  async function detect(texts: readonly string[], opts: DetectOptions): Promise<SampleDetection[]> {
    if (disposed) throw new EngineError('invalid_input', 'the worker pool was disposed');
    // Methods that do not run the model (heuristics, an LLM): one worker, no model load.
    if (!planFor(opts.method).gliner) return first.detect(texts, opts);
    await load();
    const slices = split(texts, ready.length);
    if (slices.length === 1) return ready[0]!.detect(texts, opts);
    const done = slices.map(() => 0);
    const sinks: StageTimings[] = slices.map(() => ({}));
    const parts = await Promise.all(
      slices.map(({ from, to }, k) =>
        ready[k]!.detect(texts.slice(from, to), {
          ...opts,
          ...(opts.timings ? { timings: sinks[k]! } : {}),
          ...(opts.onProgress
            ? {
                onProgress: (n: number) => {
                  done[k] = n;
                  opts.onProgress!(done.reduce((a, b) => a + b, 0), texts.length);
                },
              }
            : {}),
        }),
      ),
    );
    // Stage times add up over the workers (work done, not wall time).
    if (opts.timings) for (const sink of sinks) addStageTimings(opts.timings, sink);
    return parts.flat();
  }

  return {
    detect,
    redact: (texts, opts) => redactDetected(detect, texts, opts),
    ready: load,
    supportedTypes: () => first.supportedTypes(),
    get hasLlm() {
      return first.hasLlm;
    },
    bundledModel: first.bundledModel,
    get readyWorkers() {
      return ready.length;
    },
    size,
    async dispose() {
      disposed = true;
      await Promise.all(workers.map((w) => w.dispose().catch(() => undefined)));
    },
  };
}

/** Up to `n` contiguous slices of about equal characters, each of at least `MIN_CHARS_PER_WORKER`. */
function split(texts: readonly string[], n: number): Array<{ from: number; to: number }> {
  const total = texts.reduce((a, t) => a + t.length, 0);
  const parts = Math.max(1, Math.min(n, texts.length, Math.floor(total / MIN_CHARS_PER_WORKER)));
  if (parts === 1) return [{ from: 0, to: texts.length }];
  const out: Array<{ from: number; to: number }> = [];
  let from = 0;
  let chars = 0;
  for (let i = 0; i < texts.length && out.length < parts - 1; i++) {
    chars += texts[i]!.length;
    if (chars >= (total * (out.length + 1)) / parts) {
      out.push({ from, to: i + 1 });
      from = i + 1;
    }
  }
  out.push({ from, to: texts.length });
  return out.filter((s) => s.to > s.from);
}
