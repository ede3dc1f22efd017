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
  if (!plan) return fields.map(() => ({ kind: 'scan' }));
  const byColumn = new Map(plan.columns.map((d) => [d.column, d] as const));
  return fields.map((f): TextTreatment => {
    const d = byColumn.get(columnOf(f.key, format));
    if (!d) return { kind: 'scan' };
    if (d.action === 'keep') return { kind: 'fixed', spans: [] };
    if (d.action === 'mask_whole') {
      const span = wholeCellSpan(f.text, d.type!);
      return { kind: 'fixed', spans: span ? [span] : [] };
    }
    return d.context === undefined ? { kind: 'scan' } : { kind: 'scan', context: d.context, refine: refineProseSpans };
  });
}
