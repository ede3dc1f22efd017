import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { once } from 'node:events';
import Papa from 'papaparse';
import { CHUNK_RECORDS } from '../datasets/chunked.js';
import { parseFile, serializeFile } from '../datasets/index.js';
import type { Engine } from '../engine/engine.js';
import type { Masker } from '../masks/index.js';
import { redactRecords, type RedactRecordsOptions } from '../engine/redact-records.js';
import type { ColumnPlan } from '../engine/columns/index.js';

/** Inputs at least this big are streamed; smaller ones are read whole (same output either way). */
export const STREAM_MIN_BYTES = 16 * 1024 * 1024;


export interface StreamRedactOptions extends Omit<RedactRecordsOptions, 'onProgress' | 'plan'> {
  /** Records written so far. */
  onProgress?: (records: number) => void;
  chunkRecords?: number;
}

export interface StreamRedactResult {
  records: number;
  failed: number;
  /** JSONL: line numbers of the failed records. */
  failedLines: number[];
  /** The column plan, inferred from the first chunk and used for every chunk. */
  plan?: ColumnPlan;
}

/**
 * Redacts a CSV or JSONL file in chunks of records with bounded memory: each chunk is read by the
 * same dataset reader and written by the same writer as a whole file would be (a CSV chunk gets the
 * header in front, which is then left out of the output), so streaming changes memory, not output.
 * One masker serves every chunk, so PSEUDONYMIZE tokens stay consistent across the file.
 */
export async function redactStream(
  input: string,
  output: string,
  format: 'csv' | 'jsonl',
  engine: Engine,
  masker: Masker,
  options: StreamRedactOptions,
): Promise<StreamRedactResult> {
  const out = createWriteStream(output);
  try {
    const chunks = format === 'csv' ? csvChunks(input, options.chunkRecords ?? CHUNK_RECORDS) : jsonlChunks(input, options.chunkRecords ?? CHUNK_RECORDS);
    const total: StreamRedactResult = { records: 0, failed: 0, failedLines: [] };
    for await (const chunk of chunks) {
      // The text as is (decoded once): a noisy stretch mid-file is then invalid lines, each reported.
      const parsed = parseFile(`chunk.${format}`, chunk.text, chunk.firstLine !== undefined ? { firstLine: chunk.firstLine } : {});
      const { onProgress, chunkRecords: _c, ...redact } = options;
      // Every chunk is masked with the first chunk's plan, so a column is treated alike throughout.
      const { masked, records, failed, failedLines, plan } = await redactRecords(engine, masker, parsed, { ...redact, ...(total.plan ? { plan: total.plan } : {}) });
      if (plan) total.plan ??= plan;
      let text = serializeFile(parsed, masked);
      if (chunk.dropHeader) text = dropFirstCsvRow(text);
      if (!chunk.last) text = ensureTrailingNewline(text, chunk.newline);
      await write(out, text);
      total.records += records;
      total.failed += failed;
      total.failedLines.push(...failedLines);
      onProgress?.(total.records);
    }
    return total;
  } finally {
    out.end();
    await once(out, 'close');
  }
}

interface Chunk {
  /** A self-contained file: CSV chunks after the first start with the header. */
  text: string;
  /** The writer's first row is the header the output already has: drop it. */
  dropHeader?: boolean;
  newline: string;
  last: boolean;
  /** JSONL: the file's line number of the chunk's first line. */
  firstLine?: number;
}

/** CSV rows come from papaparse's streaming parser, so row boundaries are exactly papaparse's. */
async function* csvChunks(path: string, size: number): AsyncGenerator<Chunk> {
  const { newline, bom, endsWithNewline } = await sniff(path);
  const rows = createReadStream(path, { encoding: 'utf8' }).pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: false }));
  let header: string[] | undefined;
  let batch: string[][] = [];
  let first = true;
  const unparse = (data: string[][]) => Papa.unparse(data, { newline, quotes: false });
  const emit = (last: boolean): Chunk => {
    const body = batch.length > 0 ? `${newline}${unparse(batch)}` : '';
    const chunk: Chunk = {
      text: `${first && bom ? '\uFEFF' : ''}${unparse([header!])}${body}${last && !endsWithNewline ? '' : newline}`,
      newline,
      last,
      dropHeader: !first,
    };
    first = false;
    batch = [];
    return chunk;
  };
  // One row of lookahead: papaparse reports a final empty row for a trailing newline, which is
  // not a record (the newline is put back by `endsWithNewline`).
  let previous: string[] | undefined;
  for await (const row of rows as AsyncIterable<string[]>) {
    if (header === undefined) {
      header = row.map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/, '') : cell));
      continue;
    }
    if (previous !== undefined) {
      batch.push(previous);
      if (batch.length >= size) yield emit(false);
    }
    previous = row;
  }
  if (header === undefined) {
    yield { text: bom ? '\uFEFF' : '', newline, last: true, dropHeader: false };
    return;
  }
  if (previous !== undefined && !(endsWithNewline && previous.length === 1 && previous[0] === '')) batch.push(previous);
  if (batch.length > 0 || first) yield emit(true);
}

/**
 * JSONL cut at line boundaries (a JSON string cannot hold a raw newline); each chunk is the exact
 * text of its lines, line endings included, so the reader sees what it would see in the whole file.
 */
async function* jsonlChunks(path: string, size: number): AsyncGenerator<Chunk> {
  const { newline } = await sniff(path);
  let buffer = '';
  let lines = 0;
  let pending: string | undefined;
  let firstLine = 1;
  const chunk = (text: string, last: boolean): Chunk => {
    const c = { text, newline, last, firstLine };
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) firstLine++;
    return c;
  };
  for await (const piece of createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>) {
    buffer += piece;
    for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) lines++;
    if (lines < size) continue;
    const cut = buffer.lastIndexOf('\n') + 1;
    if (pending !== undefined) yield chunk(pending, false);
    pending = buffer.slice(0, cut);
    buffer = buffer.slice(cut);
    lines = 0;
  }
  if (buffer === '' && pending !== undefined) {
    yield chunk(pending, true);
    return;
  }
  if (pending !== undefined) yield chunk(pending, false);
  yield chunk(buffer, true);
}

/** Newline style (from the first line break), BOM, and whether the file ends with a newline. */
async function sniff(path: string): Promise<{ newline: string; bom: boolean; endsWithNewline: boolean }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 1 << 20));
    await handle.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(size > 0 ? 1 : 0);
    if (size > 0) await handle.read(tail, 0, 1, size - 1);
    const text = head.toString('utf8');
    const lf = text.indexOf('\n');
    return {
      newline: lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n',
      bom: text.charCodeAt(0) === 0xfeff,
      endsWithNewline: size > 0 && tail[0] === 10,
    };
  } finally {
    await handle.close();
  }
}

/** The text after the first CSV row (quote-aware: the writer quotes fields holding newlines). */
function dropFirstCsvRow(text: string): string {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === '\n' && !inQuotes) return text.slice(i + 1);
  }
  return '';
}

function ensureTrailingNewline(text: string, newline: string): string {
  return text === '' || text.endsWith('\n') ? text : text + newline;
}

async function write(out: WriteStream, text: string): Promise<void> {
  if (text !== '' && !out.write(text)) await once(out, 'drain');
}
