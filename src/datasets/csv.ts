import Papa from 'papaparse';
import { BOM } from './decode.js';
import type { CsvDialect, CsvLayout, DatasetField, DatasetRecord } from './types.js';

const DELIMITERS = [',', '\t', ';', '|'] as const;

export interface CsvOptions {
  textFields?: readonly string[];
  /** Column names for a file without a header row. */
  csvHeaders?: readonly string[];
  /** Delimiter to prefer when the first row holds none (`\t` for `.tsv`). */
  defaultDelimiter?: string;
  /** Delimiter and line break to use instead of sniffing them. */
  dialect?: CsvDialect;
  /** The file's line number of the text's first line, for a chunk of a bigger file. @defaultValue 1 */
  firstLine?: number;
  /**
   * Rows already read by `forEachCsvRow` (a chunk's, as the file was cut) that follow `text`: taken
   * as they are rather than read again, so the result is that of the text followed by their raw texts.
   */
  rows?: readonly CsvRowRead[];
}

/** One row as `forEachCsvRow` read it; no cells for the tail papaparse left at the end of a file. */
export interface CsvRowRead {
  raw: string;
  cells?: string[];
  errors?: Papa.ParseError[];
}

/**
 * CSV through papaparse: quoted fields, embedded line breaks, doubled quotes. The first row is the
 * header (unless `csvHeaders` names the columns); every later non-blank row is a record whose
 * fields are its cells keyed by column name. Every column is text unless `textFields` says
 * otherwise. A row with a quote problem papaparse reports keeps its cells as fields but carries an
 * `error` code. The raw text of each row is kept, so unchanged rows are written back byte for byte.
 */
export function parseCsv(text: string, bom: boolean, options: CsvOptions = {}): { records: DatasetRecord[]; layout: CsvLayout } {
  const { delimiter, newline } = options.dialect ?? sniffDialect(text, options.defaultDelimiter ?? ',');
  const layout: CsvLayout = {
    kind: 'csv', bom, delimiter, newline, headerRow: null, columns: uniqueKeys(options.csvHeaders ?? []), pieces: [], recordPiece: [], cells: [],
  };
  const records: DatasetRecord[] = [];
  let header = options.csvHeaders === undefined;
  let at = 0;
  let idColumn = layout.columns.findIndex((c) => c.toLowerCase() === 'id');
  const textColumns = new Set<string>(options.textFields ?? []);

  // A broken row knows its line in the file, so it can be pointed at.
  let line = options.firstLine ?? 1;
  const onRow = (cells: string[], raw: string, errors: Papa.ParseError[], rowLine: number) => {
    if (header) {
      header = false;
      layout.headerRow = raw;
      layout.columns = uniqueKeys(cells);
      idColumn = layout.columns.findIndex((c) => c.toLowerCase() === 'id');
      return;
    }
    if (raw === '') return;
    layout.pieces.push(raw);
    if (raw === newline || raw === '') return; // a blank line: kept, not a record
    if (layout.columns.length < cells.length) extendColumns(layout.columns, cells.length);
    const index = records.length;
    const fields: DatasetField[] = [];
    for (let c = 0; c < cells.length; c++) {
      const key = layout.columns[c]!;
      if (options.textFields === undefined || textColumns.has(key)) fields.push({ key, text: cells[c]! });
    }
    const id = idColumn >= 0 && cells[idColumn] !== undefined && cells[idColumn] !== '' ? cells[idColumn]! : String(index);
    const error = errors.length > 0 ? quoteErrorCode(errors) : undefined;
    records.push(error ? { id, index, fields, error, line: rowLine } : { id, index, fields });
    layout.recordPiece.push(layout.pieces.length - 1);
    layout.cells.push(cells);
  };

  forEachCsvRow(text, { delimiter, newline }, (cells, end, errors) => {
    onRow(cells, text.slice(at, end), errors, line);
    line += countLineBreaks(text, at, end, newline);
    at = end;
  });
  if (at < text.length) layout.pieces.push(text.slice(at));
  for (const row of options.rows ?? []) {
    if (row.cells === undefined) {
      layout.pieces.push(row.raw);
      continue;
    }
    onRow(row.cells, row.raw, row.errors ?? NO_ERRORS, line);
    line += countLineBreaks(row.raw, 0, row.raw.length, newline);
  }
  return { records, layout };
}

