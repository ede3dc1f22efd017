/**
 * The benchmark's peer: GLiNER.js (npm `gliner`) in its own module worker, so it runs off the main
 * thread exactly like pii-local's engine worker and the two are timed alike. It loads OUR model
 * files from this server — `onnx/model_quantized.onnx` for onnxruntime-web and `tokenizer.json` /
 * `tokenizer_config.json` for transformers.js — and transformers.js is told never to ask a hub.
 *
 * Stage times come from timing GLiNER.js's own steps on its instance (tokenizer load; per batch
 * `prepareBatch`, `prepareInputs`, `session.run`, `decode`): benchmark-only wrapping, absent when
 * a GLiNER.js version names them otherwise.
 *
 * One worker serves one configuration: onnxruntime fixes threads and backend at its first session.
 */
import { AutoTokenizer, env } from '@xenova/transformers';
import { expose } from 'comlink';
import { Gliner } from 'gliner';
import type { Span } from '../../src/types.js';
import type { PassStages } from './report.js';

/** How to start GLiNER.js. All URLs absolute (a worker resolves relative ones against itself). */
export interface PeerInit {
  /** The ONNX file. */
  modelUrl: string;
  /** Folder that holds `<tokenizerName>/tokenizer.json` (transformers.js's `localModelPath`). */
  localModelPath: string;
  tokenizerName: string;
  executionProvider: 'wasm' | 'webgpu';
  /** WASM threads (GLiNER.js's `multiThread` + `maxThreads`). */
  threads: number;
  /** Where GLiNER.js's own onnxruntime-web (1.19) finds its `.wasm` files. */
  wasmPaths: string;
  /** The model's `max_width`. */
  maxWidth: number;
}

/** Where `init` went inside the worker, in ms. */
export interface PeerLoad {
  tokenizerMs: number;
  /** Everything after the tokenizer: onnxruntime's `.wasm`, the ONNX file, the session. */
  sessionMs: number;
  totalMs: number;
}

/** Stage times of one `predict` inside the worker (`workerMs`: the whole call). */
export type PeerTimings = PassStages & { workerMs: number };

export interface PeerHost {
  init(init: PeerInit): Promise<PeerLoad>;
  /** Spans per text, in GLiNER.js's own batches of `batchSize` texts; `onProgress` after each batch. */
  predict(
    texts: string[],
    labels: string[],
    threshold: number,
    batchSize: number,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ spans: Span[][]; timings: PeerTimings }>;
}

let gliner: Gliner | undefined;
/** The sink the wrapped steps add to while a `predict` runs. */
let sink: PassStages | undefined;

/** Wraps `obj[name]` so that its time (sync or async) is added to `sink[key]`. */
function timeMethod(obj: unknown, name: string, key: Exclude<keyof PassStages, 'runs'>, count = false): void {
  const target = obj as Record<string, unknown> | undefined;
  const original = target?.[name];
  if (typeof original !== 'function') return;
  const add = (t0: number) => {
    if (!sink) return;
    sink[key] = (sink[key] ?? 0) + (performance.now() - t0);
    if (count) sink.runs = (sink.runs ?? 0) + 1;
  };
  target![name] = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    const out = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (out instanceof Promise) return out.finally(() => add(t0));
    add(t0);
    return out;
  };
}

const host: PeerHost = {
  async init(init) {
    const t0 = performance.now();
    let tokenizerMs = 0;
    const fromPretrained = AutoTokenizer.from_pretrained.bind(AutoTokenizer);
    AutoTokenizer.from_pretrained = (async (...args: Parameters<typeof fromPretrained>) => {
      const t = performance.now();
      try {
        return await fromPretrained(...args);
      } finally {
        tokenizerMs += performance.now() - t;
      }
    }) as typeof AutoTokenizer.from_pretrained;
    gliner = new Gliner({
      tokenizerPath: init.tokenizerName,
      onnxSettings: {
        modelPath: init.modelUrl,
        executionProvider: init.executionProvider,
        wasmPaths: init.wasmPaths,
        // multiThread with maxThreads 1 pins one thread; left off, onnxruntime picks its own count
        multiThread: true,
        maxThreads: init.threads,
      },
      transformersSettings: { allowLocalModels: true, useBrowserCache: false },
      maxWidth: init.maxWidth,
      modelType: 'span-level',
    });
    // after the constructor, which sets allowLocalModels/useBrowserCache on the shared env itself
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = init.localModelPath;
    await gliner.initialize();
    const totalMs = performance.now() - t0;

    const model = (gliner as unknown as { model?: { processor?: unknown; decoder?: unknown; onnxWrapper?: unknown } }).model;
    timeMethod(model?.processor, 'prepareBatch', 'prepareMs');
    timeMethod(model, 'prepareInputs', 'tensorsMs');
    timeMethod(model?.onnxWrapper, 'run', 'runMs', true);
    timeMethod(model?.decoder, 'decode', 'decodeMs');
    return { tokenizerMs, sessionMs: totalMs - tokenizerMs, totalMs };
  },

  async predict(texts, labels, threshold, batchSize, onProgress) {
    if (!gliner) throw new Error('GLiNER.js is not initialized');
    const t0 = performance.now();
    const timings: PassStages = {};
    sink = timings;
    const out: Span[][] = [];
    try {
      for (let at = 0; at < texts.length; at += batchSize) {
        const batch = await gliner.inference({ texts: texts.slice(at, at + batchSize), entities: labels, threshold, flatNer: true });
        for (const spans of batch) out.push(spans.map((s) => ({ start: s.start, end: s.end, label: s.label, score: s.score })));
        void onProgress?.(out.length, texts.length);
      }
    } finally {
      sink = undefined;
    }
    const workerMs = performance.now() - t0;
    const inStages = (timings.prepareMs ?? 0) + (timings.tensorsMs ?? 0) + (timings.runMs ?? 0) + (timings.decodeMs ?? 0);
    return { spans: out, timings: { ...timings, otherMs: Math.max(0, workerMs - inStages), workerMs } };
  },
};

// onnxruntime-web inlined into this script starts its WASM threads from this same file (named
// `em-pthread…`); those must not answer the page.
const name = (globalThis as { name?: string }).name ?? '';
if (!name.startsWith('em-pthread')) expose(host);
