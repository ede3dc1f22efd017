import { countLineBreaks, extendColumns, forEachCsvRow, parseCsv, unparseRow, writtenDelimiter, type CsvRowRead } from '../datasets/csv.js';
import type { ChunkLayout } from '../datasets/record-chunks.js';
import type { Span } from '../types.js';
import type { Masker } from '../masks/index.js';
import type { DetectOptions, Engine } from './engine.js';
import { throwIfAborted } from './errors.js';
import { defaultBatchSize, detectEach, FAILED_PLACEHOLDER, scanInput, scannedSpans, type RedactTextsOptions, type ScanTreatment } from './redact-texts.js';
import { columnTreatments, UNPLANNED, type ColumnTreatment } from './columns/treatments.js';
import { wholeCellSpan } from './columns/cell-values.js';
import type { ColumnPlan } from './columns/index.js';

/** A CSV chunk after the first, masked as a whole: its text, as the generic path writes it, and its counts. */
export interface RedactedCsvRows {
  text: string;
  records: number;
  failed: number;
  /** Line numbers of the rows with a quote error (the generic path reports only those for CSV). */
  failedLines: number[];
}

/**
 * What a file's scanned cells were found to hold, kept from chunk to chunk: a table's categorical
 * columns (a status, a city, a department) repeat a few values all the way down, and detection is
 * a pure function of the text. Bounded per column; a column of distinct values (names, notes) is
 * soon not looked up at all, since looking up and remembering each cell then only costs.
 */
export class CellFindings {
  readonly #columns = new Map<string, { cells: Map<string, Span[]>; lookups: number; hits: number }>();

  constructor(private readonly perColumn = 4096) {}

  /** Whether the column's cells repeat enough to be looked up (and, within a chunk, detected once). */
  repeats(column: string): boolean {
    const c = this.#columns.get(column);
    return c === undefined || c.lookups < MIN_LOOKUPS || c.hits * MIN_HIT_SHARE >= c.lookups;
  }

  find(column: string, cell: string): Span[] | undefined {
    let c = this.#columns.get(column);
    if (c === undefined) this.#columns.set(column, (c = { cells: new Map(), lookups: 0, hits: 0 }));
    c.lookups++;
    const spans = c.cells.get(cell);
    if (spans !== undefined) c.hits++;
    return spans;
  }

  /** Counts a cell that `find` missed but that repeats one pending in the same chunk. */
  repeated(column: string): void {
    const c = this.#columns.get(column);
    if (c !== undefined) c.hits++;
  }

  keep(column: string, cell: string, spans: Span[]): void {
    const c = this.#columns.get(column);
    if (c !== undefined && c.cells.size < this.perColumn) c.cells.set(cell, spans);
  }
}

/** A column is judged after this many lookups, and kept while one in `MIN_HIT_SHARE` hits. */
const MIN_LOOKUPS = 2048;
const MIN_HIT_SHARE = 8;

export interface RedactCsvRowsOptions extends Omit<RedactTextsOptions, 'treatments' | 'onProgress'> {
  types: readonly string[];
  /** Findings kept across the file's chunks (one per file: a plan's columns are the file's). */
  findings?: CellFindings;
}

/**
 * Masks a CSV chunk after the first under the file's plan, column by column, and writes it: the
 * bytes and counts `parseChunk` → `redactRecords` → `writeChunk` give (a test holds the two paths to
 * it), without an object per cell. Tables are where the volume is: a 20 MB export is millions of
 * short cells, and per-cell records, treatments and results cost more than detecting and masking
 * them. Each distinct scanned cell of a column is detected once per file (`CellFindings`); masks
 * still run row by row, in the order the generic path runs them (PSEUDONYMIZE numbers in order of
 * sight).
 *
 * Returns undefined where this path does not apply, and the caller takes the generic one: the
 * Windows-1252 output (whose masks may need refitting), or rows it cannot line up with the head.
 */
