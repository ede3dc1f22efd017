import type { DatasetField, ParsedFile } from '../datasets/index.js';
import type { Engine } from './engine.js';
import { FAILED_PLACEHOLDER, redactTexts, type RedactTextsOptions } from './redact-texts.js';
import type { Masker } from '../masks/index.js';
import { checkOverrideColumns, hasColumns, inferColumnPlan, listColumns, treatmentsFor, type ColumnPlan, type ResolvedOverride } from './columns/index.js';

export interface RedactedRecords {
  /** Masked fields per record index, ready for `serializeFile`. */
  masked: Map<number, DatasetField[]>;
  records: number;
  /** Records written with the placeholder (unreadable, or detection/masking failed). */
  failed: number;
  /** JSONL: the line numbers of the records that failed, in order (so they can be reported). */
  failedLines: number[];
  /** The column plan the records were masked with (CSV, JSON, JSONL); absent for TXT/MD or when switched off. */
  plan?: ColumnPlan;
}

export interface RedactRecordsOptions extends Omit<RedactTextsOptions, 'onProgress' | 'treatments'> {
  /** The types to find (resolved: the column plan needs them named). */
  types: readonly string[];
  onProgress?: (done: number) => void;
  /**
   * The column plan: given (a streamed file reuses the plan of its first chunk, so every chunk is
   * masked alike), inferred from these records when omitted, or `false` to scan every field alone.
   */
  plan?: ColumnPlan | false;
  /**
   * Checked column overrides, for an inferred plan. One naming no column of the file throws
   * `ColumnOverrideError` (`unknown_columns`) before anything is detected.
   */
  columnOverrides?: ReadonlyMap<string, ResolvedOverride>;
}

/**
 * Masks every field of every record of a parsed file (or of one chunk of a file), column by column
 * as the plan says (whole cells, kept identifiers, free text scanned with its header as context).
 * Records that could not be read are blanked too: they may hold PII we could not scan.
 */
export async function redactRecords(engine: Engine, masker: Masker, parsed: ParsedFile, options: RedactRecordsOptions): Promise<RedactedRecords> {
  const { onProgress, plan: given, columnOverrides, ...rest } = options;
  if (given === undefined && columnOverrides && columnOverrides.size > 0) checkOverrideColumns(columnOverrides, hasColumns(parsed.format) ? listColumns(parsed) : []);
  const plan = given === false ? undefined
    : given ?? (await inferColumnPlan(engine, parsed, {
      method: rest.method, types: rest.types, threshold: rest.threshold, locales: rest.locales, llmModel: rest.llmModel, signal: rest.signal,
      ...(columnOverrides ? { overrides: columnOverrides } : {}),
    }));
  // Every readable field in record order, as parallel lists (no object per field).
  const fields: DatasetField[] = [];
  const texts: string[] = [];
  const recordOf: number[] = [];
  const records = parsed.records;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.error !== undefined) continue;
    for (const f of r.fields) {
      fields.push(f);
      texts.push(f.text);
      recordOf.push(i);
    }
  }
  const treatments = treatmentsFor(fields, plan, parsed.format);
  const results = await redactTexts(engine, masker, texts, { ...rest, treatments, onProgress: onProgress && ((done) => onProgress(done)) });
  const masked = new Map<number, DatasetField[]>();
  const failed = new Set<number>();
  // Fields come record by record, so each record's fields are one run of them.
  let run: DatasetField[] = [];
  for (let j = 0; j < fields.length; j++) {
    const record = recordOf[j]!;
    const r = results[j]!;
    if (r.error !== undefined) failed.add(record);
    if (j === 0 || recordOf[j - 1] !== record) masked.set(record, (run = []));
    const f = fields[j]!;
    // An unchanged field is its own masked field (writers only read them).
    run.push(r.text === f.text ? f : { key: f.key, text: r.text });
  }
  for (const [i, r] of parsed.records.entries()) {
    if (r.error === undefined) continue;
    failed.add(i);
    masked.set(i, r.fields.map((f) => ({ key: f.key, text: FAILED_PLACEHOLDER })));
  }
  const failedLines = [...failed].sort((a, b) => a - b).flatMap((i) => (parsed.records[i]!.line !== undefined ? [parsed.records[i]!.line!] : []));
  return { masked, records: parsed.records.length, failed: failed.size, failedLines, ...(plan ? { plan } : {}) };
}
