import type { DatasetField, DatasetFormat } from '../../datasets/index.js';
import type { TextTreatment } from '../redact-texts.js';
import { wholeCellSpan } from './cell-values.js';
import { columnOf } from './column-keys.js';
import { refineProseSpans } from './prose-cells.js';
import type { ColumnPlan } from './types.js';

/**
 * What redaction does with each field under a plan: a `mask_whole` cell is one span of its type
 * (a placeholder cell is kept), a `keep` cell is kept, a `scan` cell is detected with its header as
 * context, its model guesses refined as prose in a cell (`refineProseSpans`). No plan (TXT/MD, or
 * none asked), or a generic key such as `text`: the field is scanned as before.
 */
export function treatmentsFor(fields: readonly DatasetField[], plan: ColumnPlan | undefined, format: DatasetFormat): TextTreatment[] {
  const out = new Array<TextTreatment>(fields.length);
  if (!plan) return out.fill(SCAN);
  const byColumn = columnTreatments(plan);
  const byKey = format === 'csv' ? byColumn : new Map<string, ColumnTreatment>();
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    let column = byKey.get(f.key);
    if (column === undefined && byKey !== byColumn) byKey.set(f.key, (column = byColumn.get(columnOf(f.key, format)) ?? UNPLANNED));
    if (column === undefined) out[i] = SCAN;
    else if (column.shared !== undefined) out[i] = column.shared;
    else {
      const span = wholeCellSpan(f.text, column.type);
      out[i] = { kind: 'fixed', spans: span ? [span] : [] };
    }
  }
  return out;
}

/**
 * The plan's treatment per column, shared by its cells; only a `mask_whole` cell's span is its
 * own (`shared` undefined: each cell is masked whole as `type`).
 */
export function columnTreatments(plan: ColumnPlan): Map<string, ColumnTreatment> {
  const byColumn = new Map<string, ColumnTreatment>();
  for (const d of plan.columns) {
    if (d.action === 'mask_whole') byColumn.set(d.column, { shared: undefined, type: d.type! });
    else if (d.action === 'keep') byColumn.set(d.column, { shared: KEEP, type: '' });
    else byColumn.set(d.column, { shared: d.context === undefined ? SCAN : { kind: 'scan', context: d.context, refine: refineProseSpans }, type: '' });
  }
  return byColumn;
}

/** A column's cells' treatment: one for all (`shared`), or each masked whole as `type`. */
export interface ColumnTreatment {
  shared: TextTreatment | undefined;
  type: string;
}

const SCAN: TextTreatment = Object.freeze({ kind: 'scan' });
/** Kept cells share one empty span list, frozen so that no caller can fill it for all of them. */
const KEEP: TextTreatment = Object.freeze({ kind: 'fixed', spans: Object.freeze([]) as unknown as [] });
/** Columns the plan does not name are scanned alone, without context. */
export const UNPLANNED: ColumnTreatment = Object.freeze({ shared: SCAN, type: '' });