export async function redactCsvRows(
  engine: Engine,
  masker: Masker,
  layout: ChunkLayout,
  chunk: { text: string; firstLine?: number; rows?: readonly CsvRowRead[] },
  plan: ColumnPlan,
  options: RedactCsvRowsOptions,
): Promise<RedactedCsvRows | undefined> {
  const dialect = layout.options.csvDialect;
  if (layout.format !== 'csv' || dialect === undefined || layout.encoding === 'windows-1252') return undefined;
  const rows = chunk.rows ?? rowsAfterHead(layout.head + chunk.text, layout.head.length, dialect);
  if (rows === undefined) return undefined;
  const { findings = new CellFindings(), maskConfig, displayLabel, batchSize: givenBatch, ...detect } = options;
  const { newline } = dialect;
  const head = parseCsv(layout.head, false, {
    dialect, ...(layout.options.csvHeaders ? { csvHeaders: layout.options.csvHeaders } : {}),
  });
  const columns = head.layout.columns.slice();
  const textColumns = layout.options.textFields ? new Set(layout.options.textFields) : undefined;
  const byColumn = columnTreatments(plan);

  const treatments: (ColumnTreatment | undefined)[] = [];
  const treatmentOf = (c: number): ColumnTreatment | undefined => {
    if (c >= treatments.length) {
      if (columns.length <= c) extendColumns(columns, c + 1);
      for (let k = treatments.length; k <= c; k++) {
        const key = columns[k]!;
        treatments.push(textColumns && !textColumns.has(key) ? undefined : (byColumn.get(key) ?? UNPLANNED));
      }
    }
    return treatments[c];
  };
  const { pending, inputs, slots } = listScannedCells(rows, newline, treatmentOf, columns, findings);
  const detected = await detectCells(engine, pending, inputs, detect, givenBatch ?? defaultBatchSize(detect), findings);

  // Masks, row by row (the order PSEUDONYMIZE numbers in); a row is written again only when a cell changed.
  const delimiter = writtenDelimiter(dialect.delimiter);
  const out: string[] = [];
  let records = 0;
  let failed = 0;
  const failedLines: number[] = [];
  let line = chunk.firstLine ?? 1 + countLineBreaks(layout.head, 0, layout.head.length, newline);
  let nextSlot = 0;
  for (const row of rows) {
    const { raw, cells } = row;
    if (cells === undefined) {
      out.push(raw); // the tail papaparse left at the end of a file
      continue;
    }
    const rowLine = line;
    line += countLineBreaks(raw, 0, raw.length, newline);
    if (raw === '') continue;
    if (raw === newline) {
      out.push(raw);
      continue;
    }
    records++;
    let written: string[] | undefined;
    let rowFailed = false;
    if (row.errors !== undefined) {
      // Unreadable rows are blanked whole: they may hold PII that could not be scanned.
      rowFailed = true;
      failedLines.push(rowLine);
      for (let c = 0; c < cells.length; c++) {
        if (treatmentOf(c) === undefined) continue; // not a text field
        if (cells[c] !== FAILED_PLACEHOLDER) (written ??= cells.slice())[c] = FAILED_PLACEHOLDER;
      }
    } else {
      for (let c = 0; c < cells.length; c++) {
        const t = treatmentOf(c);
        if (t === undefined) continue;
        const cell = cells[c]!;
        let spans: readonly Span[];
        if (t.shared === undefined) {
          const span = wholeCellSpan(cell, t.type);
          if (span === undefined) continue;
          spans = [span];
        } else if (t.shared.kind === 'fixed') {
          if (t.shared.spans.length === 0) continue;
          spans = t.shared.spans;
        } else {
          const slot = slots[nextSlot++]!;
          const found = typeof slot === 'number' ? detected[slot] : slot;
          if (found === undefined) {
            rowFailed = true;
            if (cell !== FAILED_PLACEHOLDER) (written ??= cells.slice())[c] = FAILED_PLACEHOLDER;
            continue;
          }
          if (found.length === 0) continue;
          spans = found;
        }
        let masked: string;
        try {
          const now = masker.maskNow(cell, spans, maskConfig, displayLabel);
          masked = typeof now === 'string' ? now : await now;
        } catch {
          rowFailed = true;
          masked = FAILED_PLACEHOLDER;
        }
        if (masked !== cell) (written ??= cells.slice())[c] = masked;
      }
    }
    if (rowFailed) failed++;
    if (written === undefined) out.push(raw);
    else out.push(unparseRow(written, delimiter) + (raw.endsWith(newline) ? newline : ''));
  }
  return { text: out.join(''), records, failed, failedLines };
}

