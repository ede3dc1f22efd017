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
import { createEngine, type Engine, type EngineOptions } from '../engine/engine.js';
import { EngineError } from '../engine/errors.js';
import { resolveTypes } from '../engine/labels.js';
import { planFor, type DetectionMethod } from '../engine/methods.js';
import { createMasker, type MaskConfig, type MaskerOptions, type PseudonymMap } from '../masks/index.js';
import { defaultTypes, knownTypes } from '../engine/default-types.js';
import { redactRecords } from '../engine/redact-records.js';
import { resolveColumnOverrides, type ColumnOverrides, type ColumnPlan } from '../engine/columns/index.js';

export interface RedactFileOptions {
  /**
   * The engine to run (e.g. `createWorkerEngine()`, or `client.engine` of a `LocalDataframer`).
   * Without one, an in-page engine is made from `engineOptions` and disposed afterwards.
   */
  engine?: Engine;
  engineOptions?: EngineOptions;
  /** @defaultValue `'gliner+heuristics'` */
  method?: DetectionMethod;
  /** Types to find, in any accepted spelling (`PERSON`, `EMAIL_ADDRESS`, `first_name`); tags use that spelling. @defaultValue every type the method serves; of the bundled model's, only `BUNDLED_MODEL_DEFAULT_TYPES` */
  types?: readonly string[];
  /** Rule per type (same spellings as `types`); absent types are redacted. */
  maskConfig?: MaskConfig;
  /** Keys, seed and earlier pseudonym map for the masker. */
  masker?: MaskerOptions;
  /** @defaultValue 0.3 */
  threshold?: number;
  locales?: readonly string[];
  llmModel?: string;
  /** Which fields hold text (CSV columns, JSON paths); CSV `csvHeaders` for headerless files. */
  parse?: Pick<ParseOptions, 'textFields' | 'csvHeaders' | 'format'>;
  signal?: AbortSignal;
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
  const method = options.method ?? 'gliner+heuristics';
  const plan = planFor(method);
  const known = knownTypes();
  const bundled = options.engine === undefined && options.engineOptions?.model === undefined;
  const requested = options.types ?? defaultTypes(plan, options.locales, bundled);
  const types = resolveTypes(requested, known);
  if (types.unknown.length > 0) throw new EngineError('unsupported_type', `unknown type(s): ${types.unknown.join(', ')}`);
  const maskConfig = canonicalMaskConfig(options.maskConfig ?? {}, known);
  const columnOverrides = options.columns ? resolveColumnOverrides(options.columns, known, types.canonical) : undefined;

  const parsed = parseFile(name, new Uint8Array(await file.arrayBuffer()), {
    ...options.parse,
    ...(file.type ? { contentType: file.type } : {}),
  });
  // Every field of every readable record is one text.
  const totalTexts = parsed.records.reduce((n, r) => n + (r.error === undefined ? r.fields.length : 0), 0);
  const engine = options.engine ?? createEngine(options.engineOptions);
  try {
    const masker = createMasker(options.masker);
    const { masked, records, failed, plan: columnPlan } = await redactRecords(engine, masker, parsed, {
      ...(columnOverrides ? { columnOverrides } : {}),
      method,
      types: types.canonical,
      threshold: options.threshold,
      locales: options.locales,
      llmModel: options.llmModel,
      signal: options.signal,
      maskConfig,
      displayLabel: (t) => types.display.get(t) ?? t,
      onProgress: options.onProgress && ((done) => options.onProgress!(done, totalTexts)),
    });
    const type = file.type || contentTypeOf(parsed.format);
    const out = new File([serializeFile(parsed, masked)], name, { type });
    return { file: out, records, failed, pseudonymMap: masker.pseudonymMap(), ...(columnPlan ? { columnPlan } : {}) };
  } finally {
    if (!options.engine) await engine.dispose();
  }
}

function canonicalMaskConfig(config: MaskConfig, known: ReadonlySet<string>): MaskConfig {
  const out: MaskConfig = {};
  for (const [key, rule] of Object.entries(config)) {
    const type = resolveTypes([key], known).canonical[0];
    if (type === undefined) throw new EngineError('unsupported_type', `maskConfig names an unknown type: ${key}`);
    out[type] = rule;
  }
  return out;
}
