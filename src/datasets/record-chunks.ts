import { concatBytes } from '../bytes.js';
import { readBytes, type ByteSource } from './byte-source.js';
import { countLineBreaks, forEachCsvRow, holdsFirstRow, parseCsv, sniffDialect, type CsvRowRead } from './csv.js';
import { BOM, detectEncoding, TextStreamDecoder, type EncodingFound } from './decode.js';
import { encodedLength, type TextEncodingName } from './encoding.js';
import { detectFormat, isTsv } from './format.js';
import { parseFile, serializeFile } from './index.js';
import type { CsvDialect, DatasetField, DatasetFormat, ParsedFile, ParseOptions } from './types.js';

/** Records per chunk: enough to batch the engine, few enough to keep a job's working set small. */
export const CHUNK_RECORDS = 2000;

/**
 * Records per chunk when the first chunk and the later ones differ: the first is what a column plan
 * is inferred from (so it stays `CHUNK_RECORDS`, as for API datasets, and both infer the same plan),
 * the later ones may be smaller for a stream that only masks them (see `redactStream`).
 */
export interface ChunkSizes {
  first: number;
  then: number;
  /** CSV chunks after the first, when they differ from other formats' (`redactStream`). @defaultValue `then` */
  thenCsv?: number;
}

/**
 * What every chunk of a file is read and written with, fixed by the file's start (plain data, so it
 * can be stored). Each chunk is read by the same reader and written by the same writer as the whole
 * file would be, so cutting changes memory, not output: the written chunks, joined, are the written
 * file.
 */
export interface ChunkLayout {
  name: string;
  format: DatasetFormat;
  /** The encoding the file was read in: write the output back in it. */
  encoding: TextEncodingName;
  /** True when that encoding was a guess (Windows-1252): the caller should say so. */
  encodingGuessed?: boolean;
  /**
   * Put in front of every chunk after the first to read it, and taken off what it writes: the CSV
   * header row, or a blank line (not a record) so a chunk's leading U+FEFF is not read as a BOM.
   */
  head: string;
  /** The format and CSV dialect of the whole file, and the caller's options. */
  options: ParseOptions;
}

/** A run of whole records, as the text it was read from. */
export interface RecordChunk {
  /** The chunk's own text (the first keeps the file's BOM as U+FEFF; later ones lack the head). */
  text: string;
  records: number;
  /** CSV and JSONL: the file's line number of the chunk's first line. */
  firstLine?: number;
  /** Bytes of the source read when the chunk was cut (for progress; the source may be ahead). */
  bytesRead: number;
  /**
   * The chunk's exact length in the source's bytes, so it can be read again from there: absent
   * once the decoding so far was not lossless (U+FFFD put in for bad bytes after a BOM).
   */
  sourceBytes?: number;
  /**
   * CSV: the rows of `text` after the chunk's top (the first chunk's BOM and header), as the cutter
   * read them, so that `parseChunk` on the same thread need not read them again. Not sent to workers.
   */
  rows?: readonly CsvRowRead[];
}

export interface RecordChunks {
  layout: ChunkLayout;
  /** The chunks in file order; a file that turns out not to be text rejects before its last one. */
  chunks: AsyncGenerator<RecordChunk, void, undefined>;
}

/** How much is read ahead; smaller only in tests, so that a small file crosses every boundary. */
export interface ReadAhead {
  /** Bytes read before the encoding and the format are settled and the start is checked to be text. */
  headBytes: number;
  /** Text read ahead for the CSV row reader; doubled while one row is longer than what is buffered. */
  csvChars: number;
}

/**
 * CSV rows are read about one file-stream piece (64 KiB) at a time: every row read ahead lives until
 * its chunk is written, and rows that outlive a few young-generation GCs are copied into the old
 * generation. 20 MB CSV of short cells (`--method heuristics`): 1 MiB of rows read ahead took 2.0 s
 * and 180 MB peak RSS, 64 KiB 1.5–1.6 s and 120 MB, with the same output.
 */
const READ_AHEAD: ReadAhead = Object.freeze({ headBytes: 1 << 20, csvChars: 1 << 16 });

/**
 * Text read at most, past the head, for the CSV dialect to be sniffed from a whole first row (a
 * header with an unclosed quote would otherwise pull in the whole file).
 */
const FIRST_ROW_CHARS = 1 << 20;

