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

const LONGEST_PLACEHOLDER = Math.max(...[...PLACEHOLDERS].map((p) => p.length));

/** Whether a cell is empty or a placeholder for a missing value (`N/A`, `-`, `null`, `unknown`, …). */
export function isPlaceholder(cell: string): boolean {
  return placeholderWithin(cell, trimmedStart(cell), trimmedEnd(cell));
}

function placeholderWithin(cell: string, start: number, end: number): boolean {
  // Most cells are longer than any placeholder: no lower-cased copy for them.
  return end - start <= LONGEST_PLACEHOLDER && PLACEHOLDERS.has(cell.slice(start, end).toLowerCase());
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
  // Offsets found in place: a table masked whole runs this once per cell.
  const start = trimmedStart(cell);
  const end = Math.max(start, trimmedEnd(cell));
  if (placeholderWithin(cell, start, end)) return undefined;
  return { start, end, label: type, score: 1, source: 'column' };
}

/** Where `cell.trimStart()` would begin, without making it. */
function trimmedStart(cell: string): number {
  let i = 0;
  while (i < cell.length && isTrimmed(cell.charCodeAt(i))) i++;
  return i;
}

/** Where `cell.trimEnd()` would end, without making it. */
function trimmedEnd(cell: string): number {
  let i = cell.length;
  while (i > 0 && isTrimmed(cell.charCodeAt(i - 1))) i--;
  return i;
}

/** What `String.prototype.trim` removes: ECMAScript white space and line terminators. */
function isTrimmed(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
