/**
 * Offline use, the page half (the service-worker half is `offline-sw.ts`, shipped as the script
 * `offline-sw.js`). Register the script once, before starting the engine, and from then on a reload,
 * a new engine worker and a backend switch work with the network gone:
 *
 * ```ts
 * import { registerOfflineWorker, createWorkerEngine } from 'pii-local';
 * const offline = await registerOfflineWorker('/offline-sw.js');   // never throws
 * if (!offline.controlled) console.info(`no offline copy: ${offline.reason}`);
 * const engine = createWorkerEngine({ model: '/models/pii-local-small/' });
 * ```
 *
 * The service worker keeps what the page and its workers fetch (the page, its scripts, the engine
 * worker, onnxruntime's `.mjs`/`.wasm` for the backend in use); the model files are kept by the
 * engine's model cache. What was never fetched online is not there offline: a backend first used
 * offline (WebGPU's runtime is a separate 27 MB download) fails to load, unless its files were
 * stored beforehand with `precacheForOffline`.
 */
import type { OFFLINE_CACHE as SwCacheName, PrecacheMessage, PrecacheReply } from './offline-sw.js';

/** The service worker's cache. Written out, not imported: the page must not pull in the service worker's code. */
export const OFFLINE_CACHE: typeof SwCacheName = 'pii-local-offline';

export interface RegisterOfflineOptions {
  /** The pages it serves. @defaultValue the script's folder (the browser's default) */
  scope?: string;
  /**
   * `'module'` for a service-worker script built with imports of its own; the shipped
   * `offline-sw.js` is a classic script. @defaultValue `'classic'`
   */
  type?: WorkerType;
  /** How long a first visit waits for the service worker to take control of the page, in ms. @defaultValue 10000 */
  timeoutMs?: number;
}

export interface OfflineRegistration {
  /**
   * True when the service worker controls the page: what the page and the workers it starts from
   * now on fetch is kept for offline use.
   */
  controlled: boolean;
  /** Why the page is not controlled (no service workers here, the script failed, the wait timed out), or what failed while it is. */
  reason?: string;
  /** Files the page had loaded before it was controlled, now stored (a first visit's page, scripts, styles; else none). */
  stored: string[];
  registration?: ServiceWorkerRegistration;
}

/**
 * Registers the offline service worker, waits until it controls the page (a first visit: it takes
 * over at once), and has it store the files the page loaded before that. Start the engine after
 * this resolves: a worker started earlier fetches its files past the service worker, and they are
 * kept only from the next visit on. Never rejects: offline use is optional, so a failure resolves
 * with `controlled: false` and the reason, and the page works online as before.
 */
export async function registerOfflineWorker(script: string | URL, options: RegisterOfflineOptions = {}): Promise<OfflineRegistration> {
  const container = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
  if (container === undefined) {
    return { controlled: false, stored: [], reason: 'service workers are not available here (an insecure context, a private window, or not a page)' };
  }
  // Controlled from the start (any visit after the first), the page's files went through it already.
  const controlledAtLoad = container.controller !== null;
  let registration: ServiceWorkerRegistration;
  try {
    registration = await container.register(script, { type: options.type ?? 'classic', ...(options.scope !== undefined ? { scope: options.scope } : {}) });
  } catch (error) {
    // Offline with the service worker already in control, a re-registration may fail: it still serves.
    if (container.controller) return { controlled: true, stored: [], reason: `the update check failed (${(error as Error).message})` };
    return { controlled: false, stored: [], reason: `the service worker could not be registered (${(error as Error).message})` };
  }
  if (!(await controlled(container, options.timeoutMs ?? 10_000))) {
    return { controlled: false, stored: [], registration, reason: 'the service worker did not take control of the page in time (is the page outside its scope?)' };
  }
  if (controlledAtLoad) return { controlled: true, stored: [], registration };
  const { stored } = await precacheForOffline(loadedFiles(), { timeoutMs: options.timeoutMs ?? 10_000 });
  return { controlled: true, stored, registration };
}

/**
 * Has the active offline service worker fetch and store `urls` now (same-origin ones; model files
 * are left to the model cache). Use it for files the page will need offline but has not fetched
 * yet. Resolves with what was stored and what was not, and why; with everything failed when no
 * offline service worker controls the page or none answers within `timeoutMs` (default 120 s).
 */
export async function precacheForOffline(urls: readonly (string | URL)[], options: { timeoutMs?: number } = {}): Promise<Omit<PrecacheReply, 'type'>> {
  const list = urls.map((u) => new URL(u, location.href).href);
  const allFailed = (reason: string) => ({ stored: [], failed: list.map((url) => ({ url, reason })) });
  const worker = typeof navigator !== 'undefined' ? navigator.serviceWorker?.controller : undefined;
  if (!worker) return allFailed('no offline service worker controls this page');
  const channel = new MessageChannel();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A service worker that is not pii-local's never answers: give up after the timeout.
  const reply = new Promise<Omit<PrecacheReply, 'type'>>((resolve) => {
    channel.port1.onmessage = (event) => resolve(event.data as PrecacheReply);
    timer = setTimeout(() => resolve(allFailed('no answer from the service worker (is it pii-local\'s offline-sw.js?)')), options.timeoutMs ?? 120_000);
  });
  const message: PrecacheMessage = { type: 'pii-local:precache', urls: list };
  worker.postMessage(message, [channel.port2]);
  const { stored, failed } = await reply;
  clearTimeout(timer);
  channel.port1.close();
  return { stored, failed };
}

/** URLs the offline service worker holds (for a "available offline" indicator). */
export async function offlineCachedUrls(): Promise<string[]> {
  if (typeof caches === 'undefined' || !(await caches.has(OFFLINE_CACHE))) return [];
  return (await (await caches.open(OFFLINE_CACHE)).keys()).map((r) => r.url);
}

/** Deletes the offline copies (the model cache is apart: `clearModelCache`). The service worker stays registered. */
export async function clearOfflineCache(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(OFFLINE_CACHE);
}

/** Resolves true once a service worker controls the page, false after `timeoutMs`. */
function controlled(container: ServiceWorkerContainer, timeoutMs: number): Promise<boolean> {
  if (container.controller) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (value: boolean) => {
      clearTimeout(timer);
      container.removeEventListener('controllerchange', onChange);
      resolve(value);
    };
    const onChange = () => done(container.controller !== null);
    const timer = setTimeout(() => done(container.controller !== null), timeoutMs);
    container.addEventListener('controllerchange', onChange);
  });
}

/**
 * The page and the same-origin files it loaded so far (Resource Timing), without fragments. Data the
 * page fetched itself (`fetch`, XHR) counts only when it is a file (`config.json`), not an API answer.
 */
function loadedFiles(): string[] {
  const urls = new Set<string>();
  const add = (raw: string) => {
    const url = new URL(raw, location.href);
    if (url.origin !== location.origin || !/^https?:$/.test(url.protocol)) return;
    url.hash = '';
    urls.add(url.href);
  };
  add(location.href);
  for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    const fetched = ['fetch', 'xmlhttprequest', 'beacon'].includes(entry.initiatorType);
    if (!fetched || staticFile(new URL(entry.name).pathname)) add(entry.name);
  }
  return [...urls];
}

/** Same rule as the service worker's (`offline-sw.ts`), which this module must not import. */
function staticFile(pathname: string): boolean {
  return /\.(m?js|wasm|css|html?|json|svg|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf|txt|map)$/i.test(pathname);
}