/**
 * Reads a file as a stream of record chunks of at most `chunkRecords` records: the one place files
 * are cut, for the CLI and for API datasets alike. The encoding comes from the first MiB
 * (`detectEncoding`: BOM, valid UTF-8, `options.encoding`, else a Windows-1252 guess) and the bytes
 * are decoded as they arrive; CSV is cut between rows as `forEachCsvRow` reads them (a row with an
 * unclosed quote fails alone, as in a whole file), JSON Lines after a line break; JSON, TXT and MD
 * are one chunk (their readers need the whole text). For CSV and JSON Lines at most one chunk and
 * one read-ahead window of text are held at a time, never the whole file as one string.
 *
 * Throws `DatasetError` when the start is not text or the format's reader refuses the file (JSON
 * that does not parse); `chunks` rejects when the rest turns out not to be text or not in the
 * encoding the start showed.
 */
export async function openRecordChunks(
  name: string,
  source: ByteSource,
  options: ParseOptions = {},
  chunkRecords: number | ChunkSizes = CHUNK_RECORDS,
  readAhead: ReadAhead = READ_AHEAD,
): Promise<RecordChunks> {
  const bytes = readBytes(source);
  try {
    const text = await TextPieces.open(bytes, options.encoding, readAhead.headBytes);
    const format = options.format ?? detectFormat(name, text.head, options.contentType);
    const size: ChunkSizes = typeof chunkRecords === 'number'
      ? { first: Math.max(1, chunkRecords), then: Math.max(1, chunkRecords) }
      : { first: Math.max(1, chunkRecords.first), then: Math.max(1, (format === 'csv' ? chunkRecords.thenCsv : undefined) ?? chunkRecords.then) };
    const base = { name, format, encoding: text.found.encoding, ...(text.found.guessed ? { encodingGuessed: true } : {}) };
    if (format === 'csv') {
      let start = await text.next();
      while (!text.done && start.length < text.head.length + FIRST_ROW_CHARS && !holdsFirstRow(start)) start += await text.next();
      const csvDialect = options.csvDialect ?? sniffDialect(start, isTsv(name) ? '\t' : ',');
      const rows = new CsvRows(text, csvDialect, start, readAhead.csvChars);
      // The header row is the head of every later chunk, so it is read before any chunk is cut.
      const header = options.csvHeaders === undefined ? ((await rows.next())?.raw ?? '') : undefined;
      const layout: ChunkLayout = { ...base, head: header ? detached(header) : csvDialect.newline, options: { ...options, format, csvDialect } };
      return { layout, chunks: guarded(bytes, csvChunks(rows, text, header, csvDialect.newline, size)) };
    }
    if (format === 'jsonl') {
      return { layout: { ...base, head: '\n', options: { ...options, format } }, chunks: guarded(bytes, jsonlChunks(text, size)) };
    }
    const layout: ChunkLayout = { ...base, head: '', options: { ...options, format } };
    // One chunk, read once now, so an unreadable file is refused before anything is done with it.
    const whole = (text.found.bom ? BOM : '') + (await text.rest());
    const records = parseFile(name, whole, layout.options).records.length;
    return { layout, chunks: guarded(bytes, (async function* () { yield text.chunk(whole, records); })()) };
  } catch (error) {
    await bytes.return(undefined);
    throw error;
  }
}

/** Reads chunk `index` of a file laid out as `layout`; its record indices start at 0. */
export function parseChunk(layout: ChunkLayout, index: number, chunk: Pick<RecordChunk, 'text' | 'firstLine' | 'rows'>): ParsedFile {
  // The head in front of a later chunk is more lines (one, or the CSV header's): number from before them.
  const headLines = countLineBreaks(layout.head, 0, layout.head.length, layout.options.csvDialect?.newline ?? '\n');
  const options = chunk.firstLine === undefined ? layout.options : { ...layout.options, firstLine: index > 0 ? chunk.firstLine - headLines : chunk.firstLine };
  if (chunk.rows !== undefined && layout.format === 'csv') return parseCsvChunk(layout, index, chunk.text, chunk.rows, options);
  return parseFile(layout.name, index > 0 ? layout.head + chunk.text : chunk.text, options);
}

/** `parseFile` of a CSV chunk whose rows were read when it was cut: only its top is read again. */
function parseCsvChunk(layout: ChunkLayout, index: number, text: string, rows: readonly CsvRowRead[], options: ParseOptions): ParsedFile {
  let rowsLength = 0;
  for (const row of rows) rowsLength += row.raw.length;
  const top = index > 0 ? layout.head : text.slice(0, text.length - rowsLength);
  // As `decodeText` reads a string: a leading U+FEFF is the BOM.
  const bom = top.charCodeAt(0) === 0xfeff;
  const { records, layout: csv } = parseCsv(bom ? top.slice(1) : top, bom, {
    ...(options.textFields ? { textFields: options.textFields } : {}),
    ...(options.csvHeaders ? { csvHeaders: options.csvHeaders } : {}),
    ...(options.csvDialect ? { dialect: options.csvDialect } : {}),
    ...(options.firstLine !== undefined ? { firstLine: options.firstLine } : {}),
    defaultDelimiter: isTsv(layout.name) ? '\t' : ',',
    rows,
  });
  return { name: layout.name, format: 'csv', records, layout: csv };
}

