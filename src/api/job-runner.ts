import type { DatasetField, DatasetRecord, ParsedFile } from '../datasets/index.js';
import { contentTypeOf, encodeText } from '../datasets/index.js';
import { fitFieldsToEncoding, type TextEncodingName } from '../datasets/encoding.js';
import { readChunk, recordCount, writeChunk, type ChunkedFile } from '../datasets/chunked.js';
import { SpooledBlob } from '../datasets/spooled-blob.js';
import type { Engine } from '../engine/engine.js';
import { createMasker, type Masker } from '../masks/index.js';
import { FAILED_PLACEHOLDER, redactTexts } from '../engine/redact-texts.js';
import { inferColumnPlan, treatmentsFor, type ColumnPlan } from '../engine/columns/index.js';
import { columnPlanReport } from './column-plan-report.js';
import type { JobEvaluator } from './evaluate.js';
import { sampleGroups, type DatasetContent, type SampleGroup } from './resources/datasets.js';
import { EntityTable, type PackedEntities } from './entity-table.js';
import type { ColumnPlanReport, EntityFound, EntitySummary, JobEvaluation } from './types.js';
import type { ValidatedRequest } from './validate.js';

/** What one sample became. Exactly one per input sample, in order. */
export interface SampleOutcome {
  sample_index: number;
  file_path: string;
  /** Record index within the file, for a sample that is one record. */
  row?: number;
  entities: EntityFound[];
  entity_summary: EntitySummary;
  error?: string;
  /** The sample as written (transform jobs' `masked_content`), when asked for; '' for a failed sample. */
  masked_content?: string;
}

export interface JobOutcome {
  /** Every sample of the dataset, once each. */
  samples_processed: number;
  /** Every entity found, in sample order, packed (runs store it so; see `entity-table.ts`). */
  entities: PackedEntities;
  entity_summary: EntitySummary;
  sample_errors: Array<{ sample_index: number; error: string }>;
  /** Per-sample detail, in order, when `keepSamples` was asked (transform jobs list it). */
  samples?: SampleOutcome[];
  pseudonymMap: Record<string, string>;
  /** Each dataset file rewritten with its masked records, same format (built chunk by chunk). */
  files: Array<{ path: string; content: Blob; content_type: string }>;
  /** Post-job check, when an evaluator was given. */
  evaluation?: JobEvaluation;
  /** How the columns of each table/record file were treated (inferred from its first chunk). */
  column_plans: ColumnPlanReport[];
}

export interface JobWork {
  engine: Engine;
  content: DatasetContent;
  request: ValidatedRequest;
  /** Aborted by `cancel`. */
  signal: AbortSignal;
  /** Called after each batch: the heartbeat. */
  onProgress: (done: number, total: number) => void;
  /** Records per engine call: small enough for a steady heartbeat and prompt cancel. */
  batchSize?: number;
  /**
   * Keep an outcome per sample with its written form (`masked_content`): transform jobs show
   * them; runs need only the entities and errors, which is much less to hold for a big dataset.
   */
  keepSamples?: boolean;
  /** Fed with every masked sample as the job goes. */
  evaluator?: JobEvaluator;
}

/**
 * Runs detect → merge → mask over every sample of a dataset, one record chunk at a time: what a
 * job holds is the current chunk, the written output (as Blobs) and the entities found. Per-sample
 * failures are recorded on the sample and its records are written as placeholders; only an abort
 * or a failure of the whole engine (model load) rejects.
 */
export async function runJob(work: JobWork): Promise<JobOutcome> {
  const { content, request } = work;
  const masker = createMasker({
    seed: request.maskOptions.seed,
    hashKey: request.maskOptions.hash_key,
    encryptionKey: request.maskOptions.encryption_key,
  });
  const run = new Run(work, masker);
  const files: Blob[] = [];
  try {
    for (const group of sampleGroups(content)) {
      if (group.kind === 'record') await run.recordSamples(group);
      else await run.groupSample(group);
    }
    for (const [i, f] of content.files.entries()) {
      // Files no sample covers (empty ones) are written back as they are.
      if (!run.outputs.has(i)) await run.writeAll(i, await rewritten(f.chunked, () => new Map()));
      files.push(await run.outputs.get(i)!.finish(contentTypeOf(f.chunked.format)));
    }
  } catch (error) {
    // Spooled outputs may hold temporary files: a failed or aborted job leaves none behind.
    await Promise.all([...run.outputs.values()].map((o) => o.discard()));
    throw error;
  }
  const evaluation = await work.evaluator?.finish();
  return {
    samples_processed: run.processed,
    entities: run.entities.pack(),
    entity_summary: run.summary,
    sample_errors: run.errors,
    ...(work.keepSamples ? { samples: run.samples } : {}),
    pseudonymMap: masker.pseudonymMap(),
    files: content.files.map((f, i) => ({ path: f.path, content: files[i]!, content_type: contentTypeOf(f.chunked.format) })),
    ...(evaluation ? { evaluation } : {}),
    column_plans: run.columnPlans,
  };
}

