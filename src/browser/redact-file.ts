/**
 * Redact before upload: a `File` or `Blob` in, the anonymized `File` out, same name, same type,
 * same format (a CSV keeps its header, delimiter and row count). Use it in a form's submit handler
 * so that only masked text ever leaves the page:
 *
 * ```ts
 * const engine = createWorkerEngine();              // keeps the page responsive
 * form.onsubmit = async (event) => {
 *   event.preventDefault();
 *   const safe = await redactFile(input.files[0], { engine, types: ['PERSON', 'EMAIL'] });
 *   const body = new FormData(); body.set('file', safe);
 *   await fetch('/upload', { method: 'POST', body });
 * };
 * ```
 *
 * A text whose detection or masking fails is written as `[REDACTION_FAILED]`, and an unreadable
 * record is blanked the same way (a JSONL line that is not JSON becomes `{"error", "line"}`):
 * nothing unscanned reaches the output.
 */
import { contentTypeOf, parseFile, serializeFile, type ParseOptions } from '../datasets/index.js';
import { createMasker, type PseudonymMap } from '../masks/index.js';
import { redactRecords } from '../engine/redact-records.js';
import { resolveColumnOverrides, type ColumnOverrides, type ColumnPlan } from '../engine/columns/index.js';
import { resolveSimpleRequest, withEngine, type SimpleRedactOptions } from '../simple/request.js';

export interface RedactFileOptions extends SimpleRedactOptions {
  /** Which fields hold text (CSV columns, JSON paths); CSV `csvHeaders` for headerless files. */
  parse?: Pick<ParseOptions, 'textFields' | 'csvHeaders' | 'format'>;
  /** Texts masked so far out of all. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Column overrides for a CSV/JSON/JSONL file: column → `keep`, `scan` or a type of `types`
   * (`{ "Customer ID": "keep", "Full Name": "PERSON" }`). A bad or unknown entry throws
   * `ColumnOverrideError`. @defaultValue the inferred plan
   */
  columns?: ColumnOverrides;
}

/** What `redactFileWithReport` tells besides the file. */
export interface RedactFileReport {
  file: File;
  /** Records in the file (CSV rows, JSONL lines, JSON elements; 1 for TXT). */
  records: number;
  /** How each column was treated (CSV/JSON/JSONL); absent for TXT/MD. */
  columnPlan?: ColumnPlan;
  /** Records written with the failure placeholder. */
  failed: number;
  /** PSEUDONYMIZE tokens → originals: secret, keep it to reverse the masking. */
  pseudonymMap: PseudonymMap;
}

/** The anonymized file: same name, same MIME type, same format. */
export async function redactFile(file: Blob, options: RedactFileOptions = {}): Promise<File> {
  return (await redactFileWithReport(file, options)).file;
}

export async function redactFileWithReport(file: Blob, options: RedactFileOptions = {}): Promise<RedactFileReport> {
  const name = file instanceof File ? file.name : 'upload.txt';
  const request = resolveSimpleRequest(options);
  const columnOverrides = options.columns ? resolveColumnOverrides(options.columns, request.known, request.types) : undefined;

  const parsed = parseFile(name, new Uint8Array(await file.arrayBuffer()), {
    ...options.parse,
    ...(file.type ? { contentType: file.type } : {}),
  });
  // Every field of every readable record is one text.
  const totalTexts = parsed.records.reduce((n, r) => n + (r.error === undefined ? r.fields.length : 0), 0);
  return withEngine(options, async (engine) => {
    const masker = createMasker(options.masker);
    const { masked, records, failed, plan: columnPlan } = await redactRecords(engine, masker, parsed, {
      ...request.redact,
      types: request.types,
      ...(columnOverrides ? { columnOverrides } : {}),
      onProgress: options.onProgress && ((done) => options.onProgress!(done, totalTexts)),
    });
    const type = file.type || contentTypeOf(parsed.format);
    const out = new File([serializeFile(parsed, masked)], name, { type });
    return { file: out, records, failed, pseudonymMap: masker.pseudonymMap(), ...(columnPlan ? { columnPlan } : {}) };
  });
}
