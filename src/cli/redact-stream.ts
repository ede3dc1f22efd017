import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { Piscina } from 'piscina';
import { CHUNK_RECORDS, openRecordChunks, type ChunkLayout, type ChunkSizes, type RecordChunk } from '../datasets/record-chunks.js';
import { DatasetError, type TextEncodingName } from '../datasets/index.js';
import { UsageError } from './options.js';
import type { Engine } from '../engine/engine.js';
import type { Masker } from '../masks/index.js';
import type { RedactRecordsOptions } from '../engine/redact-records.js';
import type { ColumnPlan } from '../engine/columns/index.js';
import { redactChunk, type RedactedChunk } from './redact-chunk.js';
import { CellFindings } from '../engine/redact-csv-rows.js';
import type { ChunkTask, ChunkTaskResult, ChunkWorkerSettings } from './chunk-worker.js';

export interface StreamRedactOptions extends Omit<RedactRecordsOptions, 'onProgress' | 'plan'> {
  /** Records written so far, and the input's bytes read so far. */
  onProgress?: (records: number, bytesRead: number) => void;
  /**
   * Records per chunk (the column plan is inferred from the first chunk).
   * @defaultValue `STREAM_CHUNKS`: the first `CHUNK_RECORDS` (the plan), then `STREAM_CHUNK_RECORDS` (CSV: `STREAM_CSV_CHUNK_RECORDS`)
   */
  chunkRecords?: number | ChunkSizes;
  /** The input's encoding when it has no BOM and is not UTF-8 (`--encoding`). */
  encoding?: TextEncodingName;
  /**
   * Threads redacting the chunks after the first (`--workers`), each with its own engine and a
   * masker built from `settings`; the output is written in file order. Only for stateless masks
   * (the caller checks): PSEUDONYMIZE numbers values in order of sight across the file.
   */
  workers?: { count: number; settings: ChunkWorkerSettings };
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
 * Records per chunk after the first. A chunk's parsed rows, fields and results all live until it is
 * written, so every young-generation GC while it is masked copies them again. On a 20 MB CSV of
 * short cells (`--method heuristics`), 256-record chunks after the first took the process's CPU
 * time from 7.0–8.5 s to 6.3–6.6 s and its peak RSS from 213–247 MB to 197–214 MB, with the same
 * output. The first chunk, which the column plan is inferred from, keeps `CHUNK_RECORDS`, as API
 * datasets do, so both infer the same plan.
 */
export const STREAM_CHUNK_RECORDS = 256;
/**
 * CSV chunks after the first go column by column (`redactCsvRows`), with no object per cell, and
 * are cut bigger. Same file: 256-record chunks ran in ~1.55 s with 120 MB peak RSS in about two runs
 * of three and in ~2.0 s with 175 MB in the third (every young-generation GC then promoting ~1.5 MB
 * that the next full GC frees); 1,024-record chunks ran in 1.6–1.8 s with 124–133 MB in 12 runs of 12.
 */
export const STREAM_CSV_CHUNK_RECORDS = 1024;
const STREAM_CHUNKS: ChunkSizes = { first: CHUNK_RECORDS, then: STREAM_CHUNK_RECORDS, thenCsv: STREAM_CSV_CHUNK_RECORDS };

/**
 * Redacts a file of any format chunk by chunk with bounded memory, cut by `openRecordChunks` as API
 * datasets are, so the CLI and the API write the same bytes for the same file and settings. Each
 * chunk is read by the same dataset reader and written by the same writer as a whole file would be,
 * in the input's encoding. One masker serves every chunk, so PSEUDONYMIZE tokens stay consistent
 * across the file. An input that cannot be read is a `UsageError`; the output is created only once
 * the input's start has been read as text.
 */
export async function redactStream(input: string, output: string, engine: Engine, masker: Masker, options: StreamRedactOptions): Promise<StreamRedactResult> {
  const { onProgress, chunkRecords = STREAM_CHUNKS, encoding: declared, workers, ...redact } = options;
  const { layout, chunks } = await openRecordChunks(input, createReadStream(input), declared ? { encoding: declared } : {}, chunkRecords).catch((error: unknown) => {
    throw unreadable(error);
  });
  const { encoding } = layout;
  const total: StreamRedactResult = { records: 0, failed: 0, failedLines: [], encoding, encodingGuessed: layout.encodingGuessed === true };
  const out = createWriteStream(output);
  let pool: ChunkPool | undefined;
  const findings = new CellFindings();
  try {
    const written = async (done: RedactedChunk, bytesRead: number) => {
      if (done.plan) total.plan ??= done.plan;
      await write(out, done.bytes);
      total.records += done.records;
      total.failed += done.failed;
      total.failedLines.push(...done.failedLines);
      onProgress?.(total.records, bytesRead);
    };
    let index = 0;
    for await (const chunk of chunks) {
      // The first chunk gives the plan, on this thread; with --workers, the later ones go to the pool.
      if (index > 0 && total.plan && workers && workers.count > 1) {
        pool ??= new ChunkPool(workers.count, workers.settings, layout, total.plan);
        await pool.add(index, chunk, written);
      } else {
        // Every chunk is masked with the first chunk's plan, so a column is treated alike throughout.
        await written(await redactChunk(layout, index, chunk, engine, masker, { ...redact, findings, ...(total.plan ? { plan: total.plan } : {}) }), chunk.bytesRead);
      }
      index++;
    }
    await pool?.drain();
    return total;
  } catch (error) {
    throw unreadable(error);
  } finally {
    await pool?.close();
    out.end();
    await once(out, 'close');
  }
}

/**
 * Chunks redacted by a `piscina` pool of threads and handed back in file order. At most two chunks
 * per thread are in flight (read, queued or done but not yet written), so memory stays bounded
 * whatever the file's size.
 */
class ChunkPool {
  readonly #pool: Piscina<ChunkTask, ChunkTaskResult>;
  readonly #queue: Array<{ result: Promise<ChunkTaskResult>; bytesRead: number; written: (done: RedactedChunk, bytesRead: number) => Promise<void> }> = [];
  readonly #limit: number;