/** A distinct scanned cell to detect: `kept` when its column repeats (its findings are remembered). */
interface PendingCell {
  column: string;
  cell: string;
  scan: ScanTreatment;
  kept: boolean;
}

/**
 * Every scanned cell of the readable records, in row order (`slots`: its spans when the file's
 * findings know them, else the index of its detection in `pending`), and the texts to detect, each
 * distinct cell of a repeating column once.
 */
function listScannedCells(
  rows: readonly CsvRowRead[],
  newline: string,
  treatmentOf: (c: number) => ColumnTreatment | undefined,
  columns: readonly string[],
  findings: CellFindings,
): { pending: PendingCell[]; inputs: string[]; slots: Array<Span[] | number> } {
  const pending: PendingCell[] = [];
  const inputs: string[] = [];
  const slots: Array<Span[] | number> = [];
  const chunkSeen = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const cells = row.cells;
    if (cells === undefined || row.raw === newline || row.raw === '' || row.errors !== undefined) continue;
    for (let c = 0; c < cells.length; c++) {
      const t = treatmentOf(c);
      if (t === undefined || t.shared === undefined || t.shared.kind !== 'scan') continue;
      const column = columns[c]!;
      const cell = cells[c]!;
      const repeats = findings.repeats(column);
      if (repeats) {
        const known = findings.find(column, cell);
        if (known !== undefined) {
          slots.push(known);
          continue;
        }
        let seen = chunkSeen.get(column);
        if (seen === undefined) chunkSeen.set(column, (seen = new Map()));
        const k = seen.get(cell);
        if (k !== undefined) {
          findings.repeated(column);
          slots.push(k);
          continue;
        }
        seen.set(cell, pending.length);
      }
      slots.push(pending.length);
      pending.push({ column, cell, scan: t.shared, kept: repeats });
      inputs.push(scanInput(cell, t.shared));
    }
  }
  return { pending, inputs, slots };
}

/**
 * Detects the pending cells in the batches the generic path uses, their spans in the cell's own
 * offsets (the header context taken off, prose refined); undefined for a cell whose detection
 * failed, which then fails alone.
 */
async function detectCells(
  engine: Engine,
  pending: readonly PendingCell[],
  inputs: readonly string[],
  detect: DetectOptions,
  batchSize: number,
  findings: CellFindings,
): Promise<(Span[] | undefined)[]> {
  const detected: (Span[] | undefined)[] = new Array(pending.length);
  for (let start = 0; start < inputs.length; start += batchSize) {
    throwIfAborted(detect.signal);
    const found = await detectEach(engine, inputs.slice(start, start + batchSize), detect);
    for (let k = 0; k < found.length; k++) {
      const d = found[k]!;
      if (d.error !== undefined) continue;
      const { column, cell, scan, kept } = pending[start + k]!;
      const spans = scannedSpans(cell, d.spans, scan);
      detected[start + k] = spans;
      if (kept) findings.keep(column, cell, spans);
    }
  }
  return detected;
}

/**
 * The rows of `text` after its head (the first `headLength` characters, one row), as the cutter
 * reads them; undefined when the head does not read as exactly one row.
 */
function rowsAfterHead(text: string, headLength: number, dialect: { delimiter: string; newline: string }): CsvRowRead[] | undefined {
  const rows: CsvRowRead[] = [];
  let at = 0;
  let aligned = true;
  const end = forEachCsvRow(text, dialect, (cells, rowEnd, errors) => {
    if (at === 0) aligned = rowEnd === headLength;
    else rows.push(errors.length > 0 ? { raw: text.slice(at, rowEnd), cells, errors } : { raw: text.slice(at, rowEnd), cells });
    at = rowEnd;
  });
  if (!aligned || at === 0) return undefined;
  if (end < text.length) rows.push({ raw: text.slice(end) });
  return rows;
}
