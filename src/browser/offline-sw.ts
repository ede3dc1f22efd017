/**
 * The service-worker half of offline use (the page half is `offline.ts`). `serveOffline()` adds
 * `install`, `activate`, `fetch` and `message` handlers to the service worker it runs in, which then
 * keeps a copy of every same-origin file the page and its workers fetch (the page, its scripts and
 * styles, pii-local's engine worker, onnxruntime's `.mjs`/`.wasm`) and answers from that copy when
 * the network is gone: a reload, a new engine worker and a backend switch then work offline.
 *
 * No build step has to list the files: they are kept as they are fetched (a runtime cache keyed by
 * URL), so the hashed names a bundler gives the worker and the wasm (Vite's
 * `assets/worker-Bx81k2a9.js`) need no configuration.
 *
 * Which copy wins, by kind of file:
 * - **Pages (navigations) and files with unhashed names** (`worker.js`, `ort/ort-wasm-simd-threaded.wasm`,
 *   `style.css`): network first, the copy only when the network fails. A deploy replaces these
 *   files at the same URL; serving the copy first would pin users to the old library until some
 *   later reload. Online they still come from the browser's HTTP cache when the server allows it.
 * - **Files with a content hash in their name** (`name-<8+ letters and digits, one a digit>.ext`, as
 *   Vite, rollup and webpack write them): the copy first. Such a URL never changes content; a new
 *   version comes with a new name, which the network-first page refers to.
 * - **Model files** (any file under a folder whose `manifest.json` is a pii-local model manifest):
 *   left alone. The engine's model cache (`model-cache.ts`) already keeps them, checked against
 *   that manifest, cache first and replaced when the manifest changes; a second copy here would
 *   double the largest download on the device and could not tell a new model version from an old.
 *
 * Only files are kept: what the browser loads as a page, script, style, worker, image or font, and
 * what a script fetches whose name ends like a file (`.wasm`, `.mjs`, `.json`, …). Data an app
 * fetches from its own API (`/api/users`) is neither kept nor answered from a copy: with personal
 * data about, nothing is stored on the device that the app did not put there itself. Requests
 * other than same-origin GETs, range requests, and responses that are not a plain 200 or say
 * `Cache-Control: no-store` are not kept either.
 *
 * Messages (from `precacheForOffline` and `registerOfflineWorker`): `{ type: 'pii-local:precache',
 * urls }` with a reply port: the worker fetches and keeps those URLs, then replies
 * `{ stored, failed }`.
 *
 * This module imports nothing at run time, so the script built from it
 * (`offline-sw-entry.ts` → `offline-sw.js`) is one self-contained classic script: it can be
 * registered as is, or pulled into an app's own service worker with `importScripts`.
 */

/** The Cache API cache that holds the copies. Also read by the page half (`offline.ts`). */
export const OFFLINE_CACHE = 'pii-local-offline';

/** A page asks the service worker to fetch and keep `urls` now (the reply goes to `ports[0]`). */
export interface PrecacheMessage {
  type: 'pii-local:precache';
  urls: string[];
}

/** The service worker's reply to a `PrecacheMessage`. */
export interface PrecacheReply {
  type: 'pii-local:precached';
  /** URLs fetched and kept. */
  stored: string[];
  /** URLs not kept, each with why (`404`, `network error`, `model file`, `other origin`, …). */
  failed: { url: string; reason: string }[];
}

export interface ServeOfflineOptions {
  /** Name of the Cache API cache. @defaultValue `'pii-local-offline'` */
  cacheName?: string;
}

/** How a request is answered. */
type Strategy = 'network-first' | 'cache-first' | 'pass';

/**
 * Makes the service worker it runs in serve pii-local apps offline (see the module comment). Call
 * it once, at the top level of the service-worker script. A new version of the script takes over
 * open pages at once (`skipWaiting`, `clients.claim`): nothing it keeps is tied to a version, so
 * there is nothing to wait for.
 */