const YIELD_EVERY_MS = 50;

/** What a batch of records became: per record its masked fields or why it failed, and its entities. */
interface RecordResult {
  fields: DatasetField[];
  entities: Array<{ start: number; end: number; label: string; score: number; field: string }>;
  error?: string;
}

class Run {
  readonly samples: SampleOutcome[] = [];
  readonly entities = new EntityTable();
  readonly summary: EntitySummary = {};
  readonly errors: JobOutcome['sample_errors'] = [];
  readonly columnPlans: ColumnPlanReport[] = [];
  processed = 0;
  /** File index → its output, written chunk by chunk (on disk in Node once large). */
  readonly outputs = new Map<number, SpooledBlob>();
  readonly #total: number;
  readonly #batchSize: number;
  #lastYield = performance.now();

  constructor(
    private readonly work: JobWork,
    private readonly masker: Masker,
  ) {
    this.#total = work.content.sample_count;
    this.#batchSize = work.batchSize ?? 16;
  }

  /** SINGLE_FILE: each record is a sample, written as soon as its chunk is done. */
  async recordSamples(group: SampleGroup): Promise<void> {
    const fileIndex = group.files[0]!;
    const file = this.work.content.files[fileIndex]!;
    const output = this.#output(fileIndex);
    await this.#maskFile(file.chunked, file.path, (piece) => output.add(encoded(file.chunked, piece)), async (records, results, base) => {
      const originals: string[] = [];
      const maskedTexts: string[] = [];
      let maskedChars = 0;
      records.forEach((record, k) => {
        const r = results[k]!;
        const index = base + record.index;
        const outcome = this.#outcome(index, group.path, [r], true, index);
        if (r.error === undefined) {
          for (const f of record.fields) originals.push(f.text);
          for (const f of r.fields) maskedTexts.push(f.text);
          for (const e of r.entities) maskedChars += e.end - e.start;
        }
        if (this.work.keepSamples) outcome.masked_content = r.error === undefined ? renderRecord(r.fields) : '';
        this.#done(outcome);
      });
      await this.work.evaluator?.add(originals, maskedTexts, maskedChars, this.work.signal);
      this.work.onProgress(this.processed, this.#total);
    });
  }

  /** MULTI_FILE / MULTI_FOLDER: all records of the group's files are one sample. */
  async groupSample(group: SampleGroup): Promise<void> {
    const files = group.files.map((i) => this.work.content.files[i]!);
    const multiRecord = files.reduce((n, f) => n + recordCount(f.chunked), 0) > 1;
    const results: RecordResult[] = [];
    const originals: string[] = [];
    const pieces = new Map<number, string[]>();
    for (const [k, file] of files.entries()) {
      const filePieces: string[] = [];
      await this.#maskFile(file.chunked, file.path, (piece) => void filePieces.push(piece), (records, batch) => {
        for (const record of records) for (const f of record.fields) originals.push(f.text);
        results.push(...batch);
      });
      pieces.set(group.files[k]!, filePieces);
    }

    const sampleIndex = this.processed;
    const outcome = this.#outcome(sampleIndex, group.path, results, !multiRecord, undefined);
    if (outcome.error !== undefined) {
      // A failed sample is written as placeholders throughout: none of its text goes out unscanned.
      for (const [k, file] of files.entries()) pieces.set(group.files[k]!, await rewritten(file.chunked, (parsed) => new Map(parsed.records.map((r) => [r.index, placeholders(r)]))));
    } else {
      await this.work.evaluator?.add(originals, results.flatMap((r) => r.fields.map((f) => f.text)), outcome.entities.reduce((n, e) => n + e.end - e.start, 0), this.work.signal);
    }
    if (this.work.keepSamples) {
      outcome.masked_content = outcome.error !== undefined ? ''
        : group.kind === 'file' ? pieces.get(group.files[0]!)!.join('')
        : JSON.stringify(Object.fromEntries(files.map((f, k) => [f.path, pieces.get(group.files[k]!)!.join('')])));
    }
    for (const [i, texts] of pieces) await this.writeAll(i, texts);
    this.#done(outcome);
    this.work.onProgress(this.processed, this.#total);
  }

  /** Writes file `fileIndex`'s output from its chunks' texts. */
  async writeAll(fileIndex: number, texts: readonly string[]): Promise<void> {
    const output = this.#output(fileIndex);
    const file = this.work.content.files[fileIndex]!.chunked;
    for (const text of texts) await output.add(encoded(file, text));
  }

  #output(fileIndex: number): SpooledBlob {
    let output = this.outputs.get(fileIndex);
    if (!output) this.outputs.set(fileIndex, (output = new SpooledBlob()));
    return output;
  }

  #done(outcome: SampleOutcome): void {
    this.processed++;
    if (outcome.error !== undefined) this.errors.push({ sample_index: outcome.sample_index, error: outcome.error });
    for (const e of outcome.entities) this.entities.push(e);
    for (const [k, v] of Object.entries(outcome.entity_summary)) this.summary[k] = (this.summary[k] ?? 0) + v;
    if (this.work.keepSamples) this.samples.push(outcome);
  }

  /**
   * Reads, masks and writes back each chunk of `file` in turn, batch by batch; `onBatch` sees each
   * batch's records (indices within their chunk, which starts at record `base`) and results.
   * The columns are planned once, from the first chunk, and every chunk is masked by that plan.
   */
  async #maskFile(
    file: ChunkedFile,
    path: string,
    write: (piece: string) => void | Promise<void>,
    onBatch: (records: DatasetRecord[], results: RecordResult[], base: number) => void | Promise<void>,
  ): Promise<void> {
    let base = 0;
    let plan: ColumnPlan | undefined;
    for (let c = 0; c < file.chunks.length; c++) {
      const parsed = await readChunk(file, c);
      if (c === 0) plan = await this.#plan(parsed, path);
      const masked = new Map<number, DatasetField[]>();
      for (let start = 0; start < parsed.records.length; start += this.#batchSize) {
        const records = parsed.records.slice(start, start + this.#batchSize);
        const results = fitted(records, await this.#mask(records, plan, parsed.format), file.encoding);
        // A failed record's fields are placeholders already (see #mask).
        records.forEach((record, k) => masked.set(record.index, results[k]!.fields));
        await onBatch(records, results, base);
      }
      await write(writeChunk(file, c, parsed, masked));
      base += parsed.records.length;
    }
  }

  /**
   * One sample's outcome from the results of its records (the first error fails the whole sample).
   * `bareText`: a one-record sample, whose `text` field needs no naming on its entities.
   */
  #outcome(sampleIndex: number, path: string, results: readonly RecordResult[], bareText: boolean, row: number | undefined): SampleOutcome {
    const base = { sample_index: sampleIndex, file_path: path, ...(row !== undefined ? { row } : {}) };
    const failed = results.find((r) => r.error !== undefined);
    if (failed) return { ...base, entities: [], entity_summary: {}, error: failed.error! };
    const entities: EntityFound[] = [];
    const summary: EntitySummary = {};
    for (const r of results) {
      for (const e of r.entities) {
        entities.push({
          start: e.start,
          end: e.end,
          label: e.label,
          score: round(e.score),
          sample_index: sampleIndex,
          ...(bareText && e.field === 'text' ? {} : { field: e.field }),
        });
        summary[e.label] = (summary[e.label] ?? 0) + 1;
      }
    }
    return { ...base, entities, entity_summary: summary };
  }

  /** What the job asked the detectors for: the same for the column plan and for masking. */
  #detectOptions() {
    const { request } = this.work;
    return {
      method: request.method,
      types: request.types,
      threshold: request.threshold,
      locales: request.maskOptions.locales,
      llmModel: request.llmModel,
      signal: this.work.signal,
      // The model reports each run, so a long sample keeps the heartbeat (trace.last_seen_at) moving.
      onWork: () => this.work.onProgress(this.processed, this.#total),
    };
  }

  /** The column plan of a table/record file, from its first chunk; recorded for `metrics_json`/`results`. */
  async #plan(parsed: ParsedFile, path: string): Promise<ColumnPlan | undefined> {
    const { request } = this.work;
    const plan = await inferColumnPlan(this.work.engine, parsed, { ...this.#detectOptions(), overrides: request.columnOverrides });
    if (plan) this.columnPlans.push(columnPlanReport(path, plan, (t) => request.display.get(t) ?? t));
    return plan;
  }

  /** Masks every field of `records` in one engine call, as the column plan says. An engine-wide failure rejects (and fails the job). */
  async #mask(records: readonly DatasetRecord[], plan: ColumnPlan | undefined, format: ParsedFile['format']): Promise<RecordResult[]> {
    // Heuristic detection settles through microtasks only: give timers (pollers, heartbeats, a
    // cancel, the page) a turn now and then, without paying a timer per batch.
    if (performance.now() - this.#lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.#lastYield = performance.now();
    }
    if (this.work.signal.aborted) throw new DOMException('canceled', 'AbortError');
    const { request } = this.work;
    const display = (t: string) => request.display.get(t) ?? t;
    const fields: DatasetField[] = [];
    for (const r of records) if (r.error === undefined) for (const f of r.fields) fields.push(f);
    const detected = await redactTexts(this.work.engine, this.masker, fields.map((f) => f.text), {
      ...this.#detectOptions(),
      treatments: treatmentsFor(fields, plan, format),
      maskConfig: request.maskConfig,
      displayLabel: display,
      batchSize: Math.max(1, fields.length),
    });
    let i = 0;
    return records.map((record): RecordResult => {
      if (record.error !== undefined) {
        const where = record.line !== undefined ? ` at line ${record.line}` : '';
        return { fields: placeholders(record), entities: [], error: `invalid_record: ${record.error}${where}` };
      }
      const out: RecordResult = { fields: [], entities: [] };
      for (const f of record.fields) {
        const d = detected[i++]!;
        if (d.error !== undefined) out.error ??= d.error;
        out.fields.push({ key: f.key, text: d.error === undefined ? d.text : FAILED_PLACEHOLDER });
        for (const s of d.spans) out.entities.push({ start: s.start, end: s.end, label: display(s.label), score: s.score, field: f.key });
      }
      if (out.error !== undefined) return { fields: placeholders(record), entities: [], error: out.error };
      return out;
    });
  }
}

