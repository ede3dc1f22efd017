import type { Span } from '../../types.js';

/**
 * Cells that hold no value: left as they are in a column masked whole (masking `N/A` as `[PERSON]`
 * would claim a person where there is none, and hide that the value was missing).
 */
const PLACEHOLDERS = new Set([
  '', '-', '--', '---', '—', '–', '?', '??', '.', 'n/a', 'na', 'n.a.', 'n.a', 'nan', 'none', 'null', 'nil', 'undefined', 'unknown',
  'not available', 'not applicable', 'tbd', 'tba', 'redacted', '[redacted]', '<redacted>', 'withheld', 'x', 'xx', 'xxx',
  'n/d', 'n.d.', 's/d', 'sin datos', 'desconocido', 'ninguno', 'no aplica', 'inconnu', 'aucun', 'non renseigne', 'non renseigné',
  'k.a.', 'k. a.', 'keine angabe', 'unbekannt', 'nessuno', 'sconosciuto', '#n/a', '(blank)', '(empty)', '(none)',
]);

/** Whether a cell is empty or a placeholder for a missing value (`N/A`, `-`, `null`, `unknown`, …). */
export function isPlaceholder(cell: string): boolean {
  return PLACEHOLDERS.has(cell.trim().toLowerCase());
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
/** One token, letters/digits with light punctuation, holding a digit: `C-20417`, `P-1001`, `INV/2024/07`, `35`. */
const ID_TOKEN = /^(?=[^\d]{0,24}\d)[\p{L}\p{N}][\p{L}\p{N}_\-./#:]{0,63}$/u;

/** Whether a cell is shaped like a record key rather than prose or a name. */
export function isIdLike(cell: string): boolean {
  const v = cell.trim();
  return UUID.test(v) || ID_TOKEN.test(v);
}

/** The span of a cell masked whole: the cell without its surrounding white space; none for a placeholder. */
export function wholeCellSpan(cell: string, type: string): Span | undefined {
  if (isPlaceholder(cell)) return undefined;
  const start = cell.length - cell.trimStart().length;
  const end = cell.trimEnd().length;
  return { start, end, label: type, score: 1, source: 'column' };
}
