/**
 * Column understanding: a role per column of a CSV or JSON/JSONL record file (PII of one type,
 * identifier, free text), inferred from headers/keys and a sample of values, visible and
 * overridable by the caller; and what that means for each field when redacting.
 */
export type { ColumnAction, ColumnDecision, ColumnEvidence, ColumnOverrides, ColumnPlan, ColumnRole, DecidedBy } from './types.js';
export { DEFAULT_SAMPLE_SIZE, inferColumnPlan, listColumns, type InferColumnsOptions } from './infer-plan.js';
export { checkOverrideColumns, ColumnOverrideError, resolveColumnOverrides, type ResolvedOverride } from './overrides.js';
export { explainPlan } from './explain.js';
export { hintFromHeader, headerTypes } from './header-synonyms.js';
export { isPlaceholder, wholeCellSpan } from './cell-values.js';
export { columnOf, hasColumns } from './column-keys.js';
export { treatmentsFor } from './treatments.js';
