/**
 * A `fetch` that keeps model files on the device, so that the second load of a page works with the
 * network gone. Entries are keyed by URL. What gets stored is checked first: against the hash the
 * loader asks for (the request's `integrity`, from the model folder's `manifest.json`), else for
 * looking like a model file at all (an ONNX graph, JSON — never an HTML page). A stored file whose
 * hash is not the one asked for is fetched again: a new manifest (a new version at the same URL)
 * replaces what the cache held. The manifest itself is fetched network-first, cached for offline.
 *
 * Storage is the Cache API where the page may use it (secure contexts, including
 * `http://127.0.0.1`), else IndexedDB, else nothing (the fetch then only passes through). Bodies are
 * kept as Blobs, so a large model does not sit in the JS heap twice while it is stored.
 */
import { concatBytes } from '../bytes.js';
import { MANIFEST_FILE, plausibleModelFile, sha256Integrity } from '../gliner/manifest.js';
import { DEVICE_BODY_HEADER } from '../gliner/files.js';
import { vouch } from '../gliner/vouched-bodies.js';

/** Download progress of one file. `total` is 0 while unknown (no `content-length`, or compressed). */
export interface ModelDownloadProgress {
  /** Last path segment of the URL (`model_quantized.onnx`). */
  file: string;
  url: string;
  loaded: number;
  total: number;
  /** True when the bytes came from the device, not the network. */
  cached: boolean;
}

export interface ModelCacheOptions {
  /** Name of the Cache API cache, and of the IndexedDB database in the fallback. @defaultValue `'pii-local-models'` */
  cacheName?: string;
  /** The fetch used on a miss. @defaultValue `globalThis.fetch` */
  fetch?: typeof fetch;
  /** Called as bytes arrive: monotone `loaded`, constant `total`, last call has `loaded === total`. */
  onProgress?: (progress: ModelDownloadProgress) => void;
  /** Which store to use. `'auto'` prefers the Cache API. @defaultValue `'auto'` */
  store?: 'auto' | 'cache-api' | 'indexeddb';
}

export const DEFAULT_MODEL_CACHE = 'pii-local-models';

/** A stored file: its bytes and the headers the loader may read. */
interface StoredFile {
  body: Blob;
  contentType: string;
  /** `sha256-…` of the body, when Web Crypto could compute it. */
  integrity?: string;
}

interface FileStore {
  readonly kind: 'cache-api' | 'indexeddb';
  get(url: string): Promise<StoredFile | undefined>;
  put(url: string, file: StoredFile): Promise<void>;
  keys(): Promise<string[]>;
}

/**
 * Wraps `fetch` so GET responses are served from the device when stored (and, when the request
 * carries an `integrity`, only when the stored hash is that one), and stored after a download that
 * passes the checks above. Requests other than GET, and failed or opaque responses, pass through
 * untouched. A failure to store (quota, private mode) never fails the request.
 */
export function createModelFetch(options: ModelCacheOptions = {}): typeof fetch {
  const inner = options.fetch ?? globalThis.fetch.bind(globalThis);
  const cacheName = options.cacheName ?? DEFAULT_MODEL_CACHE;
  let storePromise: Promise<FileStore | undefined> | undefined;
  const store = () => (storePromise ??= openStore(cacheName, options.store ?? 'auto'));

  return async function modelFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    if (request.method !== 'GET') return inner(input, init);
    const url = request.url;
    const file = fileOf(url);
    const expected = request.integrity || undefined;
    const fileStore = await store();
    const hit = await fileStore?.get(url).catch(() => undefined);
    const serveHit = (stored: StoredFile) => {
      options.onProgress?.({ file, url, loaded: stored.body.size, total: stored.body.size, cached: true });
      // Hashed when stored (and, when a hash was asked for, served only if it is that one).
      return vouch(responseOf(stored, 'hit'), stored.integrity);
    };
    const isManifest = file === MANIFEST_FILE;
    // Without Web Crypto (an insecure context) hashes cannot be had: the plausibility check stands in.
    const canHash = globalThis.crypto?.subtle !== undefined;
    const verify = expected !== undefined && canHash;
    if (hit && !isManifest && (!verify || hit.integrity === expected)) return serveHit(hit);

    // The integrity is ours to check: a mismatch then reads as one, not as a network error.
    const { integrity: _integrity, ...rest } = init ?? {};
    let response: Response;
    try {
      response = await inner(url, { ...rest, signal: request.signal });
    } catch (error) {
      if (isManifest && hit && !request.signal.aborted) return serveHit(hit); // offline: the last manifest seen
      throw error;
    }
    if (!response.ok || response.type === 'opaque' || response.body === null) {
      if (isManifest && hit && response.status >= 500) return serveHit(hit);
      return response;
    }
    const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
    const bytes = await readWithProgress(response, request.signal, (loaded, total) =>
      options.onProgress?.({ file, url, loaded, total, cached: false }),
    );
    const body = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: response.headers.get('content-type') ?? '' });
    const integrity = await sha256Integrity(bytes);
    const storable = verify ? integrity === expected : plausibleModelFile(file, bytes, contentType);
    const stored: StoredFile = { body, contentType, ...(integrity ? { integrity } : {}) };
    if (storable) await fileStore?.put(url, stored).catch(() => undefined);
    // Hashed here: the loader need not hash them again. (It still reads the body, reporting its progress.)
    return vouch(responseOf(stored, 'download'), integrity);
  };
}