const NO_ERRORS: Papa.ParseError[] = [];

/**
 * Every row of `text` (the file's BOM taken off) with the offset where it ends (its line break
 * included), as papaparse reads it: the one place that decides row boundaries, so a file cut into
 * chunks by these offsets reads row for row like the whole file.
 *
 * One repair on top of papaparse: a row with a quote error that spans line breaks, and whose first
 * line alone already has a quote error, is cut after that first line. Papaparse would otherwise
 * carry an unclosed quote into the rows after it and swallow them into the broken row; this way only
 * the broken line fails and the rows after it are read in place.
 *
 * With `final: false` the text is a prefix of the file (a stream): reading stops before the first
 * row that reaches the end of the text, since more text could change it. Returns the offset reached.
 */
export function forEachCsvRow(
  text: string,
  dialect: CsvDialect,
  onRow: (cells: string[], end: number, errors: Papa.ParseError[]) => void,
  final = true,
): number {
  let from = 0;
  let size = WINDOW_CHARS;
  while (from < text.length) {
    const to = Math.min(text.length, from + size);
    const last = final && to === text.length;
    const { next, repaired } = readWindow(text, from, last ? to : uncutEnd(text, from, to), last, dialect, onRow);
    if (next === from) {
      if (to === text.length) return from; // a row that may go on past the text: wait for more
      size *= 2; // one row longer than the window
      continue;
    }
    from = next;
    size = repaired ? REPAIR_WINDOW_CHARS : Math.min(size * 2, MAX_WINDOW_CHARS);
  }
  return from;
}

/**
 * Where a window that is not the end of the file may end: before a quote that only whitespace
 * follows (papaparse allows whitespace, part of a CRLF included, between a closing quote and the
 * delimiter or line break). Cut from what follows it, papaparse takes such a quote for a malformed
 * one (`InvalidQuotes`), and the row would be repaired as broken though the whole file reads it
 * clean; ending before the quote leaves it open, to be read with more text.
 */
function uncutEnd(text: string, from: number, to: number): number {
  let at = to;
  while (at > from && /\s/.test(text[at - 1]!)) at--;
  return at > from && text[at - 1] === '"' ? at - 1 : to;
}

/**
 * Text is read a window at a time, so a broken row costs a re-read of one window, not of the rest of
 * the file (papaparse looks for the closing quote up to the end of what it is given): small right
 * after a repair, growing while rows read clean.
 */
const WINDOW_CHARS = 1 << 16;
const REPAIR_WINDOW_CHARS = 1 << 12;
const MAX_WINDOW_CHARS = 1 << 22;

/**
 * The rows of `text[from, to)` that are sure: each ends before `to` (or `to` is the end of the
 * file: `last`), or is a broken row cut after its first line. A row with only an unclosed quote at
 * `to` is not sure (the quote may close further on) and is left to the next, bigger window. Returns
 * where the sure rows end and whether the last one was a repair.
 */
function readWindow(
  text: string,
  from: number,
  to: number,
  last: boolean,
  dialect: CsvDialect,
  onRow: (cells: string[], end: number, errors: Papa.ParseError[]) => void,
): { next: number; repaired: boolean } {
  let next = from;
  let repaired = false;
  const shield = shieldOf(text, from, dialect);
  if (shield === '' && splitsPlainly(dialect) && text.slice(from, to).indexOf('"') < 0) return { next: readPlainWindow(text, from, to, last, dialect, onRow), repaired };
  let skip = shield !== '';
  Papa.parse<string[]>(shield + (from === 0 && to === text.length ? text : text.slice(from, to)), {
    ...papaDialect(dialect),
    step: (row, parser) => {
      if (skip) {
        skip = false; // the blank row the shield makes
        return;
      }
      const end = Math.min(from + row.meta.cursor - shield.length, to);
      const open = end >= to && !last;
      if (row.errors.length > 0) {
        // Other quote errors are already there, whatever follows; an unclosed quote at `to` may close later.
        const sure = !open || row.errors.some((e) => e.code !== 'MissingQuotes');
        const lineEnd = firstLineEnd(text, next, end, dialect.newline);
        if (sure && lineEnd < end) {
          const lineShield = shieldOf(text, next, dialect);
          const alone = Papa.parse<string[]>(lineShield + text.slice(next, lineEnd), papaDialect(dialect));
          if (alone.errors.length > 0) {
            onRow(alone.data[lineShield === '' ? 0 : 1] ?? [], lineEnd, alone.errors);
            next = lineEnd;
            repaired = true;
            parser.abort();
            return;
          }
        }
      }
      if (open) {
        parser.abort();
        return;
      }
      onRow(row.data, end, row.errors);
      next = end;
      repaired = false;
    },
  });
  return { next, repaired };
}

