import { concatBytes } from '../bytes.js';
import { EngineError } from '../engine/errors.js';
import { readLocalFile } from '../platform/node.js';
import { loadError } from './errors.js';
import { MANIFEST_FILE, mismatch, parseManifest, plausibleModelFile, type ManifestEntry, type ModelManifest } from './manifest.js';
import { vouchedIntegrity } from './vouched-bodies.js';

/**
 * Where a model comes from: a folder path (Node), a base URL (string or `URL`; `file:` URLs read
 * from disk in Node), or the files' contents. Folder and URL follow DESIGN §4: `gliner_config.json`,
 * `tokenizer.json`, optional `tokenizer_config.json`, and ONNX files under `onnx/` or beside them.
 */
export type ModelSource =
  | string
  | URL
  | {
      config: object | Uint8Array;
      tokenizer: object | Uint8Array;
      onnx: Uint8Array;
      tokenizerConfig?: object | Uint8Array;
    };

/** Which ONNX file to prefer; `auto` picks per backend (int8 for WASM, fp16/fp32 for WebGPU). */
export type ModelVariant = 'auto' | 'int8' | 'fp16' | 'fp32';

/** Download or read progress for one file, in bytes; `total` is unknown when the server omits it. */
export interface FileProgress {
  loaded: number;
  total?: number;
  file: string;
}

