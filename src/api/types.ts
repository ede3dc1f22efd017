/**
 * Wire types of the remote API, field names verbatim from the reference pages (`shared/seeds/`).
 * Keys marked **pii-local detail** fill objects the remote leaves open (`metrics_json`, `trace`,
 * `results`); remote-bound code should not rely on them.
 */
import type { AnonymizationRunDetectionMethod, TransformJobDetectionMethod } from '../engine/methods.js';
import type { MaskStrategy } from '../masks/index.js';

export type { AnonymizationRunDetectionMethod, TransformJobDetectionMethod };

/** ISO-8601 UTC date-time string, e.g. `2023-11-07T05:31:56Z`. */
export type DateTimeString = string;

// ---------------------------------------------------------------- datasets

export type DatasetType = 'SINGLE_FILE' | 'MULTI_FILE' | 'MULTI_FOLDER';

/** What `createWithFiles` accepts as a file: a `File`, or a named blob/bytes/string. */
export type Uploadable = File | { name: string; content: Blob | Uint8Array | ArrayBuffer | string; type?: string };

export interface DatasetCreateWithFilesParams {
  dataset_type: DatasetType;
  /** Unique within this client. */
  name: string;
  description?: string;
  /** JSON string, kept as is. */
  config_json?: string;
  /** SINGLE_FILE CSV only: the header to use when the file has none (JSON array of names). */
  csv_headers?: string[];
  /** SINGLE_FILE: the one file (CSV, JSON, JSONL). */
  file?: Uploadable;
  /** MULTI_FILE / MULTI_FOLDER: the files (TXT, MD, JSON, CSV, JSONL). */
  files?: Uploadable[];
  /** MULTI_FOLDER: the folder of each entry of `files` (parallel array). */
  folder_names?: string[];
}

export interface DatasetUpdateParams {
  name?: string;
  description?: string;
}

export interface DatasetFile {
  id: string;
  /** Lower-case extension: `csv`, `jsonl`, `json`, `txt`, `md`. */
  file_type: string;
  size_bytes: number;
  path: string;
}

export interface Dataset {
  id: string;
  name: string;
  description: string | null;
  dataset_type: DatasetType;
  file_count: number;
  folder_count: number;
  created_at: DateTimeString;
  updated_at: DateTimeString;
  created_by_email: string | null;
  files: DatasetFile[];
  short_sample_compatibility: {
    is_short_samples_compatible: boolean;
    is_long_samples_compatible: boolean;
    reason: string | null;
  };
  /** Number of samples the dataset yields (one per row/line/element/file/folder). pii-local detail. */
  sample_count: number;
}

export type DatasetListItem = Omit<Dataset, 'files'>;

// ---------------------------------------------------------------- shared pieces

/** One entity, offsets into the original sample text (JS string indices, end exclusive). */
export interface EntityFound {
  start: number;
  end: number;
  /** The type as the caller spelled it in `pii_types`. */
  label: string;
  score: number;
  /** Which sample it was found in (index into the dataset's samples). pii-local detail. */
  sample_index?: number;
  /** Which field of a multi-field sample (CSV column, JSON path). pii-local detail. */
  field?: string;
}

/** Type (as the caller spelled it) → number of entities found. */
export type EntitySummary = Record<string, number>;

/**
 * A mask rule as accepted locally: a strategy word, a strategy with parameters, or (run form) a
 * literal replacement string. The remote accepts `REDACT`, `REPLACE` and literals only.
 */
export type MaskConfigValue = MaskStrategy | { strategy: MaskStrategy; params?: Record<string, unknown> } | string;

/**
 * Column overrides for table/record datasets (CSV columns, JSON/JSONL paths as the plan names them):
 * `"keep"`, `"scan"`, or a type of `pii_types` to mask each cell whole as that type, e.g.
 * `{ "Customer ID": "keep", "Comments": "scan", "Full Name": "PERSON" }`. pii-local detail.
 */
export type ColumnOverridesParam = Record<string, string>;

/**
 * How the columns of one table/record file were treated (inferred from the header and a sample of
 * the first chunk's cells, or overridden). Counts only, never cell text. pii-local detail.
 */
