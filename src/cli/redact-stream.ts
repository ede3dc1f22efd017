import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { CHUNK_RECORDS, openRecordChunks, parseChunk, writeChunk } from '../datasets/record-chunks.js';
import { DatasetError, encodeText, type TextEncodingName } from '../datasets/index.js';
import { fitRecordsToEncoding } from './output-encoding.js';
import { UsageError } from './options.js';
import type { Engine } from '../engine/engine.js';
import type { Masker } from '../masks/index.js';
import { redactRecords, type RedactRecordsOptions } from '../engine/redact-records.js';
import type { ColumnPlan } from '../engine/columns/index.js';

export interface StreamRedactOptions extends Omit<RedactRecordsOptions, 'onProgress' | 'plan'> {
  /** Records written so far, and the input's bytes read so far. */
  onProgress?: (records: number, bytesRead: number) => void;
  /** Records per chunk (the column plan is inferred from the first chunk). @defaultValue CHUNK_RECORDS */
  chunkRecords?: number;
  /** The input's encoding when it has no BOM and is not UTF-8 (`--encoding`). */
  encoding?: TextEncodingName;
}

export interface StreamRedactResult {
  records: number;
  failed: number;
  /** CSV and JSONL: line numbers of the failed records. */
  failedLines: number[];
  /** The column plan, inferred from the first chunk and used for every chunk. */
  plan?: ColumnPlan;
  /** The encoding the input was read in and the output written in. */
  encoding: TextEncodingName;
  /** True when that encoding was a guess (windows-1252): the caller warns. */
  encodingGuessed: boolean;
}

/**
 * Redacts a file of any format chunk by chunk with bounded memory, cut by `openRecordChunks` as API
 * datasets are, so the CLI and the API write the same bytes for the same file and settings. Each
 * chunk is read by the same dataset reader and written by the same writer as a whole file would be,
 * in the input's encoding. One masker serves every chunk, so PSEUDONYMIZE tokens stay consistent
 * across the file. An input that cannot be read is a `UsageError`; the output is created only once
 * the input's start has been read as text.
 */
export async function redactStream(input: string, output: string, engine: Engine, masker: Masker, options: StreamRedactOptions): Promise<StreamRedactResult> {
  const { onProgress, chunkRecords = CHUNK_RECORDS, encoding: declared, ...redact } = options;
  const { layout, chunks } = await openRecordChunks(input, createReadStream(input), declared ? { encoding: declared } : {}, chunkRecords).catch((error: unknown) => {
    throw unreadable(error);
  });
  const { encoding } = layout;
  const total: StreamRedactResult = { records: 0, failed: 0, failedLines: [], encoding, encodingGuessed: layout.encodingGuessed === true };
  const out = createWriteStream(output);
  try {
    let index = 0;
    for await (const chunk of chunks) {
      const parsed = parseChunk(layout, index, chunk);
      // Every chunk is masked with the first chunk's plan, so a column is treated alike throughout.
      const redacted = await redactRecords(engine, masker, parsed, { ...redact, ...(total.plan ? { plan: total.plan } : {}) });
      const { masked, records, failed, failedLines, plan } = fitRecordsToEncoding(parsed, redacted, encoding);
      if (plan) total.plan ??= plan;
      await write(out, encodeText(writeChunk(layout, index, parsed, masked), encoding));
      total.records += records;
      total.failed += failed;
      total.failedLines.push(...failedLines);
      onProgress?.(total.records, chunk.bytesRead);
      index++;
    }
    return total;
  } catch (error) {
    throw unreadable(error);
  } finally {
    out.end();
    await once(out, 'close');
  }
}

/** A file the readers refuse is a bad `--input` (exit code 2); the message names no content. */
function unreadable(error: unknown): unknown {
  return error instanceof DatasetError ? new UsageError(`--input could not be read: ${error.message}`) : error;
}

async function write(out: WriteStream, bytes: Uint8Array): Promise<void> {
  if (bytes.length > 0 && !out.write(bytes)) await once(out, 'drain');
}