export interface ReadOptions {
  onProgress?: (p: FileProgress) => void;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/** Reads one model's files, whatever the source. */
export interface ModelReader {
  /** Parsed JSON of a file, or `undefined` when an optional file is absent. */
  json(file: string, required: boolean): Promise<Record<string, unknown> | undefined>;
  /** The ONNX bytes of the first candidate present, with its name. */
  onnx(candidates: readonly string[]): Promise<{ file: string; bytes: Uint8Array }>;
}

const VARIANT_FILES: Record<Exclude<ModelVariant, 'auto'>, readonly string[]> = {
  // GLiNER's own exporter writes model_quantized.onnx; onnx-community adds model_int8/uint8,
  // Knowledgator model_quint8
  int8: ['model_quantized.onnx', 'model_int8.onnx', 'model_uint8.onnx', 'model_quint8.onnx'],
  fp16: ['model_fp16.onnx'],
  fp32: ['model.onnx'],
};

/**
 * ONNX file names to try, best first. Dynamic-int8 graphs fall off the WebGPU EP (gliner.md §5), so
 * WebGPU prefers fp16/fp32 and WASM prefers int8; every name is tried under `onnx/` first.
 */
export function onnxCandidates(backend: 'wasm' | 'webgpu', variant: ModelVariant = 'auto'): string[] {
  const order: Exclude<ModelVariant, 'auto'>[] =
    variant !== 'auto' ? [variant] : backend === 'webgpu' ? ['fp16', 'fp32', 'int8'] : ['int8', 'fp32', 'fp16'];
  return order.flatMap((v) => VARIANT_FILES[v]).flatMap((name) => [`onnx/${name}`, name]);
}

/** Whether a chosen ONNX file is one of the int8 variants. */
export function isInt8File(file: string): boolean {
  return VARIANT_FILES.int8.includes(file.replace(/^onnx\//, ''));
}

/** A reader for any {@link ModelSource}. */
export function openSource(source: ModelSource, options: ReadOptions = {}): ModelReader {
  if (source instanceof URL) return source.protocol === 'file:' ? folderReader(source, options) : urlReader(source.href, options);
  if (typeof source === 'string') {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
      return source.toLowerCase().startsWith('file://') ? folderReader(new URL(source), options) : urlReader(source, options);
    }
    if (isNode()) return folderReader(source, options);
    // in a browser a plain string is a URL relative to the page
    const base = (globalThis as { location?: { href: string } }).location?.href;
    return urlReader(base === undefined ? source : new URL(source, base).href, options);
  }
  return bytesReader(source, options);
}

function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

function parseJson(bytes: Uint8Array | string, file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes));
  } catch {
    throw loadError('file_unreadable', `${file} is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw loadError('file_unreadable', `${file} must hold a JSON object`);
  }
  return value as Record<string, unknown>;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EngineError('aborted', 'model loading was aborted');
}

function missing(file: string, where: string): EngineError {
  return loadError('file_missing', `${file} was not found in the model ${where}`);
}

function folderReader(folder: string | URL, options: ReadOptions): ModelReader {
  const where = `folder ${typeof folder === 'string' ? folder : folder.pathname}`;
  async function read(file: string): Promise<Uint8Array | undefined> {
    throwIfAborted(options.signal);
    try {
      const bytes = await readLocalFile(folder, file, options.signal);
      options.onProgress?.({ loaded: bytes.byteLength, total: bytes.byteLength, file });
      return bytes;
    } catch (error) {
      if (error instanceof EngineError) throw error;
      const code = (error as { code?: unknown }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      if ((error as { name?: unknown }).name === 'AbortError') throw new EngineError('aborted', 'model loading was aborted');
      throw loadError('file_unreadable', `${file} could not be read from the model ${where} (${String(code ?? 'error')})`);
    }
  }
  return readerOver(read, where);
}

/** A reader over one way of fetching a file by name (`undefined` = absent). */
function readerOver(read: (file: string) => Promise<Uint8Array | undefined>, where: string): ModelReader {
  return {
    async json(file, required) {
      const bytes = await read(file);
      if (bytes === undefined) {
        if (required) throw missing(file, where);
        return undefined;
      }
      return parseJson(bytes, file);
    },
    async onnx(candidates) {
      for (const file of candidates) {
        const bytes = await read(file);
        if (bytes !== undefined) return { file, bytes };
      }
      throw missing(`none of ${candidates.join(', ')}`, where);
    },
  };
}

function urlReader(base: string, options: ReadOptions): ModelReader {
  const root = base.endsWith('/') ? base : `${base}/`;
  // the query string may carry a token: keep it out of messages
  const where = `at ${root.split('?')[0]}`;
  const doFetch = options.fetch ?? globalThis.fetch;
  let manifestPromise: Promise<ModelManifest | undefined> | undefined;

  /** The folder's manifest, fetched once; absent is fine (a third-party model). */
  function manifest(): Promise<ModelManifest | undefined> {
    manifestPromise ??= fetchFile(MANIFEST_FILE, undefined).then((fetched) => {
      if (fetched === undefined) return undefined;
      const parsed = parseManifest(fetched.bytes);
      if ('invalid' in parsed) throw loadError('file_unreadable', `${MANIFEST_FILE} of the model ${where} is not a model manifest (${parsed.invalid})`);
      return parsed;
    });
    return manifestPromise;
  }

  async function read(file: string): Promise<Uint8Array | undefined> {
    const entry = (await manifest())?.files[file];
    const fetched = await fetchFile(file, entry);
    if (fetched === undefined) return undefined;
    const { bytes, integrity } = fetched;
    if (entry !== undefined) {
      const why = await mismatch(bytes, entry, integrity);
      if (why !== undefined) throw loadError('file_unreadable', `${file} from the model ${where} does not match its ${MANIFEST_FILE} (${why}); the server may be serving another version`);
    }
    return bytes;
  }

  async function fetchFile(file: string, entry: ManifestEntry | undefined): Promise<{ bytes: Uint8Array; integrity: string | undefined } | undefined> {
    throwIfAborted(options.signal);
    let response: Response;
    try {
      // A caller's fetch (the model cache) gets the expected hash, to store only matching bytes.
      const init: RequestInit = options.fetch && entry ? { signal: options.signal, integrity: entry.integrity } : { signal: options.signal };
      response = await doFetch(new URL(file, root).href, init);
    } catch (error) {
      if (options.signal?.aborted || (error as { name?: unknown }).name === 'AbortError') {
        throw new EngineError('aborted', 'model loading was aborted');
      }
      throw loadError('file_unreadable', `${file} could not be fetched from the model ${where} (network error)`);
    }
    // static hosts answer 403 for absent objects as often as 404
    if (response.status === 404 || response.status === 403 || response.status === 410) return undefined;
    if (!response.ok) throw loadError('file_unreadable', `${file} could not be fetched from the model ${where} (HTTP ${response.status})`);
    // An HTML page is never a model file: a single-page app's fallback answering for a missing one.
    const contentType = response.headers.get('content-type') ?? '';
    if (/^text\/html\b/i.test(contentType)) {
      await response.body?.cancel().catch(() => undefined);
      return undefined;
    }
    const bytes = await readBody(response, file);
    if (entry === undefined && !plausibleModelFile(file, bytes, contentType)) {
      throw loadError('file_unreadable', `${file} from the model ${where} is not ${file.endsWith('.onnx') ? 'an ONNX graph' : 'JSON'}`);
    }
    return { bytes, integrity: vouchedIntegrity(response) };
  }

  async function readBody(response: Response, file: string): Promise<Uint8Array> {
    const header = Number(response.headers.get('content-length') ?? NaN);
    const total = Number.isFinite(header) && header > 0 ? header : undefined;
    // Bytes already on the device are read whole: piece by piece, each piece waits for a turn of a
    // thread that is busy starting the runtime meanwhile (in a worker, about a second for 14 MB).
    const reader = response.headers.get(DEVICE_BODY_HEADER) === null ? response.body?.getReader() : undefined;
    if (reader === undefined) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      options.onProgress?.({ loaded: bytes.byteLength, total: bytes.byteLength, file });
      return bytes;
    }
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        loaded += value.byteLength;
        options.onProgress?.({ loaded, total, file });
      }
    } catch (error) {
      if (options.signal?.aborted) throw new EngineError('aborted', 'model loading was aborted');
      throw loadError('file_unreadable', `${file} download from the model ${where} broke off (${(error as Error).name})`);
    }
    return concatBytes(chunks, loaded);
  }

  return readerOver(read, where);
}

/**
 * Set by the model cache (`createModelFetch`) on the responses it serves from the device: their
 * progress was reported while they were downloaded, so the loader reads them whole.
 */
export const DEVICE_BODY_HEADER = 'x-pii-local-body';

const BYTES_FILES: Record<string, 'config' | 'tokenizer' | 'tokenizerConfig'> = {
  'gliner_config.json': 'config',
  'tokenizer.json': 'tokenizer',
  'tokenizer_config.json': 'tokenizerConfig',
};

function bytesReader(source: Exclude<ModelSource, string | URL>, options: ReadOptions): ModelReader {
  if (typeof source !== 'object' || source === null || !(source.onnx instanceof Uint8Array)) {
    throw loadError('file_unreadable', 'a model given as contents needs `onnx` bytes (Uint8Array)');
  }
  return {
    async json(file, required) {
      throwIfAborted(options.signal);
      const key = BYTES_FILES[file];
      const value = key === undefined ? undefined : source[key];
      if (value === undefined || value === null) {
        if (required) throw loadError('file_missing', `${file} is missing from the model contents (\`${key ?? file}\`)`);
        return undefined;
      }
      if (value instanceof Uint8Array) return parseJson(value, file);
      if (typeof value !== 'object' || Array.isArray(value)) throw loadError('file_unreadable', `${file} must be an object or JSON bytes`);
      return value as Record<string, unknown>;
    },
    async onnx() {
      throwIfAborted(options.signal);
      options.onProgress?.({ loaded: source.onnx.byteLength, total: source.onnx.byteLength, file: 'onnx' });
      return { file: 'onnx', bytes: source.onnx };
    },
  };
}