/**
 * Text without a quote, read as papaparse reads it (its "fast mode": lines split at the line break,
 * cells at the delimiter, no errors possible), without a result object and a callback per row:
 * most windows of most tables hold no quote at all. The same rows and offsets as `Papa.parse` (a
 * test compares them); a row reaching `to` is left for the next window unless `last`.
 */
function readPlainWindow(
  text: string,
  from: number,
  to: number,
  last: boolean,
  { delimiter, newline }: CsvDialect,
  onRow: (cells: string[], end: number, errors: Papa.ParseError[]) => void,
): number {
  let next = from;
  for (;;) {
    const at = text.indexOf(newline, next);
    const closed = at >= 0 && at + newline.length <= to;
    const end = closed ? at + newline.length : to;
    if (end >= to && !last) return next;
    onRow(text.slice(next, closed ? at : to).split(delimiter), end, NO_ERRORS);
    next = end;
    // What follows the last line break is a row too (papaparse reads '' there).
    if (!closed) return next;
  }
}

/** Whether papaparse would read quote-free text with this dialect as it is (see `readPlainWindow`). */
function splitsPlainly({ delimiter, newline }: CsvDialect): boolean {
  return (newline === '\n' || newline === '\r' || newline === '\r\n') && delimiter !== '' && !BAD_DELIMITERS.has(delimiter);
}

const BAD_DELIMITERS = new Set<string>(Papa.BAD_DELIMITERS);

/**
 * A line break to put in front of text that starts at `from` with U+FEFF: papaparse drops a
 * leading U+FEFF as a BOM, which would shift every offset and change the first cell. (The file's
 * own BOM is gone before rows are read; one left is text, or a row of a stream starting with it.)
 */
function shieldOf(text: string, from: number, dialect: CsvDialect): string {
  return text.charCodeAt(from) === 0xfeff ? dialect.newline : '';
}

function papaDialect(dialect: CsvDialect): Papa.ParseConfig<string[]> {
  return {
    delimiter: dialect.delimiter,
    newline: dialect.newline as Papa.ParseConfig['newline'],
    quoteChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  };
}

/** The offset just after the first line break in `text[from, to)`, or `to` when there is none before it. */
function firstLineEnd(text: string, from: number, to: number, newline: string): number {
  const at = text.indexOf(newline, from);
  return at < 0 || at + newline.length >= to ? to : at + newline.length;
}

/** Line breaks in `text[from, to)`, counted by the file's line break (so a CRLF is one). */
export function countLineBreaks(text: string, from: number, to: number, newline: string): number {
  let n = 0;
  for (let at = text.indexOf(newline, from); at >= 0 && at + newline.length <= to; at = text.indexOf(newline, at + newline.length)) n++;
  return n;
}

/**
 * The header and every row as read, except rows in `masked` whose text changed: those are written
 * again from their cells with the masked fields in place (quoted only where needed), with the same
 * delimiter and line break.
 */
export function serializeCsv(layout: CsvLayout, records: readonly DatasetRecord[], masked: ReadonlyMap<number, DatasetField[]>): string {
  const out: string[] = [layout.bom ? BOM : '', layout.headerRow ?? ''];
  // Records come in piece order, so one cursor walks both lists.
  const recordPiece = layout.recordPiece;
  let r = 0;
  const columnOf = new Map(layout.columns.map((k, i) => [k, i] as const));
  const pieces = layout.pieces;
  for (let p = 0; p < pieces.length; p++) {
    const raw = pieces[p]!;
    while (r < recordPiece.length && recordPiece[r]! < p) r++;
    const fields = r < recordPiece.length && recordPiece[r] === p ? masked.get(r) : undefined;
    const row = fields === undefined ? undefined : maskedRow(layout.cells[r]!, records[r]!.fields, fields, columnOf);
    if (row === undefined) {
      out.push(raw);
      continue;
    }
    const ending = raw.endsWith(layout.newline) ? layout.newline : '';
    out.push(unparseRow(row, writtenDelimiter(layout.delimiter)) + ending);
  }
  return out.join('');
}

