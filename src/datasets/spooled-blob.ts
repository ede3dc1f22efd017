import { createTempFile, releaseTempBlob, type TempFile } from '../platform/node.js';

/** Bytes a spool keeps in memory before it moves to a temporary file (where there are any). */
export const SPOOL_MEMORY_LIMIT = 8 * 1024 * 1024;

/**
 * A Blob written piece by piece, like Python's `SpooledTemporaryFile`: small ones stay in memory,
 * and past `limit` bytes the pieces go to a temporary file in Node (where a Blob's bytes would
 * otherwise be process memory: a 100 MB job output is 100 MB of RSS). Browsers keep big Blobs on
 * disk themselves, so there it stays a Blob of parts.
 */
export class SpooledBlob {
  #parts: Blob[] = [];
  #size = 0;
  #file: TempFile | undefined;
  #noFile = false;
  #done = false;

  constructor(private readonly limit = SPOOL_MEMORY_LIMIT) {}

  /** Appends a piece; a string is written as UTF-8. Calls must not overlap (await each). */
  async add(part: string | Uint8Array): Promise<void> {
    if (this.#done) throw new Error('the spooled Blob is already finished');
    // A string's length is close enough to its UTF-8 size for a threshold.
    const size = typeof part === 'string' ? part.length : part.byteLength;
    if (!this.#file && !this.#noFile && this.#size + size > this.limit) await this.#spill();
    if (this.#file) return this.#file.append(part);
    // A Blob holds a string's UTF-8 outside the JS heap, without a copy to collect afterwards.
    const blob = new Blob([part as string | Uint8Array<ArrayBuffer>]);
    this.#parts.push(blob);
    this.#size += blob.size;
  }

  /** The whole Blob; the spool takes no more pieces. */
  async finish(type = ''): Promise<Blob> {
    this.#done = true;
    if (this.#file) return this.#file.toBlob(type);
    return new Blob(this.#parts, { type });
  }

  /** Drops what was written (a failed or aborted job), deleting any temporary file. */
  async discard(): Promise<void> {
    this.#done = true;
    this.#parts = [];
    await this.#file?.discard();
  }

  async #spill(): Promise<void> {
    const file = await createTempFile();
    if (!file) {
      this.#noFile = true;
      return;
    }
    for (const part of this.#parts) await file.append(new Uint8Array(await part.arrayBuffer()));
    this.#parts = [];
    this.#file = file;
  }
}

/** Deletes the temporary file behind a Blob `finish` gave, if any (its owner was deleted). */
export function releaseSpooled(blob: Blob): Promise<void> {
  return releaseTempBlob(blob);
}

/** `bytes` as a Blob of their own (the caller may reuse them), on disk in Node when large. */
export async function spooledCopy(bytes: Uint8Array): Promise<Blob> {
  const spool = new SpooledBlob();
  await spool.add(bytes);
  return spool.finish();
}
