/**
 * GLiNER span-NER inference on onnxruntime-web (WASM or WebGPU), for official GLiNER v1-family
 * ONNX exports and the bundled model alike (gliner.md; DESIGN §4).
 *
 * ```ts
 * const model = await loadGliner('models/pii-local-small');
 * const [spans] = await model.predict(['Call Anna Berg at 555 0199'], ['person', 'phone number']);
 * // → [{ start: 5, end: 14, label: 'person', score: 0.97 }, ...]
 * ```
 */
import { Tokenizer } from '@huggingface/tokenizers';
import { EngineError, isAbort } from '../engine/errors.js';
import { parseConfig, type GlinerConfig } from './config.js';
import { GlinerError, loadError } from './errors.js';
import { isInt8File, onnxCandidates, openSource, type FileProgress, type ModelSource, type ModelVariant } from './files.js';
import { GlinerRunner, type GlinerModel, type LoadTimings } from './model.js';
import { PromptEncoder } from './prompt.js';
import { openSession, resolveBackend, warmUpRuntime, type RuntimeOptions } from './session.js';

export type { GlinerConfig } from './config.js';
export type { ModelSource, ModelVariant, FileProgress } from './files.js';
export type { GlinerModel, PredictOptions, LoadTimings } from './model.js';
export { GlinerError, type GlinerFailure } from './errors.js';

/** Options of {@link loadGliner}. */
export interface GlinerLoadOptions {
  /**
   * Execution provider. `auto`: WebGPU when the browser grants an adapter and the model has an
   * fp16/fp32 file, else WASM; a WebGPU session that fails to open falls back to WASM. An explicit
   * `webgpu` does not fall back.
   * @defaultValue 'auto'
   */
  backend?: 'auto' | 'wasm' | 'webgpu';
  /**
   * WASM threads; onnxruntime fixes this for the whole page/process at the first session.
   * @defaultValue 1 in Node; `navigator.hardwareConcurrency` when `crossOriginIsolated`, else 1
   */
  numThreads?: number;
  /** Where onnxruntime's `.wasm` files are served; first session only. @defaultValue onnxruntime's own */
  wasmPaths?: string | Record<string, string>;
  /**
   * ONNX file: `auto` takes int8 (`model_quantized`/`model_int8`...) for WASM and fp16 then fp32
   * for WebGPU, whichever the folder has. @defaultValue 'auto'
   */
  variant?: ModelVariant;
  /**
   * On WASM, run int8 weights that the graph dequantizes (`Cast → Mul → MatMul`) on onnxruntime's
   * integer kernels instead (`integer-matmul.ts`): ~1.8× faster for the bundled model, spans equal
   * up to activation rounding. The model files are not changed. @defaultValue true
   */
  integerKernels?: boolean;
  /** Bytes read per file. */
  onProgress?: (p: FileProgress) => void;
  signal?: AbortSignal;
  /** Used for URL sources. @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
}

/**
 * Loads a GLiNER model: reads and validates `gliner_config.json`, checks the tokenizer against it,
 * picks the ONNX file for the backend and opens it. Failures are `EngineError`s coded
 * `model_load_failed` (a {@link GlinerError} with a `reason`) or `aborted`.
 */
export async function loadGliner(source: ModelSource, options: GlinerLoadOptions = {}): Promise<GlinerModel> {
  const started = now();
  const timings: Partial<LoadTimings> = {};
  const stage = async <T>(name: Exclude<keyof LoadTimings, 'total_ms'>, work: Promise<T>): Promise<T> => {
    const t0 = now();
    const value = await work;
    timings[name] = Math.round(now() - t0);
    // a User Timing entry: browser profilers (DevTools, `bench/web/trace-cold-start.ts`) show the stage
    globalThis.performance?.measure?.(`pii-local ${name.replace(/_ms$/, '')}`, { start: t0 });
    return value;
  };
  // A step that fails while an earlier await throws is not left rejecting unheard.
  const track = <T>(p: Promise<T>): Promise<T> => (p.catch(() => undefined), p);
  try {
    const reader = openSource(source, options);
    const runtime: RuntimeOptions = { numThreads: options.numThreads, wasmPaths: options.wasmPaths };
    // Everything that does not depend on another step starts at once: the runtime's .wasm compiles
    // while the model's files are read, and the ONNX file downloads while the tokenizer is parsed.
    const backendChoice = track(resolveBackend(options.backend));
    const warm = track(backendChoice.then((b) => stage('runtime_ms', warmUpRuntime(b, runtime))));
    const onnxRead = track(backendChoice.then((b) => stage('onnx_read_ms', reader.onnx(onnxCandidates(b, options.variant)))));
    const configRead = track(reader.json('gliner_config.json', true));
    const tokenizerRead = track(reader.json('tokenizer.json', true));
    const tokenizerConfigRead = track(reader.json('tokenizer_config.json', false));

    const config: GlinerConfig = parseConfig(await configRead);
    const tokenizerJson = (await tokenizerRead)!;
    const tokenizerConfig = (await tokenizerConfigRead) ?? {};
    const encoder = await stage('tokenizer_ms', Promise.resolve().then(() => {
      let tokenizer: Tokenizer;
      try {
        tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
      } catch (error) {
        throw loadError('file_unreadable', `tokenizer.json could not be loaded (${(error as Error).name})`);
      }
      return new PromptEncoder(tokenizer, config, tokenizerJson, tokenizerConfig);
    }));

    let backend = await backendChoice;
    const { file, bytes } = await onnxRead;
    if (options.signal?.aborted) throw new EngineError('aborted', 'model loading was aborted');
    // dynamic-int8 graphs fall off the WebGPU EP and run slower there than on WASM (gliner.md §5)
    if ((options.backend ?? 'auto') === 'auto' && backend === 'webgpu' && isInt8File(file)) backend = 'wasm';
    await warm;
    const session = await stage('session_ms', openSession(bytes, backend, { ...runtime, fallbackToWasm: (options.backend ?? 'auto') === 'auto', integerKernels: options.integerKernels ?? true }));
    if (session.contract !== config.kind) {
      await session.release();
      throw loadError('contract_mismatch', `gliner_config.json says span_mode ${config.spanMode} (${config.kind}-level) but the ONNX graph has the ${session.contract}-level inputs`);
    }
    return new GlinerRunner(config, encoder, session, { ...timings, total_ms: Math.round(now() - started) } as LoadTimings);
  } catch (error) {
    if (error instanceof EngineError) throw error;
    if (isAbort(error)) throw new EngineError('aborted', 'model loading was aborted');
    // third-party messages may echo their input: keep the class name only
    throw new GlinerError('model_load_failed', 'file_unreadable', `the model could not be loaded (${error instanceof Error ? error.name : 'error'})`);
  }
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

