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

  const onRow = (cells: string[], raw: string, errors: Papa.ParseError[]) => {
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
    while (layout.columns.length < cells.length) layout.columns.push(uniqueKeys([...layout.columns, ''])[layout.columns.length]!);
    const index = records.length;
    const fields: DatasetField[] = [];
    cells.forEach((text, c) => {
      const key = layout.columns[c]!;
      if (options.textFields === undefined || textColumns.has(key)) fields.push({ key, text });
    });
    const id = idColumn >= 0 && cells[idColumn] !== undefined && cells[idColumn] !== '' ? cells[idColumn]! : String(index);
    const error = errors.length > 0 ? quoteErrorCode(errors) : undefined;
    records.push({ id, index, fields, ...(error ? { error } : {}) });
    layout.recordPiece.push(layout.pieces.length - 1);
    layout.cells.push(cells);
  };

  forEachCsvRow(text, { delimiter, newline }, (cells, end, errors) => {
    onRow(cells, text.slice(at, end), errors);
    at = end;
  });
  if (at < text.length) layout.pieces.push(text.slice(at));
  return { records, layout };
}

/**
 * Every row of `text` with the offset where it ends (its line break included), as papaparse reads
 * it: the one place that decides row boundaries, so a file cut into chunks by these offsets reads
 * row for row like the whole file.
 */
export function forEachCsvRow(text: string, dialect: CsvDialect, onRow: (cells: string[], end: number, errors: Papa.ParseError[]) => void): void {
  Papa.parse<string[]>(text, {
    delimiter: dialect.delimiter,
    newline: dialect.newline as Papa.ParseConfig['newline'],
    quoteChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (row) => onRow(row.data, Math.min(row.meta.cursor, text.length), row.errors),
  });
}

/**
 * The header and every row as read, except rows in `masked` whose text changed: those are written
 * again from their cells with the masked fields in place (quoted only where needed), with the same
 * delimiter and line break.
 */
export function serializeCsv(layout: CsvLayout, records: readonly DatasetRecord[], masked: ReadonlyMap<number, DatasetField[]>): string {
  const out: string[] = [layout.bom ? BOM : '', layout.headerRow ?? ''];
  const recordAt = new Map<number, number>();
  layout.recordPiece.forEach((piece, record) => recordAt.set(piece, record));
  const columnOf = new Map(layout.columns.map((k, i) => [k, i] as const));
  layout.pieces.forEach((raw, p) => {
    const r = recordAt.get(p);
    const fields = r === undefined ? undefined : masked.get(r);
    if (r === undefined || fields === undefined) {
      out.push(raw);
      return;
    }
    const cells = [...layout.cells[r]!];
    let changed = false;
    const readable = new Set(records[r]!.fields.map((f) => f.key));
    for (const f of fields) {
      const c = columnOf.get(f.key);
      if (c === undefined || c >= cells.length || !readable.has(f.key) || cells[c] === f.text) continue;
      cells[c] = f.text;
      changed = true;
    }
    if (!changed) {
      out.push(raw);
      return;
    }
    const ending = raw.endsWith(layout.newline) ? layout.newline : '';
    out.push(Papa.unparse([cells], { delimiter: layout.delimiter, newline: layout.newline, quotes: false, header: false }) + ending);
  });
  return out.join('');
}

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