export function serveOffline(options: ServeOfflineOptions = {}, scope: ServiceWorkerGlobalScope = globalThis as unknown as ServiceWorkerGlobalScope): void {
  const cacheName = options.cacheName ?? OFFLINE_CACHE;
  const origin = scope.location.origin;
  const open = () => scope.caches.open(cacheName);
  const models = modelFolders(open);

  scope.addEventListener('install', () => void scope.skipWaiting());
  scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));

  scope.addEventListener('fetch', (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== origin || request.headers.has('range')) return;
    // What a script fetches that is not a file (an API answer) goes to the network untouched, and so
    // does a model file when that is known at once (else `strategyFor` passes it on, streamed through here).
    if (request.destination === '' && !staticFile(url.pathname)) return;
    if (request.mode !== 'navigate' && models.isModelFileNow(url) === true) return;
    const answer = async () => {
      const strategy = await strategyFor(request, url);
      if (strategy === 'pass') return scope.fetch(request);
      if (strategy === 'cache-first') {
        const hit = await (await open()).match(request);
        if (hit) return hit;
      }
      return networkFirst(event, request);
    };
    try {
      event.respondWith(answer());
    } catch {
      // an earlier `fetch` listener of the app's own service worker already answered
    }
  });

  scope.addEventListener('message', (event) => {
    const data = event.data as Partial<PrecacheMessage> | null;
    if (data?.type !== 'pii-local:precache' || !Array.isArray(data.urls)) return;
    const port = event.ports[0];
    event.waitUntil(precache(data.urls).then((reply) => port?.postMessage(reply)));
  });

  async function strategyFor(request: Request, url: URL): Promise<Strategy> {
    if (request.mode === 'navigate') return 'network-first';
    if (url.pathname.endsWith('/manifest.json')) return 'network-first'; // read below: it may name a model folder
    if (await models.isModelFile(url)) return 'pass';
    return hashedName(url.pathname) ? 'cache-first' : 'network-first';
  }

  /** The network's answer, kept when it may be; the kept copy when the network fails. */
  async function networkFirst(event: FetchEvent, request: Request): Promise<Response> {
    let response: Response;
    try {
      response = await scope.fetch(request);
    } catch (error) {
      const cache = await open();
      const hit = (await cache.match(request)) ?? (request.mode === 'navigate' ? await cache.match(request, { ignoreSearch: true }) : undefined);
      if (hit) return hit;
      throw error; // as without a service worker: the page sees a network error
    }
    event.waitUntil(keep(request, response)); // kept while the page already reads the response
    return response;
  }

  /** Stores a copy of a keepable response; learns model folders from manifests. Never throws. */
  async function keep(request: Request | string, response: Response): Promise<boolean> {
    if (!keepable(response)) return false;
    const url = typeof request === 'string' ? request : request.url;
    if (new URL(url).pathname.endsWith('/manifest.json')) models.learn(url, response.clone());
    // Cloned now, before any await: the page starts reading the original as soon as it has it.
    const copy = response.clone();
    try {
      await (await open()).put(request, copy);
      return true;
    } catch {
      return false; // quota, `Vary: *`: the response still reaches the page
    }
  }

  async function precache(urls: readonly string[]): Promise<PrecacheReply> {
    const reply: PrecacheReply = { type: 'pii-local:precached', stored: [], failed: [] };
    await Promise.all(
      [...new Set(urls)].map(async (raw) => {
        let url: URL;
        try {
          url = new URL(raw, scope.location.href);
        } catch {
          reply.failed.push({ url: raw, reason: 'not a URL' });
          return;
        }
        url.hash = '';
        if (url.origin !== origin) return void reply.failed.push({ url: url.href, reason: 'other origin' });
        if (await models.isModelFile(url)) return void reply.failed.push({ url: url.href, reason: 'model file (kept by the model cache)' });
        try {
          const response = await scope.fetch(url.href);
          if (await keep(url.href, response)) reply.stored.push(url.href);
          else reply.failed.push({ url: url.href, reason: keepable(response) ? 'not stored (quota?)' : `not keepable (${response.status})` });
        } catch {
          reply.failed.push({ url: url.href, reason: 'network error' });
        }
      }),
    );
    return reply;
  }
}

/**
 * Whether a file name carries a content hash: `name-<hash>.ext` or `name.<hash>.ext`, the hash 8 or
 * more letters, digits or `_` with at least one digit. Plain words (`ort-wasm-simd-threaded.wasm`,
 * `gliner-js-worker.js`) are not hashes; a hash that happens to hold no digit is treated as a
 * plain name (network first), which is only slower, never stale.
 */
export function hashedName(pathname: string): boolean {
  const hash = /[-.]([A-Za-z0-9_]{8,})\.[A-Za-z0-9]{1,8}$/.exec(pathname)?.[1];
  return hash !== undefined && /\d/.test(hash);
}

/** A file by its name, for requests made with `fetch`/XHR (their `destination` is empty). */
export function staticFile(pathname: string): boolean {
  return /\.(m?js|wasm|css|html?|json|svg|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf|txt|map)$/i.test(pathname);
}

function keepable(response: Response): boolean {
  return (
    response.status === 200 &&
    response.type === 'basic' &&
    !response.redirected && // a redirected response may not answer a navigation
    !/\bno-store\b/i.test(response.headers.get('cache-control') ?? '')
  );
}

/**
 * The folders that hold pii-local models: those whose `manifest.json` lists files with SHA-256
 * integrity. Known from the manifests seen since the service worker started, and from the ones
 * kept in the cache (read once when it starts, so a restarted service worker still knows them).
 */
function modelFolders(open: () => Promise<Cache>) {
  const folders = new Set<string>();
  const learning = new Set<Promise<void>>();
  const loaded = (async () => {
    try {
      const cache = await open();
      for (const request of await cache.keys()) {
        if (!new URL(request.url).pathname.endsWith('/manifest.json')) continue;
        const response = await cache.match(request);
        if (response && (await isModelManifest(response))) folders.add(folderOf(request.url));
      }
    } catch {
      // no cache yet
    }
  })();

  let ready = false;
  void loaded.then(() => (ready = true));
  const inFolder = (url: URL) => {
    if (url.pathname.endsWith('/manifest.json')) return false;
    for (const folder of folders) if (url.href.startsWith(folder)) return true;
    return false;
  };

  return {
    learn(url: string, response: Response): void {
      const job = isModelManifest(response).then((yes) => {
        if (yes) folders.add(folderOf(url));
        learning.delete(job);
      });
      learning.add(job);
    },
    /** The answer when it needs no waiting, else `undefined`. */
    isModelFileNow(url: URL): boolean | undefined {
      return ready && learning.size === 0 ? inFolder(url) : undefined;
    },
    async isModelFile(url: URL): Promise<boolean> {
      await loaded;
      // A model loader reads the manifest before the files it lists: wait for one still being read.
      while (learning.size > 0) await Promise.all(learning);
      return inFolder(url);
    },
  };
}

function folderOf(url: string): string {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  return u.href.slice(0, u.href.lastIndexOf('/') + 1);
}

async function isModelManifest(response: Response): Promise<boolean> {
  try {
    const files = ((await response.json()) as { files?: unknown } | null)?.files;
    if (typeof files !== 'object' || files === null || Array.isArray(files)) return false;
    const entries = Object.values(files as Record<string, unknown>);
    return entries.length > 0 && entries.every((e) => typeof (e as { integrity?: unknown } | null)?.integrity === 'string');
  } catch {
    return false;
  }
}
