/**
 * The worker's side of `model-prefetch.ts`: a `fetch` for the model loader that answers the URLs the
 * page promised with the files the page hands over, and sends every other request (and those the
 * page skipped) on.
 */
import { vouch } from '../gliner/vouched-bodies.js';
import type { PrefetchedFile } from './protocol.js';
import { untilAborted } from './until-aborted.js';

export interface PageFiles {
  fetch: typeof fetch;
  /** A file from the page; each promised URL is answered once (a reload of the model fetches again). */
  provide(file: PrefetchedFile): void;
}

/** `start` asks the page to read the files, once, when the loader first asks for one. */
export function pageFiles(urls: readonly string[], fallback: typeof fetch, start: () => void): PageFiles {
  let started = false;
  const resolvers = new Map<string, (file: PrefetchedFile) => void>();
  /** Files not yet taken by a fetch: a second load of the model (after a failure) fetches anew. */
  const untaken = new Map<string, Promise<PrefetchedFile>>();
  for (const url of urls) untaken.set(url, new Promise<PrefetchedFile>((resolve) => resolvers.set(url, resolve)));
  return {
    provide(file) {
      resolvers.get(file.url)?.(file);
      resolvers.delete(file.url);
    },
    async fetch(input, init) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const promised = untaken.get(url);
      if (promised === undefined) return fallback(input, init);
      untaken.delete(url);
      if (!started) {
        started = true;
        start();
      }
      const file = await untilAborted(promised, init?.signal ?? undefined);
      if (file.failure === 'skipped') return fallback(input, init);
      if (file.failure === 'aborted') throw new DOMException('the model download was aborted', 'AbortError');
      if (file.failure !== undefined) throw new TypeError('the page could not fetch a model file');
      const headers: Record<string, string> = file.contentType ? { 'content-type': file.contentType } : {};
      if (file.body === undefined) return new Response(null, { status: file.status, headers });
      const bytes = new Uint8Array(file.body);
      return vouch(new Response(bytes, { status: file.status, headers }), { bytes, ...(file.integrity ? { integrity: file.integrity } : {}) });
    },
  };
}