export interface ColumnPlanReport {
  file_path: string;
  columns: Array<{
    /** CSV header name, or JSON path with array indices as `[]`. */
    column: string;
    /** `pii` (one value of `type` per cell), `identifier` (a record key), `free_text`. */
    role: 'pii' | 'identifier' | 'free_text';
    /** The type as the caller spelled it, for a `pii` column. */
    type?: string;
    /** `mask_whole`: each cell masked as one entity; `keep`; `scan`: detected span by span. */
    action: 'mask_whole' | 'keep' | 'scan';
    decided_by: 'override' | 'header' | 'values' | 'default';
    /** Header words given to the detectors as context for scanned cells. */
    context?: string;
    evidence: {
      /** The header synonym that matched. */
      header?: string;
      sampled: number;
      placeholders: number;
      /** Type (caller spelling) → sampled cells it covered whole. */
      votes: Record<string, number>;
      id_like: number;
      note?: string;
    };
  }>;
}

/** Options for the local-only mask strategies. pii-local detail (not sent by remote-bound code). */
export interface LocalMaskOptions {
  /** HMAC key for HASH (32 bytes or base64). Without one, a random per-job key that is never stored. */
  hash_key?: Uint8Array | string | CryptoKey;
  /** AES-GCM key for ENCRYPT (32 bytes or base64). Required when ENCRYPT is used. */
  encryption_key?: Uint8Array | string | CryptoKey;
  /** Keep the PSEUDONYMIZE map (token → original) on the finished object so the caller can reverse it. */
  return_pseudonym_map?: boolean;
  /** Seed for REPLACE surrogates (reproducible output). */
  seed?: number;
  /** Locales switching on the heuristics' country packs, e.g. `['en-GB', 'es']`. */
  locales?: string[];
}

// ---------------------------------------------------------------- transform jobs (seed 000)

export type TransformJobStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface TransformJobCreateParams {
  /** UUID of the dataset to transform. */
  dataset_id: string;
  name: string;
  /** Upper-case types, e.g. `["PERSON", "EMAIL", "PHONE_NUMBER"]`; aliases accepted (see README). */
  pii_types: string[];
  detection_method: TransformJobDetectionMethod;
  /** LLM model name; required when `detection_method` includes llm. */
  model_name?: string;
  /** Per-type strategy, e.g. `{ PERSON: 'REPLACE', EMAIL: 'REDACT' }`. Defaults to redact all. */
  mask_config?: Record<string, MaskConfigValue>;
  /** 0..1. @defaultValue 0.3 */
  threshold?: number;
  /** LLM judge run after the job; needs an LLM provider (local evaluation always runs). */
  evaluation_model?: string;
  /** pii-local detail. */
  mask_options?: LocalMaskOptions;
  /** pii-local detail: override the inferred column roles (see `ColumnOverridesParam`). */
  columns?: ColumnOverridesParam;
}

export interface TransformedSample {
  sample_index: number;
  /** Dataset file the sample came from. */
  file_path: string;
  /** CSV row / JSONL line / JSON element index within the file, when the file holds many samples. */
  row?: number;
  /** The masked sample: its text, or for a multi-field sample (a CSV row, a JSON object) the record serialized like the file (a CSV line, a JSON object). */
  masked_content: string;
  entities: EntityFound[];
  entity_summary: EntitySummary;
  /** Set when this sample could not be processed; `masked_content` is then empty. */
  error?: string;
}

/** pii-local's filling of the open `metrics_json` object. */
export interface TransformJobMetrics {
  transformed_samples?: TransformedSample[];
  entity_summary?: EntitySummary;
  samples_total?: number;
  samples_processed?: number;
  samples_failed?: number;
  /** Why the job FAILED (`canceled` after `cancel`). Never holds sample text. */
  error?: string;
  /** Post-job check of the masked output (residual detections, masking ratio; LLM judge if configured). */
  evaluation?: JobEvaluation;
  /** Token → original, only when `mask_options.return_pseudonym_map` was set. */
  pseudonym_map?: Record<string, string>;
  /** How the columns of each CSV/JSON/JSONL file were treated. pii-local detail. */
  column_plans?: ColumnPlanReport[];
}

export interface JobEvaluation {
  /**
   * Entities still found in the masked output (possible leaks), by type: by the heuristics, and by
   * the model when the job used it (our own tags and pseudonyms are not counted; REPLACE surrogates
   * look like real values and are).
   */
  residual_entities: EntitySummary;
  /** Fraction of characters of the original samples that were masked. */
  masked_char_ratio: number;
  /** LLM judge, when `evaluation_model` was set and a provider is configured; else why it was skipped. */
  judge?: { model: string; mean_score: number; samples_judged: number } | { skipped: string };
}

