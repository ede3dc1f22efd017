import type { ColumnPlan } from '../engine/columns/index.js';
import type { ColumnPlanReport } from './types.js';

/** A file's column plan as `metrics_json.column_plans` / `results.column_plans` show it: wire names, the caller's type spelling. */
export function columnPlanReport(path: string, plan: ColumnPlan, display: (canonical: string) => string): ColumnPlanReport {
  return {
    file_path: path,
    columns: plan.columns.map((d) => ({
      column: d.column,
      role: d.role,
      ...(d.type !== undefined ? { type: display(d.type) } : {}),
      action: d.action,
      decided_by: d.decidedBy,
      ...(d.context !== undefined ? { context: d.context } : {}),
      evidence: {
        ...(d.evidence.header !== undefined ? { header: d.evidence.header } : {}),
        sampled: d.evidence.sampled,
        placeholders: d.evidence.placeholders,
        votes: Object.fromEntries(Object.entries(d.evidence.votes).map(([t, n]) => [display(t), n])),
        id_like: d.evidence.idLike,
        ...(d.evidence.note !== undefined ? { note: d.evidence.note } : {}),
      },
    })),
  };
}
