import type { ByteSource } from './byte-source.js';
import { decodeWhole, type TextEncodingName } from './encoding.js';
import { spooledCopy } from './spooled-blob.js';
import { CHUNK_RECORDS, openRecordChunks, parseChunk, type ChunkLayout } from './record-chunks.js';
import type { ParsedFile, ParseOptions } from './types.js';

export { CHUNK_RECORDS, writeChunk } from './record-chunks.js';

/**
 * A file kept as record chunks (cut by `openRecordChunks`), so a job holds one chunk's records at a
 * time instead of the whole file parsed, and the file is never one decoded string. Plain data and
 * Blobs, so it can be stored (IndexedDB).
 */
export interface ChunkedFile extends ChunkLayout {
  /**
   * Each chunk's bytes and the encoding they are in. Where the file was a Blob (a `File`, Node's
   * `fs.openAsBlob`), a chunk is a slice of it, so the dataset costs no memory of its own; bytes in
   * memory are copied into one Blob first, so the caller may reuse them (a temporary file in Node
   * when large: `spooled-blob.ts`). A chunk the decoder could
   * not map back to its bytes (bad bytes after a BOM) is kept as its text, in UTF-8. The first
   * chunk holds the file's BOM.
   */
  chunks: Array<{ bytes: Blob; encoding: TextEncodingName }>;
  /**
   * The Blob the chunks are slices of, when they are: kept with them, since a temporary file behind
   * it (`spooled-blob.ts`) lives as long as this Blob is not released.
   */
  whole?: Blob;
  /** Records in each chunk. */
  records: number[];
  /** JSONL and CSV: the file's line number of each chunk's first line, so records know their line. */
  firstLines?: number[];
}

/**
 * Cuts a file into chunks of at most `chunkRecords` records, reading it as a stream. Rejects with
 * `DatasetError` only when the whole file is unreadable (not text, a JSON file that does not
 * parse), like `parseFile`.
 */
export async function chunkFile(name: string, source: ByteSource, options: ParseOptions = {}, chunkRecords = CHUNK_RECORDS): Promise<ChunkedFile> {
  // Bytes in memory are read in place (a Blob's stream would hand out a copy of every piece), and
  // kept as a copy of their own (on disk in Node when large).
  const whole = source instanceof Uint8Array ? await spooledCopy(source) : typeof Blob !== 'undefined' && source instanceof Blob ? source : undefined;
  const { layout, chunks } = await openRecordChunks(name, source, options, chunkRecords);
  const file: ChunkedFile = { ...layout, chunks: [], records: [], ...(whole ? { whole } : {}) };
  const firstLines: number[] = [];
  let at = 0;
  for await (const chunk of chunks) {
    if (whole && chunk.sourceBytes !== undefined) {
      file.chunks.push({ bytes: whole.slice(at, at + chunk.sourceBytes), encoding: layout.encoding });
      at += chunk.sourceBytes;
    } else {
      file.chunks.push({ bytes: new Blob([chunk.text]), encoding: 'utf-8' });
    }
    file.records.push(chunk.records);
    if (chunk.firstLine !== undefined) firstLines.push(chunk.firstLine);
  }
  if (firstLines.length > 0) file.firstLines = firstLines;
  return file;
}

/** Total records of the file. */
export function recordCount(file: ChunkedFile): number {
  return file.records.reduce((a, b) => a + b, 0);
}

/**
 * Reads chunk `i`; its record indices start at 0 (add the records of the chunks before it).
 * Rejects when the file behind a Blob changed or went away since it was added.
 */
export async function readChunk(file: ChunkedFile, i: number): Promise<ParsedFile> {
  const chunk = file.chunks[i];
  if (chunk === undefined) throw new RangeError(`chunk ${i} out of range`);
  // The first chunk keeps its BOM (as U+FEFF), for the reader to see as the whole file's.
  const text = decodeWhole(new Uint8Array(await chunk.bytes.arrayBuffer()), chunk.encoding);
  return parseChunk(file, i, { text, ...(file.firstLines ? { firstLine: file.firstLines[i]! } : {}) });
}
