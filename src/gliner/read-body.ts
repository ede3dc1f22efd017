/**
 * Reads one model file's response body, reporting progress as the bytes arrive (the loader in the
 * worker, and the page when it reads the files for the worker).
 */
import { concatBytes } from '../bytes.js';
import { EngineError } from '../engine/errors.js';
import { loadError } from './errors.js';

/** Download or read progress for one file, in bytes; `total` is unknown when the server omits it. */
export interface FileProgress {
  loaded: number;
  total?: number;
  file: string;
}

export interface ReadBodyOptions {
  onProgress?: (p: FileProgress) => void;
  signal?: AbortSignal;
}

/**
 * Marks a response whose bytes are already whole on the device: a model-cache hit
 * (`createModelFetch`), or a file the page read for the worker. Their progress was reported while
 * they were downloaded, so the loader reads them whole.
 */
export const DEVICE_BODY_HEADER = 'x-pii-local-body';

/** The body's bytes; `where` names the model in errors (never a query string). */
export async function readBody(response: Response, file: string, options: ReadBodyOptions, where: string): Promise<Uint8Array> {
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