  constructor(
    threads: number,
    settings: ChunkWorkerSettings,
    private readonly layout: ChunkLayout,
    private readonly plan: ColumnPlan,
  ) {
    this.#pool = new Piscina<ChunkTask, ChunkTaskResult>({ ...workerFile(), name: 'redactChunkTask', minThreads: threads, maxThreads: threads, workerData: settings });
    this.#limit = 2 * threads;
  }

  async add(index: number, chunk: RecordChunk, written: (done: RedactedChunk, bytesRead: number) => Promise<void>): Promise<void> {
    const result = this.#pool.run({ layout: this.layout, index, chunk: { text: chunk.text, ...(chunk.firstLine !== undefined ? { firstLine: chunk.firstLine } : {}) }, plan: this.plan });
    result.catch(() => undefined); // awaited in order below; never an unhandled rejection meanwhile
    this.#queue.push({ result, bytesRead: chunk.bytesRead, written });
    while (this.#queue.length >= this.#limit) await this.#writeNext();
  }

  async drain(): Promise<void> {
    while (this.#queue.length > 0) await this.#writeNext();
  }

  async close(): Promise<void> {
    await this.#pool.destroy();
  }

  async #writeNext(): Promise<void> {
    const next = this.#queue.shift()!;
    const done = await next.result;
    if ('datasetError' in done) throw new UsageError(`--input could not be read: ${done.datasetError}`);
    await next.written(done, next.bytesRead);
  }
}

/**
 * The module the threads run: the CLI bundle itself once built (dist/cli.js exports the task), the
 * TypeScript source through tsx when run from src/ (tests, `npx tsx src/cli/index.ts`).
 */
function workerFile(): { filename: string; execArgv: string[] } {
  const here = import.meta.url;
  if (/\.[cm]?ts$/.test(new URL(here).pathname)) return { filename: new URL('./chunk-worker.ts', here).href, execArgv: ['--import', 'tsx'] };
  return { filename: here, execArgv: [] };
}

/** A file the readers refuse is a bad `--input` (exit code 2); the message names no content. */
function unreadable(error: unknown): unknown {
  return error instanceof DatasetError ? new UsageError(`--input could not be read: ${error.message}`) : error;
}

async function write(out: WriteStream, bytes: Uint8Array): Promise<void> {
  if (bytes.length > 0 && !out.write(bytes)) await once(out, 'drain');
}
