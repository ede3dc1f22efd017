/**
 * Column understanding for tables and records (CSV columns, JSON/JSONL keys and nested paths):
 * the shapes of a column plan. After Presidio's structured-data analyzer, which infers one entity
 * per column from a sample of its values; here the header (or key) is read too, and the caller
 * can see and override the plan.
 */

/**
 * What a column is.
 * - `pii`: every cell is one value of `type` (a name, an e-mail, an address with its ZIP and city).
 * - `identifier`: a key of the record (`C-20417`, a UUID): kept unless the caller asks otherwise.
 * - `free_text`: prose, scanned span by span as any text, with the header as context.
 */
export type ColumnRole = 'pii' | 'identifier' | 'free_text';

/**
 * What redaction does with the column's cells: mask each cell whole as one span of the column's
 * type (empty and placeholder cells such as `N/A` excepted), keep them, or scan them.
 */
export type ColumnAction = 'mask_whole' | 'keep' | 'scan';

/** How a plan entry was decided. */
export type DecidedBy = 'override' | 'header' | 'values' | 'default';

/** Why a column got its role. Counts only: evidence never holds a cell's text. */
export interface ColumnEvidence {
  /** The header synonym that matched (table vocabulary, e.g. `"date of birth"`), when one did. */
  header?: string;
  /** Non-empty, non-placeholder cells the detectors looked at. */
  sampled: number;
  /** Empty or placeholder cells seen while sampling (`N/A`, `-`, `null`, …). */
  placeholders: number;
  /** Canonical type → sampled cells a span of that type covers whole (or nearly). */
  votes: Record<string, number>;
  /** Sampled cells shaped like identifiers (one token with digits, a UUID). */
  idLike: number;
  /** Why the action differs from what the role alone would give (e.g. `type not requested`). */
  note?: string;
}

/** One column of the plan. */
export interface ColumnDecision {
  /**
   * The column: a CSV header name, or a JSON path with array indices generalised (`contacts[].phone`),
   * so every element of an array is one column.
   */
  column: string;
  role: ColumnRole;
  /** The canonical type of a `pii` column. */
  type?: string;
  action: ColumnAction;
  decidedBy: DecidedBy;
  /** Header words given to the detectors as context for scanned cells (none for generic keys such as `text`). */
  context?: string;
  evidence: ColumnEvidence;
}

/** The plan of one file: a decision per column, in first-seen order. */
export interface ColumnPlan {
  columns: ColumnDecision[];
}

/**
 * The caller's word on columns: column → `keep`, `scan`, or a type name (any accepted spelling) to
 * mask the column's cells whole as that type. Column names as the plan lists them.
 */
export type ColumnOverrides = Readonly<Record<string, string>>;
