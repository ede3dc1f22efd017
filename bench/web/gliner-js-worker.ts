/**
 * The benchmark's peer: GLiNER.js (npm `gliner`) in its own module worker, so it runs off the main
 * thread exactly like pii-local's engine worker and the two are timed alike. It loads OUR model
 * files from this server — `onnx/model_quantized.onnx` for onnxruntime-web and `tokenizer.json` /
 * `tokenizer_config.json` for transformers.js — and transformers.js is told never to ask a hub.
 *
 * One worker serves one configuration: onnxruntime fixes threads and backend at its first session.
 */
import { env } from '@xenova/transformers';
import { expose } from 'comlink';
import { Gliner } from 'gliner';
import type { Span } from '../../src/types.js';

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

export interface PeerHost {
  init(init: PeerInit): Promise<void>;
  /** Spans per text, in GLiNER.js's own batches of `batchSize` texts. */
  predict(texts: string[], labels: string[], threshold: number, batchSize: number): Promise<Span[][]>;
}

let gliner: Gliner | undefined;

const host: PeerHost = {
  async init(init) {
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
  },

  async predict(texts, labels, threshold, batchSize) {
    if (!gliner) throw new Error('GLiNER.js is not initialized');
    const out: Span[][] = [];
    for (let at = 0; at < texts.length; at += batchSize) {
      const batch = await gliner.inference({ texts: texts.slice(at, at + batchSize), entities: labels, threshold, flatNer: true });
      for (const spans of batch) out.push(spans.map((s) => ({ start: s.start, end: s.end, label: s.label, score: s.score })));
    }
    return out;
  },
};

// onnxruntime-web inlined into this script starts its WASM threads from this same file (named
// `em-pthread…`); those must not answer the page.
const name = (globalThis as { name?: string }).name ?? '';
if (!name.startsWith('em-pthread')) expose(host);