/** pii-local's filling of the open `trace` object. */
export interface JobTrace {
  task_id?: string;
  /** Heartbeat: the last time the worker reported progress (like Cognite's `lastSeenTime`). */
  last_seen_at?: DateTimeString;
  backend?: string;
  model_id?: string;
  dataset?: { type: DatasetType; files: number; samples: number };
  timings_ms?: { model_load?: number; detect_and_mask?: number; total?: number };
}

export interface TransformJob {
  id: string;
  name: string;
  status: TransformJobStatus;
  /** Sic: the remote spells it with an `s`. */
  datasets_id: string;
  dataset_name: string;
  company_id: string;
  pii_types: string[];
  detection_method: string;
  model_name: string | null;
  mask_config: Record<string, MaskConfigValue>;
  threshold: number;
  metrics_json: TransformJobMetrics;
  trace: JobTrace;
  created_by: number;
  created_by_email: string | null;
  duration_seconds: number | null;
  started_at: DateTimeString | null;
  completed_at: DateTimeString | null;
  created_at: DateTimeString;
  updated_at: DateTimeString;
  /** pii-local detail: the judge model asked for, echoed. */
  evaluation_model?: string | null;
}

// ---------------------------------------------------------------- anonymization runs (seed 001)

export type AnonymizationRunStatus = 'PENDING' | 'PROCESSING' | 'SUCCEEDED' | 'FAILED';

export interface AnonymizationRunCreateParams {
  dataset_id: string;
  /** Lower-case types, e.g. `["first_name", "email", "phone_number"]`. */
  pii_types: string[];
  detection_method: AnonymizationRunDetectionMethod;
  /** Required when `detection_method` includes llm. */
  llm_model_name?: string;
  /** Per-type literal replacement, e.g. `{ email: '<EMAIL>' }`. Defaults to redact all. */
  mask_config?: Record<string, MaskConfigValue>;
  threshold?: number;
  /** pii-local detail. */
  mask_options?: LocalMaskOptions;
  /** pii-local detail: override the inferred column roles (see `ColumnOverridesParam`). */
  columns?: ColumnOverridesParam;
}

export interface AnonymizedFile {
  id: string;
  path: string;
  size_in_bytes: number;
  content_type: string;
}

export interface AnonymizationRunResults {
  entity_summary?: EntitySummary;
  samples_processed?: number;
  entities_found?: EntityFound[];
  /** Why the run FAILED (`canceled` after `cancel`); never sample text. */
  error?: string | null;
  /** Per-sample failures (the run still SUCCEEDS when others went through). pii-local detail. */
  sample_errors?: Array<{ sample_index: number; error: string }>;
  samples_total?: number;
  evaluation?: JobEvaluation;
  pseudonym_map?: Record<string, string>;
  /** How the columns of each CSV/JSON/JSONL file were treated. pii-local detail. */
  column_plans?: ColumnPlanReport[];
}

export interface AnonymizationRun {
  id: string;
  status: AnonymizationRunStatus;
  dataset_id: string | null;
  dataset_name: string | null;
  pii_types: string[];
  detection_method: string;
  llm_model_name: string | null;
  created_by_email: string | null;
  duration_seconds: number | null;
  results: AnonymizationRunResults;
  anonymized_files: AnonymizedFile[];
  completed_at: DateTimeString | null;
  created_at: DateTimeString;
  /** pii-local details: the run seed has none of these, but polling needs them. */
  started_at?: DateTimeString | null;
  updated_at?: DateTimeString;
  trace?: JobTrace;
  mask_config?: Record<string, MaskConfigValue>;
  threshold?: number;
}

/** What `list` returns for runs: the documented summary (no results, files or duration). */
export type AnonymizationRunListItem = Omit<AnonymizationRun, 'results' | 'anonymized_files' | 'duration_seconds'>;

// ---------------------------------------------------------------- polling

export interface PollOptions {
  /** How often `onProgress` may fire. @defaultValue 250 */
  pollIntervalMs?: number;
  /** Give up waiting after this many ms and resolve with the current object (no throw). */
  timeout?: number;
  /** Aborts the wait (rejects with `APIUserAbortError`); the job goes on. */
  signal?: AbortSignal;
  /** Samples done out of total, as the job advances. */
  onProgress?: (progress: { done: number; total: number; status: string }) => void;
}

export interface RunOptions extends PollOptions {
  /** Wait for a terminal status (`poll`) before resolving. @defaultValue true */
  wait?: boolean;
}
