/**
 * The page reads the model's files for its engine worker. The worker spends its first second
 * starting onnxruntime in long tasks; a file read there waits for a turn between them at each of
 * its steps (manifest, cache lookup, body, hash), so the model arrived ~300 ms after the runtime
 * was ready. The page is idle meanwhile: it reads and checks the files through the same model
 * cache, and hands each to the worker whole, in one message, its buffer transferred.
 */
import { concatBytes } from '../bytes.js';
import { createModelFetch } from '../browser/model-cache.js';
import { modelFileUrl, onnxCandidates, type FileProgress, type ModelVariant } from '../gliner/files.js';
import { MANIFEST_FILE, parseManifest, type ModelManifest } from '../gliner/manifest.js';
import { vouchedBody } from '../gliner/vouched-bodies.js';
import type { PrefetchedFile } from './protocol.js';

const JSON_FILES = ['gliner_config.json', 'tokenizer.json', 'tokenizer_config.json'];

/**
 * The files the worker's loader asks for first, as URL → name in the folder: the manifest, the JSON
 * files and the ONNX files it tries for `backend`, in its order (`auto` is taken as WASM: were
 * WebGPU chosen, the worker fetches its file itself). `undefined` for a model not at an http(s) URL.
 */
export function filesToPrefetch(model: unknown, backend: 'auto' | 'wasm' | 'webgpu' = 'auto', variant?: ModelVariant): Map<string, string> | undefined {
  if (typeof model !== 'string' || !/^https?:\/\//i.test(model)) return undefined;
  const onnx = onnxCandidates(backend === 'webgpu' ? 'webgpu' : 'wasm', variant);
  return new Map([MANIFEST_FILE, ...JSON_FILES, ...onnx].map((name) => [modelFileUrl(model, name), name]));
}

export interface PrefetchOptions {
  /** Cache name as the worker engine's `modelCache`; `false` reads from the network every time. */
  modelCache: string | false;
  signal?: AbortSignal;
  onProgress?: (progress: FileProgress) => void;
}

/**
 * Starts reading `files` (from `filesToPrefetch`): the manifest first, then the JSON files and one
 * ONNX file, each checked by the model cache against the manifest's hash. The ONNX file is the first
 * candidate the manifest lists (without a manifest, the first candidate): the other candidates are
 * answered `skipped`, and the worker asks the server itself, as before, if it wants one. One
 * promise per file, in the map's order; none rejects (a failure is a `PrefetchedFile` with
 * `failure`, which the worker's loader reports).
 */
export function prefetchModelFiles(files: ReadonlyMap<string, string>, options: PrefetchOptions): Promise<PrefetchedFile>[] {
  const name = (url: string) => files.get(url) ?? url;
  const cached = options.modelCache !== false;
  const doFetch = cached
    ? createModelFetch({
        cacheName: options.modelCache as string,
        onProgress: (p) => options.onProgress?.({ loaded: p.loaded, total: p.total || undefined, file: name(p.url) }),
      })
    : globalThis.fetch.bind(globalThis);
  const [manifestUrl, ...others] = [...files.keys()];
  // Parsed here, before its buffer is handed (and detached) to the worker.
  const manifest = read(manifestUrl!, undefined).then((file) => ({
    file,
    entries: file.body !== undefined && file.status === 200 ? manifestOf(file.body) : undefined,
  }));
  const onnx = others.filter((url) => name(url).endsWith('.onnx'));
  const chosen = manifest.then(({ entries }) => (entries ? onnx.find((url) => entries.files[name(url)] !== undefined) : onnx[0]));
  return [
    manifest.then(({ file }) => file),
    ...others.map((url) =>
      Promise.all([manifest, chosen]).then(([{ entries }, pick]): PrefetchedFile | Promise<PrefetchedFile> =>
        onnx.includes(url) && url !== pick ? { url, status: 0, failure: 'skipped' } : read(url, cached ? entries?.files[name(url)]?.integrity : undefined),
      ),
    ),
  ];

  async function read(url: string, integrity: string | undefined): Promise<PrefetchedFile> {
    let response: Response;
    try {
      response = await doFetch(url, { signal: options.signal, ...(integrity ? { integrity } : {}) });
    } catch {
      return { url, status: 0, failure: options.signal?.aborted ? 'aborted' : 'network' };
    }
    const contentType = response.headers.get('content-type') ?? undefined;
    const head = { url, status: response.status, ...(contentType ? { contentType } : {}) };
    if (!response.ok || response.body === null) {
      await response.body?.cancel().catch(() => undefined);
      return head;
    }
    const vouched = vouchedBody(response);
    let bytes: Uint8Array;
    try {
      bytes = vouched?.bytes ?? (await readWithProgress(response, name(url), cached ? undefined : options.onProgress));
    } catch {
      return { url, status: 0, failure: options.signal?.aborted ? 'aborted' : 'network' };
    }
    const body = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
    return { ...head, body, ...(vouched?.integrity ? { integrity: vouched.integrity } : {}) };
  }
}

function manifestOf(body: ArrayBuffer): ModelManifest | undefined {
  const parsed = parseManifest(new Uint8Array(body));
  return 'invalid' in parsed ? undefined : parsed;
}

async function readWithProgress(response: Response, file: string, onProgress: PrefetchOptions['onProgress']): Promise<Uint8Array> {
  const header = Number(response.headers.get('content-length') ?? NaN);
  const total = Number.isFinite(header) && header > 0 && (response.headers.get('content-encoding') ?? 'identity') === 'identity' ? header : undefined;
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress?.({ loaded, total: total !== undefined && loaded <= total ? total : undefined, file });
  }
  // the last event says the file is whole, whatever the server declared
  if (loaded !== total) onProgress?.({ loaded, total: loaded, file });
  return concatBytes(chunks, loaded);
}
