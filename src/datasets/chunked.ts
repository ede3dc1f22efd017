import { countLineBreaks, forEachCsvRow, sniffDialect } from './csv.js';
import { BOM, decodeText } from './decode.js';
import { detectFormat, isTsv } from './format.js';
import { parseFile, serializeFile } from './index.js';
import type { CsvDialect, DatasetField, DatasetFormat, ParsedFile, ParseOptions } from './types.js';

/** Records per chunk: enough to batch the engine, few enough to keep a job's working set small. */
export const CHUNK_RECORDS = 2000;

/**
 * A file kept as record chunks, so a job holds one chunk's records at a time instead of the whole
 * file parsed. CSV and JSON Lines are cut at record boundaries; JSON, TXT and MD are one chunk.
 * Each chunk is read by the same reader and written by the same writer as the whole file would be,
 * so chunking changes memory, not output: the written chunks, joined, are the written file.
 */
export interface ChunkedFile {
  name: string;
  format: DatasetFormat;
  /** UTF-8 text of each chunk (off the JS heap). The first keeps the file's BOM. */
  chunks: Uint8Array[];
  /** Records in each chunk. */
  records: number[];
  /**
   * Put in front of every chunk after the first to read it, and taken off what it writes: the CSV
   * header row, or a blank line (not a record) so a chunk's leading U+FEFF is not read as a BOM.
   */
  head: string;
  /** JSONL and CSV: the file's line number of each chunk's first line, so records know their line. */
  firstLines?: number[];
  /** What every chunk is read with (the format and CSV dialect are fixed by the whole file). */
  options: ParseOptions;
}

/**
 * Cuts a file into chunks of at most `chunkRecords` records. Throws `DatasetError` only when the
 * whole file is unreadable (a JSON file that does not parse), like `parseFile`.
 */
export function chunkFile(name: string, content: string | Uint8Array, options: ParseOptions = {}, chunkRecords = CHUNK_RECORDS): ChunkedFile {
  const { text, bom } = decodeText(content);
  const format = options.format ?? detectFormat(name, text, options.contentType);
  const encoder = new TextEncoder();
  const encode = (from: number, to: number, first: boolean) => encoder.encode((first && bom ? BOM : '') + text.slice(from, to));

  if (format === 'csv') {
    const csvDialect = options.csvDialect ?? sniffDialect(text, isTsv(name) ? '\t' : ',');
    const { head, cuts } = cutCsv(text, csvDialect, options.csvHeaders === undefined, chunkRecords);
    let line = 1;
    let at = 0;
    const firstLines = cuts.map((c, i) => {
      if (i === 0) return 1;
      line += countLineBreaks(text, at, c.from, csvDialect.newline);
      at = c.from;
      return line;
    });
    return {
      name, format, head: head === '' ? csvDialect.newline : head,
      chunks: cuts.map((c, i) => encode(i === 0 ? 0 : c.from, c.to, i === 0)),
      records: cuts.map((c) => c.records), firstLines,
      options: { ...options, format, csvDialect },
    };
  }
  if (format === 'jsonl') {
    const cuts = cutLines(text, chunkRecords);
    let line = 1;
    let at = 0;
    const firstLines = cuts.map((c) => {
      for (let nl = text.indexOf('\n', at); nl >= 0 && nl < c.from; nl = text.indexOf('\n', nl + 1)) line++;
      at = c.from;
      return line;
    });
    return {
      name, format, head: '\n', chunks: cuts.map((c, i) => encode(c.from, c.to, i === 0)), records: cuts.map((c) => c.records), firstLines,
      options: { ...options, format },
    };
  }
  // One chunk: read once now, so an unreadable file is refused when it is added, not when a job runs.
  // (the text already decoded: a BOM changes how a file is written, not what it holds)
  const parsed = parseFile(name, text, { ...options, format });
  return { name, format, head: '', chunks: [encode(0, text.length, true)], records: [parsed.records.length], options: { ...options, format } };
}

