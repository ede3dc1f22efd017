/**
 * The only file that uses onnxruntime-web (loaded per backend through `src/platform/`): picks the
 * execution provider, configures the runtime's global `env` (the one place in pii-local that does), opens the session, reads which
 * GLiNER contract the graph implements, and runs batches. Logs and errors name inputs, types and
 * shapes only, never tensor contents.
 */
import type * as Ort from 'onnxruntime-web';
import { loadRuntime } from '../platform/node.js';
import { EngineError } from '../engine/errors.js';
import type { TokenLayout } from './decode.js';
import { GlinerError, loadError } from './errors.js';
import { graphOptimizationFor } from './graph-optimization.js';
import { integerMatMuls } from './integer-matmul.js';
import type { FeedTensor } from './tensors.js';

export type Backend = 'wasm' | 'webgpu';

/** Runtime settings; they reach onnxruntime's global `env`, which takes them before the first session only. */
export interface RuntimeOptions {
  /**
   * WASM threads. Needs `crossOriginIsolated` in browsers (else onnxruntime silently uses 1).
   * Takes effect only before the first session of the page/process.
   * @defaultValue 1 in Node; `navigator.hardwareConcurrency` in cross-origin-isolated pages, else 1
   */
  numThreads?: number;
  /** Where the `.wasm` files are served (onnxruntime's `env.wasm.wasmPaths`); before the first session only. */
  wasmPaths?: string | Record<string, string>;
}

/** Logits of one run. `float16` outputs are widened to float32. */
export interface RunOutput {
  readonly data: Float32Array;
  readonly dims: readonly number[];
}

/** An open GLiNER graph. */
export interface ModelSession {
  readonly backend: Backend;
  /** `span`: 6 inputs incl. `span_idx`/`span_mask`; `token`: the first 4. */
  readonly contract: 'span' | 'token';
  /** For token graphs: output layout when the graph's metadata fixes it (else read per run). */
  readonly tokenLayout: TokenLayout | undefined;
  run(feeds: Readonly<Record<string, FeedTensor>>): Promise<RunOutput>;
  release(): Promise<void>;
}

const SPAN_INPUTS = ['input_ids', 'attention_mask', 'words_mask', 'text_lengths', 'span_idx', 'span_mask'];
const TOKEN_INPUTS = SPAN_INPUTS.slice(0, 4);

interface GpuNavigator {
  gpu?: { requestAdapter(): Promise<unknown> };
  hardwareConcurrency?: number;
}

/**
 * `auto` → WebGPU when a hardware adapter is granted, else WASM. A fallback (software) adapter such
 * as SwiftShader is ~20x slower than WASM, so `auto` skips it; `webgpu` still uses it when asked.
 * Explicit choices pass through.
 */
export async function resolveBackend(preference: 'auto' | Backend = 'auto'): Promise<Backend> {
  if (preference !== 'auto') return preference;
  const nav = (globalThis as { navigator?: GpuNavigator }).navigator;
  if (nav?.gpu === undefined) return 'wasm';
  try {
    const adapter = (await nav.gpu.requestAdapter()) as { isFallbackAdapter?: boolean; info?: { isFallbackAdapter?: boolean } } | null;
    if (!adapter || adapter.isFallbackAdapter === true || adapter.info?.isFallbackAdapter === true) return 'wasm';
    return 'webgpu';
  } catch {
    return 'wasm';
  }
}

type Runtime = typeof Ort;
/** Runtimes whose `env` is set: each module instance (WASM-only, WebGPU) has its own. */
const configured = new WeakSet<object>();

