import { open } from 'node:fs/promises';
import { decodeText } from '../datasets/decode.js';
import { DatasetError } from '../datasets/index.js';
import { UsageError } from './options.js';

/** Bytes read from the start of a streamed input to tell text from binary. */
const HEAD_BYTES = 64 * 1024;

/**
 * Refuses an input that is not text before `detect` streams it, as the whole-file readers do:
 * line readers would otherwise turn random bytes into "records" (`redact` reads through
 * `openRecordChunks`, which checks the start itself). Only the head is checked, so memory stays
 * bounded; a cut multi-byte character at its end is one bad character, well under the limit.
 */
export async function assertInputIsText(path: string): Promise<void> {
  const handle = await open(path, 'r');
  let head: Uint8Array;
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  try {
    decodeText(head);
  } catch (error) {
    if (error instanceof DatasetError) throw new UsageError(`--input could not be read: ${error.message}`);
    throw error;
  }
}