/** Total records of the file. */
export function recordCount(file: ChunkedFile): number {
  return file.records.reduce((a, b) => a + b, 0);
}

/** Reads chunk `i`; its record indices start at 0 (add the records of the chunks before it). */
export function readChunk(file: ChunkedFile, i: number): ParsedFile {
  const bytes = file.chunks[i];
  if (bytes === undefined) throw new RangeError(`chunk ${i} out of range`);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const first = file.firstLines?.[i];
  // The head in front of a later chunk is more lines (one, or the CSV header's): number from before them.
  const headLines = countLineBreaks(file.head, 0, file.head.length, file.options.csvDialect?.newline ?? '\n');
  const options = first === undefined ? file.options : { ...file.options, firstLine: i > 0 ? first - headLines : first };
  return parseFile(file.name, i > 0 ? file.head + text : text, options);
}

/** Writes chunk `i` back with `masked` fields in place: the piece of the output file it stands for. */
export function writeChunk(file: ChunkedFile, i: number, parsed: ParsedFile, masked: ReadonlyMap<number, DatasetField[]>): string {
  const text = serializeFile(parsed, masked);
  if (i === 0 || file.head === '') return text;
  // Writers put unchanged rows and lines back as they were read, so the head comes back exactly.
  if (!text.startsWith(file.head)) throw new Error('chunk writer lost the chunk head');
  return text.slice(file.head.length);
}

interface Cut {
  from: number;
  to: number;
  records: number;
}

/** Collects cuts: a new chunk after every `every` records; what follows the last cut is the last chunk. */
class Cutter {
  readonly cuts: Cut[] = [];
  #from: number;
  #records = 0;

  constructor(
    private readonly every: number,
    from = 0,
  ) {
    this.#from = from;
  }

  /** A piece of the text ending at `end`: a record, or not (a blank line, the header). */
  add(end: number, isRecord: boolean): void {
    if (!isRecord) return;
    if (++this.#records < this.every) return;
    this.cuts.push({ from: this.#from, to: end, records: this.#records });
    this.#from = end;
    this.#records = 0;
  }

  finish(length: number): Cut[] {
    if (this.#from < length || this.#records > 0 || this.cuts.length === 0) this.cuts.push({ from: this.#from, to: length, records: this.#records });
    return this.cuts;
  }
}

/**
 * Rows as the CSV reader sees them (`forEachCsvRow`), cut after every `every` records. The first
 * row is the header unless the columns were named by the caller; blank lines are not records.
 */
function cutCsv(text: string, dialect: CsvDialect, hasHeader: boolean, every: number): { head: string; cuts: Cut[] } {
  let head = '';
  let cutter: Cutter | undefined = hasHeader ? undefined : new Cutter(every);
  let at = 0;
  forEachCsvRow(text, dialect, (_cells, end) => {
    if (cutter === undefined) {
      head = detached(text.slice(at, end));
      cutter = new Cutter(every, end);
    } else {
      cutter.add(end, end > at && !(end - at === dialect.newline.length && text.startsWith(dialect.newline, at)));
    }
    at = end;
  });
  return { head, cuts: (cutter ?? new Cutter(every, text.length)).finish(text.length) };
}

/**
 * A copy of a short slice that does not keep the whole text alive: engines (V8) may represent a
 * slice as a view of its parent, which would pin the decoded file in memory for the dataset's life.
 */
function detached(slice: string): string {
  return new TextDecoder().decode(new TextEncoder().encode(slice));
}

/** JSON Lines cut after a `\n` (a JSON string cannot hold a raw one); blank lines are not records. */
function cutLines(text: string, every: number): Cut[] {
  const cutter = new Cutter(every);
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl + 1;
    cutter.add(end, /\S/.test(text.slice(at, end)));
    at = end;
  }
  return cutter.finish(text.length);
}
