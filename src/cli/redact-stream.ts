import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { once } from 'node:events';
import { CHUNK_RECORDS } from '../datasets/chunked.js';
import { detectEncoding } from '../datasets/decode.js';
import { encodeText, type TextEncodingName } from '../datasets/encoding.js';
import { fitRecordsToEncoding } from './output-encoding.js';
import { UsageError } from './options.js';
import { countLineBreaks, forEachCsvRow, sniffDialect } from '../datasets/csv.js';
import { parseFile, serializeFile, type CsvDialect } from '../datasets/index.js';
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
  /** The input's encoding when it has no BOM and is not UTF-8 (`--encoding`). */
  encoding?: TextEncodingName;
}

export interface StreamRedactResult {
  records: number;
  failed: number;
  /** JSONL: line numbers of the failed records. */
  failedLines: number[];
  /** The column plan, inferred from the first chunk and used for every chunk. */
  plan?: ColumnPlan;
  /** The encoding the input was read in and the output written in. */
  encoding: TextEncodingName;
  /** True when that encoding was a guess (windows-1252): the caller warns. */
  encodingGuessed: boolean;
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
  const { encoding, guessed } = detectEncoding(await readHead(input), options.encoding);
  const out = createWriteStream(output);
  try {
    const size = options.chunkRecords ?? CHUNK_RECORDS;
    const chunks = format === 'csv' ? csvChunks(input, encoding, size) : jsonlChunks(input, encoding, size);
    const total: StreamRedactResult = { records: 0, failed: 0, failedLines: [], encoding, encodingGuessed: guessed };
    for await (const chunk of chunks) {
      // The text as is (decoded once): a noisy stretch mid-file is then invalid lines, each reported.
      const parsed = parseFile(`chunk.${format}`, chunk.text, {
        ...(chunk.firstLine !== undefined ? { firstLine: chunk.firstLine } : {}),
        ...(chunk.csvDialect ? { csvDialect: chunk.csvDialect } : {}),
      });
      const { onProgress, chunkRecords: _c, encoding: _e, ...redact } = options;
      // Every chunk is masked with the first chunk's plan, so a column is treated alike throughout.
      const redacted = await redactRecords(engine, masker, parsed, { ...redact, ...(total.plan ? { plan: total.plan } : {}) });
      const { masked, records, failed, failedLines, plan } = fitRecordsToEncoding(parsed, redacted, encoding);
      if (plan) total.plan ??= plan;
      let text = serializeFile(parsed, masked);
      if (chunk.dropHeader !== undefined) {
        // The writer puts unchanged rows back as read, so the header comes back exactly.
        if (!text.startsWith(chunk.dropHeader)) throw new Error('chunk writer lost the CSV header');
        text = text.slice(chunk.dropHeader.length);
      }
      if (format === 'jsonl' && !chunk.last) text = ensureTrailingNewline(text, chunk.newline);
      await write(out, encodeText(text, encoding));
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
  /** CSV chunks after the first: the header text in front, which the output already has. */
  dropHeader?: string;
  /** CSV: the file's dialect, so every chunk is read alike. */
  csvDialect?: CsvDialect;
  newline: string;
  last: boolean;
  /** The file's line number of the chunk's first line (a CSV chunk's header counts before it). */
  firstLine?: number;
}

/** Text read ahead for the CSV row reader; doubled while one row is longer than what is buffered. */
const CSV_READ_CHARS = 1 << 20;

/**
 * CSV rows as the dataset reader sees them (`forEachCsvRow`, the same row boundaries and repairs as
 * a whole file), cut after every `size` records. Each chunk is the header's text plus the exact text
 * of its rows, so the writer puts unchanged rows back byte for byte.
 */
async function* csvChunks(path: string, encoding: TextEncodingName, size: number): AsyncGenerator<Chunk> {
  const { head } = await sniff(path, encoding);
  const dialect = sniffDialect(head.replace(/^\uFEFF/, ''), ',');
  const { newline } = dialect;
  const reader = readText(path, encoding)[Symbol.asyncIterator]();
  let buffer = '';
  let eof = false;
  let want = CSV_READ_CHARS;
  let header: string | undefined;
  let rows: string[] = [];
  let records = 0;
  let line = 1;
  let chunkLine = 1;
  let first = true;
  let bom: boolean | undefined;
  const ready: Chunk[] = [];
  const cut = (last: boolean) => {
    // Only the file's start has the BOM; later chunks get the bare header.
    const top = (first && bom ? '\uFEFF' : '') + (header ?? '');
    const headLines = countLineBreaks(top, 0, top.length, newline);
    ready.push({ text: top + rows.join(''), newline, last, dropHeader: first ? undefined : top, firstLine: first ? 1 : chunkLine - headLines, csvDialect: dialect });
    first = false;
    rows = [];
    records = 0;
  };
  while (!eof || buffer !== '') {
    while (!eof && buffer.length < want) {
      const next = await reader.next();
      if (next.done) eof = true;
      else buffer += next.value;
    }
    // The BOM is kept aside, not parsed: papaparse drops a leading one, which would shift its offsets.
    if (bom === undefined && (buffer !== '' || eof)) {
      bom = buffer.startsWith('\uFEFF');
      if (bom) buffer = buffer.slice(1);
    }
    let at = 0;
    const consumed = forEachCsvRow(buffer, dialect, (_cells, end) => {
      const raw = buffer.slice(at, end);
      at = end;
      if (raw === '') return;
      if (header === undefined) header = raw;
      else {
        if (rows.length === 0) chunkLine = line;
        rows.push(raw);
        if (raw !== newline) records++;
      }
      line += countLineBreaks(raw, 0, raw.length, newline);
      if (records >= size) cut(false);
    }, eof);
    buffer = buffer.slice(consumed);
    want = consumed === 0 ? want * 2 : CSV_READ_CHARS;
    yield* ready.splice(0);
    if (eof) break;
  }
  cut(true);
  yield* ready.splice(0);
}

/**
 * JSONL cut at line boundaries (a JSON string cannot hold a raw newline); each chunk is the exact
 * text of its lines, line endings included, so the reader sees what it would see in the whole file.
 */
async function* jsonlChunks(path: string, encoding: TextEncodingName, size: number): AsyncGenerator<Chunk> {
  const { newline } = await sniff(path, encoding);
  let buffer = '';
  let lines = 0;
  let pending: string | undefined;
  let firstLine = 1;
  const chunk = (text: string, last: boolean): Chunk => {
    const c = { text, newline, last, firstLine };
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) firstLine++;
    return c;
  };
  for await (const piece of readText(path, encoding)) {
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

/** The file's first MiB (or less) as bytes. */
async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = new Uint8Array(Math.min(size, 1 << 20));
    await handle.read(head, 0, head.length, 0);
    return head;
  } finally {
    await handle.close();
  }
}

/** The first MiB as text, and the newline style (from the first line break). */
async function sniff(path: string, encoding: TextEncodingName): Promise<{ head: string; newline: string }> {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(await readHead(path), { stream: true });
  const lf = text.indexOf('\n');
  return { head: text, newline: lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n' };
}

/**
 * The file as text in `encoding`, piece by piece (a BOM stays in, as U+FEFF, for the reader to see).
 * Windows-1252 cannot fail; UTF-8 that turns invalid after the head it was detected from is refused
 * rather than read with U+FFFD in place of what the file held.
 */
async function* readText(path: string, encoding: TextEncodingName): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true, fatal: true });
  try {
    for await (const bytes of createReadStream(path) as AsyncIterable<Buffer>) yield decoder.decode(bytes, { stream: true });
    yield decoder.decode();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new UsageError(`--input is not valid ${encoding} past its start; pass --encoding with the file's encoding`);
  }
}

function ensureTrailingNewline(text: string, newline: string): string {
  return text === '' || text.endsWith('\n') ? text : text + newline;
}

async function write(out: WriteStream, bytes: Uint8Array): Promise<void> {
  if (bytes.length > 0 && !out.write(bytes)) await once(out, 'drain');
}
