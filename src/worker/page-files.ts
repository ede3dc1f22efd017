/**
 * The model's files, read on the page for the engine worker. While a model loads, the worker's
 * thread is busy starting onnxruntime (instantiating its WebAssembly, starting its threads), and a
 * file read there waits for that thread's turns; the page's thread is idle. So the page fetches
 * (through the model cache) and moves the bytes to the worker, which checks them against the
 * manifest as before. When the page knows the model's URL, it asks for the files at once, before
 * the worker, busy starting, gets to ask: the manifest, then the JSON files and the ONNX file for
 * the backend the worker will choose, each with the manifest's hash.
 */
import { transfer } from 'comlink';
import { createModelFetch } from '../browser/model-cache.js';
import { resolveBackend, type Backend } from '../gliner/backend.js';
import { MANIFEST_FILE, parseManifest } from '../gliner/manifest.js';
import { onnxCandidates, type ModelVariant } from '../gliner/onnx-candidates.js';
import { DEVICE_BODY_HEADER, readBody, type FileProgress } from '../gliner/read-body.js';
import type { WireFileResponse } from './protocol.js';

export interface PageFilesOptions {
  /** The page's fetch (see {@link pageFetch}). */
  fetch: typeof fetch;
  /** The caller's download progress. */
  onProgress?: (p: FileProgress) => void;
  /** The caller's signal for the model load. */
  signal?: AbortSignal;
}

export interface PageFiles {
  /** Answers the worker's request for one file. */
  modelFile(url: string, integrity: string | undefined): Promise<WireFileResponse>;
  /** Starts reading the files a load of the model at `root` will ask for, for the backend it will use. */
  prefetch(root: string, backend: 'auto' | Backend | undefined, variant: ModelVariant | undefined): void;
  /** Drops what was read ahead and not asked for. */
  clear(): void;
}

/**
 * The fetch the page reads model files with: through the model cache named `cacheName` (which takes
 * the manifest's hash as the request's `integrity`, to store only matching bytes), or straight,
 * without the `integrity`: a browser would then hold the whole body back to check it (no progress)
 * and fail a mismatch as a bare network error, where the loader's own check says what differs.
 */
export function pageFetch(cacheName: string | false, callerFetch?: typeof fetch): typeof fetch {
  if (cacheName !== false) return createModelFetch({ cacheName, ...(callerFetch ? { fetch: callerFetch } : {}) });
  const inner = callerFetch ?? globalThis.fetch.bind(globalThis);
  return (input, init) => {
    const { integrity: _integrity, ...rest } = init ?? {};
    return inner(input, rest);
  };
}

const JSON_FILES = ['gliner_config.json', 'tokenizer.json', 'tokenizer_config.json'];

export function createPageFiles(options: PageFilesOptions): PageFiles {
  const ahead = new Map<string, { integrity: string | undefined; reply: Promise<WireFileResponse> }>();
  let root: string | undefined;

  /** The file's name for progress: its path under the model folder when known. */
  const fileName = (url: string) => {
    const path = url.split(/[?#]/)[0]!;
    return root !== undefined && path.startsWith(root) ? path.slice(root.length) : path.slice(path.lastIndexOf('/') + 1);
  };

  async function read(url: string, integrity: string | undefined): Promise<WireFileResponse> {
    const { signal } = options;
    try {
      const response = await options.fetch(url, integrity === undefined ? { signal } : { signal, integrity });
      const headers: [string, string][] = [...response.headers];
      const html = /^text\/html\b/i.test(response.headers.get('content-type') ?? '');
      if (!response.ok || html || response.body === null) {
        await response.body?.cancel().catch(() => undefined);
        return { status: response.status, headers };
      }
      const bytes = await readBody(response, fileName(url), { onProgress: options.onProgress, signal }, 'on the page');
      const body = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
      // whole now: the worker reads it at once, its progress already told
      const wholeHeaders = headers.filter(([k]) => k.toLowerCase() !== DEVICE_BODY_HEADER);
      wholeHeaders.push([DEVICE_BODY_HEADER, 'device']);
      return { status: response.status, headers: wholeHeaders, body };
    } catch (error) {
      const aborted = signal?.aborted === true || (error as { name?: unknown }).name === 'AbortError' || (error as { code?: unknown }).code === 'aborted';
      return { failed: aborted ? 'aborted' : 'network' };
    }
  }

  function readAhead(url: string, integrity: string | undefined): Promise<WireFileResponse> {
    const reply = read(url, integrity);
    ahead.set(url, { integrity, reply });
    return reply;
  }

  return {
    async modelFile(url, integrity) {
      const early = ahead.get(url);
      const reply = early !== undefined && early.integrity === integrity ? (ahead.delete(url), await early.reply) : await read(url, integrity);
      // the body moves to the worker: this side keeps nothing
      return 'body' in reply && reply.body !== undefined ? transfer(reply, [reply.body]) : reply;
    },

    prefetch(modelRoot, backend, variant) {
      root = modelRoot.endsWith('/') ? modelRoot : `${modelRoot}/`;
      const base = root;
      const at = (file: string) => new URL(file, base).href;
      void (async () => {
        const chosen = resolveBackend(backend ?? 'auto');
        const manifestReply = await readAhead(at(MANIFEST_FILE), undefined);
        // without a manifest (a third-party model) the worker probes for its files itself
        if (!('body' in manifestReply) || manifestReply.body === undefined || manifestReply.status !== 200) return;
        const manifest = parseManifest(new Uint8Array(manifestReply.body.slice(0)));
        if ('invalid' in manifest) return;
        for (const file of JSON_FILES) {
          const entry = manifest.files[file];
          if (entry !== undefined) void readAhead(at(file), entry.integrity);
        }
        const onnx = onnxCandidates(await chosen, variant).find((file) => manifest.files[file] !== undefined);
        if (onnx !== undefined) void readAhead(at(onnx), manifest.files[onnx]!.integrity);
      })().catch(() => undefined);
    },

    clear() {
      ahead.clear();
    },
  };
}