async function runtimeFor(backend: Backend, options: RuntimeOptions): Promise<Runtime> {
  const ort = await loadRuntime(backend);
  if (configured.has(ort.env)) return ort;
  configured.add(ort.env);
  const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
  const g = globalThis as { crossOriginIsolated?: boolean; navigator?: GpuNavigator };
  const threads = options.numThreads ?? (!isNode && g.crossOriginIsolated === true ? (g.navigator?.hardwareConcurrency ?? 1) : 1);
  // The browser's WebGPU runtime is a dynamic import: its threads could not find it (platform/browser.ts).
  ort.env.wasm.numThreads = backend === 'webgpu' && !isNode ? 1 : Math.max(1, Math.floor(threads));
  if (options.wasmPaths !== undefined) ort.env.wasm.wasmPaths = options.wasmPaths;
  return ort;
}

/**
 * A 65-byte ONNX graph (one Identity node) whose session starts the runtime: onnxruntime fetches and
 * compiles its `.wasm` at the first session, so opening this one while the model's files are still
 * being read overlaps the two.
 */
const IDENTITY_GRAPH = Uint8Array.from(
  '08083a370a100a017812017922084964656e746974791201675a0f0a0178120a0a08080112040a020801620f0a0179120a0a08080112040a02080142040a00100d'
    .match(/../g)!
    .map((h) => parseInt(h, 16)),
);

/**
 * Starts the runtime for `backend` (download and compile of its `.wasm`) ahead of the model. Never
 * rejects: a failure here shows again, with its reason, when the model's session is opened.
 */
export async function warmUpRuntime(backend: Backend, options: RuntimeOptions = {}): Promise<void> {
  try {
    const ort = await runtimeFor(backend, options);
    const session = await ort.InferenceSession.create(IDENTITY_GRAPH, { executionProviders: ['wasm'], logSeverityLevel: 3 });
    await session.release();
  } catch {
    // reported by openSession
  }
}

/**
 * Opens the graph on `backend`. With `fallbackToWasm`, a WebGPU failure (no adapter, missing
 * kernels, out of memory) retries on WASM with the same bytes; otherwise it is reported as the
 * step that failed.
 */
export async function openSession(
  model: Uint8Array,
  backend: Backend,
  options: RuntimeOptions & { fallbackToWasm?: boolean; integerKernels?: boolean } = {},
): Promise<ModelSession> {
  let ort: Runtime;
  try {
    ort = await runtimeFor(backend, options);
  } catch (error) {
    throw loadError('session_failed', `onnxruntime-web could not be loaded for ${backend} (${describe(error)})`);
  }
  let session: Ort.InferenceSession;
  let used = backend;
  try {
    session = await create(ort, model, backend, options.integerKernels);
  } catch (error) {
    if (backend !== 'webgpu' || options.fallbackToWasm !== true) {
      throw loadError('session_failed', `onnxruntime could not open the model on ${backend} (${describe(error)})`);
    }
    try {
      ort = await runtimeFor('wasm', options);
      session = await create(ort, model, 'wasm', options.integerKernels);
      used = 'wasm';
    } catch (wasmError) {
      throw loadError('session_failed', `onnxruntime could not open the model on webgpu (${describe(error)}) nor on wasm (${describe(wasmError)})`);
    }
  }
  return wrap(ort, session, used);
}

function create(ort: Runtime, model: Uint8Array, backend: Backend, integerKernels = false): Promise<Ort.InferenceSession> {
  // WebGPU has no MatMulInteger: the rewrite is for onnxruntime's CPU (WASM) kernels only.
  const rewritten = integerKernels && backend === 'wasm' ? integerMatMuls(model) : undefined;
  return ort.InferenceSession.create(rewritten ?? model, {
    executionProviders: [backend],
    logSeverityLevel: 3,
    graphOptimizationLevel: graphOptimizationFor(model, rewritten !== undefined),
  });
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  // onnxruntime messages name nodes, types and shapes; keep the first line only
  return (error.message.split('\n')[0] ?? error.name).slice(0, 300);
}