/** Writes chunk `index` back with `masked` fields in place: the piece of the output file it stands for. */
export function writeChunk(layout: ChunkLayout, index: number, parsed: ParsedFile, masked: ReadonlyMap<number, DatasetField[]>): string {
  const text = serializeFile(parsed, masked);
  if (index === 0 || layout.head === '') return text;
  // Writers put unchanged rows and lines back as they were read, so the head comes back exactly.
  if (!text.startsWith(layout.head)) throw new Error('chunk writer lost the chunk head');
  return text.slice(layout.head.length);
}

/** The file's text as it is decoded, piece by piece; the bytes' end is checked to be text. */
class TextPieces {
  bytesRead = 0;
  /** The head's text, handed out by the first `next`. */
  #pending: string | undefined;
  #ended = false;
  /** True while chunk lengths map to source bytes (see `TextStreamDecoder.lossless`). */
  #exact = true;

  private constructor(
    private readonly bytes: AsyncIterator<Uint8Array>,
    private readonly decoder: TextStreamDecoder,
    readonly found: EncodingFound,
    /** The text of the head: what the format and dialect are sniffed from. */
    readonly head: string,
  ) {
    this.#pending = head;
  }

  /** Reads the head, settles the encoding from it and refuses a start that is not text. */
  static async open(bytes: AsyncIterator<Uint8Array>, declared: TextEncodingName | undefined, headBytes: number): Promise<TextPieces> {
    const pieces: Uint8Array[] = [];
    let size = 0;
    let eof = false;
    // At least the longest BOM, whatever the read-ahead: a BOM is read whole or not at all.
    while (size < Math.max(headBytes, 3)) {
      const next = await bytes.next();
      if (next.done) {
        eof = true;
        break;
      }
      pieces.push(next.value);
      size += next.value.length;
    }
    const head = concatBytes(pieces, size);
    const found = detectEncoding(head, declared, eof);
    const decoder = new TextStreamDecoder(found);
    let text = decoder.decode(head);
    if (eof) text += decoder.end();
    decoder.assertText();
    const reader = new TextPieces(bytes, decoder, found, text);
    reader.bytesRead = size;
    reader.#ended = eof;
    return reader;
  }

  /** True once every piece of text has been handed out. */
  get done(): boolean {
    return this.#pending === undefined && this.#ended;
  }