/** Deletes every stored model file (both stores, in case the page used the fallback once). */
export async function clearModelCache(options: Pick<ModelCacheOptions, 'cacheName'> = {}): Promise<void> {
  const cacheName = options.cacheName ?? DEFAULT_MODEL_CACHE;
  if (hasCacheApi()) await caches.delete(cacheName).catch(() => false);
  if (typeof indexedDB !== 'undefined') {
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(cacheName);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  }
}

/** URLs stored on this device, and which store holds them (for a "downloaded models" UI). */
export async function cachedModelUrls(options: Pick<ModelCacheOptions, 'cacheName' | 'store'> = {}): Promise<{ store: FileStore['kind'] | 'none'; urls: string[] }> {
  const fileStore = await openStore(options.cacheName ?? DEFAULT_MODEL_CACHE, options.store ?? 'auto');
  return fileStore ? { store: fileStore.kind, urls: await fileStore.keys() } : { store: 'none', urls: [] };
}

function fileOf(url: string): string {
  const path = new URL(url).pathname;
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Where the Cache API store keeps a file's hash. */
const INTEGRITY_HEADER = 'x-pii-local-integrity';

/** A stored file as a response: to the store (with its hash), to the loader (marked when it was a hit). */
function responseOf(file: StoredFile, as: 'store' | 'hit' | 'download'): Response {
  const headers: Record<string, string> = { 'content-type': file.contentType, 'content-length': String(file.body.size) };
  if (as === 'store' && file.integrity) headers[INTEGRITY_HEADER] = file.integrity;
  // A download is read piece by piece by the loader, which reports its progress.
  if (as === 'hit') headers[DEVICE_BODY_HEADER] = 'device';
  return new Response(file.body, { status: 200, headers });
}

/** Reads a body, reporting bytes as they arrive. Honors the request's signal. */
async function readWithProgress(response: Response, signal: AbortSignal, report: (loaded: number, total: number) => void): Promise<Uint8Array> {
  // With a content-encoding the header counts compressed bytes while the stream yields decoded ones.
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  const declared = encoded ? 0 : Number(response.headers.get('content-length') ?? 0) || 0;
  const reader = response.body!.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let loaded = 0;
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    report(0, declared);
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw new DOMException('the model download was aborted', 'AbortError');
      if (done) break;
      chunks.push(value as Uint8Array<ArrayBuffer>);
      loaded += value.byteLength;
      // A server that under-declares its length must not make the bar go past 100 %.
      if (loaded < declared || declared === 0) report(loaded, declared);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  report(loaded, loaded);
  return concatBytes(chunks, loaded);
}

function hasCacheApi(): boolean {
  return typeof caches !== 'undefined' && typeof caches.open === 'function';
}

async function openStore(name: string, want: NonNullable<ModelCacheOptions['store']>): Promise<FileStore | undefined> {
  if (want !== 'indexeddb' && hasCacheApi()) {
    // caches.open rejects in opaque origins and some private modes: fall back rather than fail.
    const cache = await caches.open(name).catch(() => undefined);
    if (cache) return cacheApiStore(cache);
  }
  if (want !== 'cache-api' && typeof indexedDB !== 'undefined') {
    const db = await openDatabase(name).catch(() => undefined);
    if (db) return indexedDbStore(db);
  }
  return undefined;
}

function cacheApiStore(cache: Cache): FileStore {
  return {
    kind: 'cache-api',
    async get(url) {
      const response = await cache.match(url);
      if (!response) return undefined;
      const integrity = response.headers.get(INTEGRITY_HEADER) ?? undefined;
      return { body: await response.blob(), contentType: response.headers.get('content-type') ?? 'application/octet-stream', ...(integrity ? { integrity } : {}) };
    },
    put: (url, file) => cache.put(url, responseOf(file, 'store')),
    keys: async () => (await cache.keys()).map((r) => r.url),
  };
}

const STORE = 'files';

function openDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      // Let clearModelCache (deleteDatabase) proceed while this page still holds the connection.
      request.result.onversionchange = () => request.result.close();
      resolve(request.result);
    };
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    request.onblocked = () => reject(new Error('indexedDB.open blocked'));
  });
}

function indexedDbStore(db: IDBDatabase): FileStore {
  const run = <T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = op(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
  return {
    kind: 'indexeddb',
    get: (url) => run('readonly', (s) => s.get(url) as IDBRequest<StoredFile | undefined>),
    put: async (url, file) => void (await run('readwrite', (s) => s.put(file, url))),
    keys: async () => (await run('readonly', (s) => s.getAllKeys())).map(String),
  };
}