function wrap(ort: Runtime, session: Ort.InferenceSession, backend: Backend): ModelSession {
  const names = session.inputNames;
  const isSpan = SPAN_INPUTS.every((n) => names.includes(n)) && names.length === SPAN_INPUTS.length;
  const isToken = TOKEN_INPUTS.every((n) => names.includes(n)) && names.length === TOKEN_INPUTS.length;
  if (!isSpan && !isToken) {
    void session.release();
    throw loadError('contract_mismatch', `the graph's inputs (${names.join(', ')}) match neither GLiNER contract (span: ${SPAN_INPUTS.join(', ')}; token: ${TOKEN_INPUTS.join(', ')})`);
  }
  const outputName = session.outputNames.includes('logits') ? 'logits' : undefined;
  if (outputName === undefined) {
    void session.release();
    throw loadError('contract_mismatch', `the graph has no "logits" output (outputs: ${session.outputNames.join(', ')})`);
  }
  const inputTypes = new Map<string, string>();
  for (const m of session.inputMetadata) if (m.isTensor) inputTypes.set(m.name, m.type);
  const outMeta = session.outputMetadata.find((m) => m.name === outputName);
  const outShape = outMeta?.isTensor ? outMeta.shape : [];
  const tokenLayout: TokenLayout | undefined =
    isToken && outShape.length === 4 ? (outShape[3] === 3 ? 'BWC3' : outShape[0] === 3 ? '3BWC' : undefined) : undefined;

  return {
    backend,
    contract: isSpan ? 'span' : 'token',
    tokenLayout,
    async run(feeds) {
      const inputs: Record<string, Ort.Tensor> = {};
      for (const name of names) {
        const feed = feeds[name];
        if (feed === undefined) throw new GlinerError('inference_failed', 'run_failed', `no data for model input ${name}`);
        inputs[name] = toTensor(ort, feed, inputTypes.get(name) ?? feed.type);
      }
      let results: Ort.InferenceSession.ReturnType;
      try {
        results = await session.run(inputs);
      } catch (error) {
        const shapes = names.map((n) => `${n}[${feeds[n]?.dims.join(',') ?? ''}]`).join(' ');
        throw new GlinerError('inference_failed', 'run_failed', `onnxruntime run failed on ${backend} with ${shapes} (${describe(error)})`);
      }
      const out = results[outputName];
      if (out === undefined) throw new GlinerError('inference_failed', 'run_failed', 'the model returned no logits');
      return { data: toFloat32(out), dims: [...out.dims] };
    },
    async release() {
      await session.release();
    },
  };
}

/** Builds the runtime tensor, converting when a graph declares another integer/bool type. */
function toTensor(ort: Runtime, feed: FeedTensor, wanted: string): Ort.Tensor {
  const dims = [...feed.dims];
  if (wanted === feed.type) {
    return feed.type === 'bool' ? new ort.Tensor('bool', feed.data as Uint8Array, dims) : new ort.Tensor('int64', feed.data as BigInt64Array, dims);
  }
  const numbers = Array.from(feed.data as ArrayLike<number | bigint>, Number);
  switch (wanted) {
    case 'int64':
      return new ort.Tensor('int64', BigInt64Array.from(numbers, (v) => BigInt(v)), dims);
    case 'int32':
      return new ort.Tensor('int32', Int32Array.from(numbers), dims);
    case 'bool':
      return new ort.Tensor('bool', Uint8Array.from(numbers, (v) => (v ? 1 : 0)), dims);
    default:
      throw new GlinerError('inference_failed', 'contract_mismatch', `model input type ${wanted} is not supported (expected ${feed.type})`);
  }
}

function toFloat32(tensor: Ort.Tensor): Float32Array {
  if (tensor.type === 'float32') return tensor.data as Float32Array;
  if (tensor.type === 'float16') {
    const src = tensor.data as ArrayLike<number>;
    // Float16Array (where it exists) yields numbers already; Uint16Array yields raw halves
    if (!(src instanceof Uint16Array)) return Float32Array.from(src);
    const out = new Float32Array(src.length);
    for (let i = 0; i < src.length; i++) out[i] = halfToFloat(src[i]!);
    return out;
  }
  throw new EngineError('inference_failed', `model output type ${tensor.type} is not supported (expected float32 or float16)`);
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}