/** Every field of a record replaced: how a record that failed is written. */
function placeholders(record: DatasetRecord): DatasetField[] {
  return record.fields.map((f) => ({ key: f.key, text: FAILED_PLACEHOLDER }));
}

/**
 * Results as the output file's encoding can write them: original text always fits (it was read in
 * it), new text (a surrogate, a literal mask) may not. Accents come off where that makes it fit;
 * a record that still does not fit fails, rather than having characters turned into `?`.
 */
function fitted(records: readonly DatasetRecord[], results: RecordResult[], encoding: TextEncodingName): RecordResult[] {
  if (encoding !== 'windows-1252') return results;
  return results.map((r, k) => {
    if (r.error !== undefined) return r;
    const fields = fitFieldsToEncoding(r.fields, encoding);
    if (fields) return { ...r, fields };
    return { fields: placeholders(records[k]!), entities: [], error: `mask_unencodable: the masked text cannot be written in ${encoding}, the file's encoding` };
  });
}

/** A written piece of a file, in the file's own encoding (and BOM), as the CLI writes it. */
function encoded(file: ChunkedFile, text: string): string | Uint8Array {
  // A string is written as UTF-8 by the spool itself, without a copy of the bytes to collect.
  return file.encoding === 'utf-8' ? text : encodeText(text, file.encoding);
}

/** A file written chunk by chunk with the fields `masked` gives each chunk (a failed sample: all blanked). */
async function rewritten(file: ChunkedFile, masked: (parsed: ParsedFile) => Map<number, DatasetField[]>): Promise<string[]> {
  const out: string[] = [];
  for (let c = 0; c < file.chunks.length; c++) {
    const parsed = await readChunk(file, c);
    out.push(writeChunk(file, c, parsed, masked(parsed)));
  }
  return out;
}

/** A one-record sample as transform jobs show it: its text, or its fields as a JSON object. */
function renderRecord(fields: readonly DatasetField[]): string {
  if (fields.length === 1 && fields[0]!.key === 'text') return fields[0]!.text;
  return JSON.stringify(Object.fromEntries(fields.map((f) => [f.key, f.text])));
}

function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}