/** The row's cells with the masked fields in place, or undefined when none changed. */
function maskedRow(
  cells: readonly string[],
  read: readonly DatasetField[],
  fields: readonly DatasetField[],
  columnOf: ReadonlyMap<string, number>,
): string[] | undefined {
  let row: string[] | undefined;
  for (const f of fields) {
    const c = columnOf.get(f.key);
    if (c === undefined || c >= cells.length || cells[c] === f.text || !read.some((g) => g.key === f.key)) continue;
    row ??= cells.slice();
    row[c] = f.text;
  }
  return row;
}

/**
 * One row as `Papa.unparse([cells], { delimiter, quotes: false })` writes it, without its per-call
 * set-up: a cell is quoted when it holds a quote, a line break, a BOM or the delimiter, or starts or
 * ends with a space; quotes inside are doubled.
 */
export function unparseRow(cells: readonly string[], delimiter: string): string {
  let line = '';
  for (let c = 0; c < cells.length; c++) {
    if (c > 0) line += delimiter;
    const cell = cells[c] ?? '';
    const quote = cell.indexOf('"') >= 0;
    const text = quote ? cell.replace(/"/g, '""') : cell;
    const needsQuotes = quote || NEEDS_QUOTES.test(text) || text.indexOf(delimiter) >= 0 || text.charCodeAt(0) === 0x20 || text.charCodeAt(text.length - 1) === 0x20;
    line += needsQuotes ? `"${text}"` : text;
  }
  return line;
}

/** The delimiter papaparse writes with: its default (`,`) for one holding a line break, quote or BOM. */
export function writtenDelimiter(delimiter: string): string {
  return /[\r\n"\uFEFF]/.test(delimiter) ? ',' : delimiter;
}

/** Papaparse's `BAD_DELIMITERS` but the quote (checked apart): a cell holding one is quoted. */
const NEEDS_QUOTES = /[\r\n\uFEFF]/;

/**
 * Delimiter: the candidate seen most often outside quotes in the first row (ties and none → the
 * default). Line break: the first one outside quotes. Looking at the first row only keeps a
 * delimiter inside later cells from winning.
 */
export function sniffDialect(text: string, defaultDelimiter: string): CsvDialect {
  const counts = new Map<string, number>();
  let inQuotes = false;
  let newline: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      newline = c === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
      break;
    } else if (!inQuotes && (DELIMITERS as readonly string[]).includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let delimiter = defaultDelimiter;
  let best = counts.get(defaultDelimiter) ?? 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > best) {
      best = n;
      delimiter = d;
    }
  }
  return { delimiter, newline: newline ?? '\n' };
}

/**
 * Whether `text` holds the whole first row as `sniffDialect` reads it (a line break outside quotes,
 * and the character after a `\r`), so a stream knows when the dialect can be sniffed.
 */
export function holdsFirstRow(text: string): boolean {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) return c === '\n' || i + 1 < text.length;
  }
  return false;
}

/** Names the extra columns of a row longer than the header (`[i]`, made unique), in place. */
export function extendColumns(columns: string[], count: number): void {
  while (columns.length < count) columns.push(uniqueKeys([...columns, ''])[columns.length]!);
}

/** Header names as field keys: blanks and repeats become `[i]` (the column index), made unique. */
function uniqueKeys(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name, i) => {
    let key = name !== '' && !seen.has(name) ? name : `[${i}]`;
    while (seen.has(key)) key = `${key}'`;
    seen.add(key);
    return key;
  });
}

function quoteErrorCode(errors: readonly Papa.ParseError[]): string {
  if (errors.some((e) => e.code === 'MissingQuotes')) return 'csv_unclosed_quote';
  if (errors.some((e) => e.code === 'InvalidQuotes')) return 'csv_malformed_quotes';
  return `csv_${errors[0]!.code.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`).replace(/^_/, '')}`;
}