  /** The next piece of text ('' once done). */
  async next(): Promise<string> {
    if (this.#pending !== undefined) {
      const text = this.#pending;
      this.#pending = undefined;
      return text;
    }
    if (this.#ended) return '';
    const next = await this.bytes.next();
    if (!next.done) {
      this.bytesRead += next.value.length;
      return this.decoder.decode(next.value);
    }
    this.#ended = true;
    const rest = this.decoder.end();
    // The whole file is judged as `decodeText` judges it, before its last records are handed out.
    this.decoder.assertText();
    return rest;
  }

  /** A chunk of `text`, which is the text handed out since the last chunk. */
  chunk(text: string, records: number, firstLine?: number): RecordChunk {
    // Sticky: once a byte was replaced, later offsets no longer match the source.
    this.#exact &&= this.decoder.lossless;
    return {
      text, records, ...(firstLine !== undefined ? { firstLine } : {}), bytesRead: this.bytesRead,
      ...(this.#exact ? { sourceBytes: encodedLength(text, this.found.encoding) } : {}),
    };
  }

  /** All the text not handed out yet. */
  async rest(): Promise<string> {
    const pieces: string[] = [];
    while (!this.done) pieces.push(await this.next());
    return pieces.join('');
  }
}

/** CSV rows as `forEachCsvRow` reads them (the same boundaries and repairs as a whole file), as raw text. */
class CsvRows {
  #buffer: string;
  #want: number;
  #ready: CsvRowRead[] = [];
  #at = 0;

  constructor(
    private readonly text: TextPieces,
    private readonly dialect: CsvDialect,
    /** Text already taken from `text`. */
    start: string,
    private readonly readChars: number,
  ) {
    this.#buffer = start;
    this.#want = readChars;
  }

  /** The next row (its text with its line break, and its cells); undefined after the last. */
  async next(): Promise<CsvRowRead | undefined> {
    while (this.#at >= this.#ready.length) {
      if (this.text.done && this.#buffer === '') return undefined;
      await this.#read();
    }
    return this.#ready[this.#at++];
  }

  async #read(): Promise<void> {
    while (!this.text.done && this.#buffer.length < this.#want) this.#buffer += await this.text.next();
    const buffer = this.#buffer;
    const rows: CsvRowRead[] = [];
    let at = 0;
    const consumed = forEachCsvRow(buffer, this.dialect, (cells, end, errors) => {
      rows.push(errors.length > 0 ? { raw: buffer.slice(at, end), cells, errors } : { raw: buffer.slice(at, end), cells });
      at = end;
    }, this.text.done);
    // At the end, anything papaparse left is the file's tail: the whole-file reader keeps it as is.
    const end = this.text.done ? buffer.length : consumed;
    if (end > consumed) rows.push({ raw: buffer.slice(consumed) });
    this.#buffer = buffer.slice(end);
    this.#want = end === 0 ? this.#want * 2 : this.readChars;
    this.#ready = rows;
    this.#at = 0;
  }
}

/**
 * CSV chunks: the first is the BOM, the header and its rows; each later one the exact text of its
 * rows, so the writer puts unchanged rows back byte for byte. Blank lines are kept but are not records.
 */
async function* csvChunks(rows: CsvRows, text: TextPieces, header: string | undefined, newline: string, size: ChunkSizes): AsyncGenerator<RecordChunk> {
  const top = (text.found.bom ? BOM : '') + (header ?? '');
  let parts: string[] = [top];
  let read: CsvRowRead[] = [];
  let records = 0;
  let line = 1 + countLineBreaks(top, 0, top.length, newline);
  let firstLine = 1;
  let cut = false;
  for (let row = await rows.next(); row !== undefined; row = await rows.next()) {
    const raw = row.raw;
    if (raw === '') continue;
    if (parts.length === 0) firstLine = line;
    parts.push(raw);
    read.push(row);
    line += countLineBreaks(raw, 0, raw.length, newline);
    if (raw !== newline) records++;
    if (records < (cut ? size.then : size.first)) continue;
    yield { ...text.chunk(parts.join(''), records, firstLine), rows: read };
    parts = [];
    read = [];
    records = 0;
    cut = true;
  }
  if (parts.length > 0 || !cut) yield { ...text.chunk(parts.join(''), records, firstLine), rows: read };
}

/**
 * JSON Lines chunks, cut after a `\n` (a JSON string cannot hold a raw one), each the exact text of
 * its lines; blank lines are kept but are not records.
 */
async function* jsonlChunks(text: TextPieces, size: ChunkSizes): AsyncGenerator<RecordChunk> {
  let parts: string[] = text.found.bom ? [BOM] : [];
  let records = 0;
  let line = 1;
  let firstLine = 1;
  let cut = false;
  let carry = '';
  const take = (lineText: string) => {
    if (parts.length === 0) firstLine = line;
    parts.push(lineText);
    if (/\S/.test(lineText)) records++;
  };
  while (!text.done) {
    const piece = carry + (await text.next());
    let at = 0;
    for (let nl = piece.indexOf('\n', carry.length); nl >= 0; nl = piece.indexOf('\n', at)) {
      take(piece.slice(at, nl + 1));
      at = nl + 1;
      line++;
      if (records < (cut ? size.then : size.first)) continue;
      yield text.chunk(parts.join(''), records, firstLine);
      parts = [];
      records = 0;
      cut = true;
    }
    carry = piece.slice(at);
  }
  if (carry !== '') take(carry);
  if (parts.length > 0 || !cut) yield text.chunk(parts.join(''), records, firstLine);
}

/** Chunks that let the source go when their reader stops early (a failed job, a refused file). */
async function* guarded(bytes: AsyncGenerator<Uint8Array>, chunks: AsyncGenerator<RecordChunk>): AsyncGenerator<RecordChunk, void, undefined> {
  try {
    yield* chunks;
  } finally {
    await bytes.return(undefined);
  }
}

/**
 * A copy of a short slice that does not keep the text it was cut from alive: engines (V8) may
 * represent a slice as a view of its parent, which would pin a read-ahead window for the file's life.
 */
function detached(slice: string): string {
  // Through JSON rather than UTF-8, which would turn a lone surrogate into U+FFFD.
  return JSON.parse(JSON.stringify(slice)) as string;
}
