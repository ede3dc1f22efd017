/**
 * The worker's `fetch` for model files: each request goes to the page, which reads the file
 * (`page-files.ts`) and moves its bytes here. The loader sees an ordinary response.
 */
import type { HostBridge } from './protocol.js';

export function bridgedFetch(bridge: HostBridge): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const signal = init?.signal ?? undefined;
    const reply = await untilAborted(bridge.modelFile(url, init?.integrity || undefined), signal);
    if ('failed' in reply) {
      throw reply.failed === 'aborted' ? new DOMException('the model download was aborted', 'AbortError') : new TypeError('the page could not fetch a model file');
    }
    return new Response(reply.body ?? null, { status: reply.status, headers: reply.headers });
  };
}

/** Stops waiting for the page when the load is aborted here (the page aborts its own side). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new DOMException('the operation was aborted', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('the operation was aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
