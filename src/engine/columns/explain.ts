import type { ColumnDecision, ColumnPlan } from './types.js';

/**
 * One line per column, for people (`pii-local redact --explain`): the column, what it is, what
 * redaction does, and the evidence (header synonym, counts). Never a cell's text.
 *
 * `Full Name → PERSON, masked whole (header "full name")`
 */
export function explainPlan(plan: ColumnPlan, displayLabel: (canonical: string) => string = (t) => t): string[] {
  return plan.columns.map((d) => `${d.column} → ${what(d, displayLabel)} (${evidenceOf(d, displayLabel)})`);
}

function what(d: ColumnDecision, display: (t: string) => string): string {
  const role = d.role === 'pii' ? display(d.type!) : d.role === 'identifier' ? 'identifier' : 'free text';
  const action = d.action === 'mask_whole' ? 'masked whole' : d.action === 'keep' ? 'kept' : d.context ? `scanned with context "${d.context}"` : 'scanned';
  return `${role}, ${action}`;
}

function evidenceOf(d: ColumnDecision, display: (t: string) => string): string {
  const parts: string[] = [];
  if (d.decidedBy === 'override') parts.push('override');
  const e = d.evidence;
  if (e.header !== undefined) parts.push(`header "${e.header}"`);
  if (e.sampled > 0) {
    const votes = Object.entries(e.votes).sort((a, b) => b[1] - a[1]).map(([t, n]) => `${display(t)} ${n}/${e.sampled}`);
    parts.push(`values: ${[...votes, `id-like ${e.idLike}/${e.sampled}`].join(', ')}`);
  }
  if (e.placeholders > 0) parts.push(`${e.placeholders} empty/placeholder`);
  if (e.note) parts.push(e.note);
  if (parts.length === 0) parts.push(d.decidedBy === 'default' ? 'no values to sample' : d.decidedBy);
  return parts.join('; ');
}
