import { BOM } from './decode.js';
import { parseJson, readJsonRecord, setAtPath } from './json-fields.js';
import type { DatasetField, DatasetRecord, JsonlLayout, PathStep } from './types.js';

/**
 * JSON Lines: one record per non-blank line. A line that is not valid JSON, or not an object (or
 * bare string), becomes a record with an `error` code whose one field `line` holds the raw line, so
 * nothing is dropped and a caller can blank it; the rest of the file reads on. Each record notes its
 * line number (`firstLine` is the first line's, for a chunk of a bigger file).
 */
export function parseJsonl(text: string, bom: boolean, textFields?: readonly string[], firstLine = 1): { records: DatasetRecord[]; layout: JsonlLayout } {
  const lines = splitLines(text);
  const records: DatasetRecord[] = [];
  const layout: JsonlLayout = { kind: 'jsonl', bom, lines, recordLine: [], paths: [] };
  lines.forEach((line, lineIndex) => {
    const body = bodyOf(line);
    if (body.trim() === '') return;
    const index = records.length;
    const parsed = parseJson(body);
    const read = parsed.ok ? readJsonRecord(parsed.value, textFields) : parsed;
    if (read.ok) {
      records.push({ id: read.id ?? String(index), index, fields: read.fields, line: firstLine + lineIndex });
      layout.paths.push(read.paths);
    } else {
      records.push({ id: String(index), index, fields: [{ key: 'line', text: body }], error: read.error, line: firstLine + lineIndex });
      layout.paths.push(null);
    }
    layout.recordLine.push(lineIndex);
  });
  return { records, layout };
}

/**
 * Lines as they were, except records in `masked` whose text changed: those are re-serialized
 * (`JSON.stringify`, one line). A masked error record (a line that did not parse) is written as
 * `{"error": "invalid_json at line 3", "line": 3}`: its raw text may hold PII nobody scanned, and a
 * bare placeholder would make the output no longer JSON Lines.
 */
export function serializeJsonl(layout: JsonlLayout, records: readonly DatasetRecord[], masked: ReadonlyMap<number, DatasetField[]>): string {
  const out: string[] = layout.bom ? [BOM] : [];
  const recordAt = new Map<number, number>();
  layout.recordLine.forEach((line, record) => recordAt.set(line, record));
  layout.lines.forEach((line, lineIndex) => {
    const r = recordAt.get(lineIndex);
    const fields = r === undefined ? undefined : masked.get(r);
    if (r === undefined || fields === undefined || !changes(records[r]!, fields)) {
      out.push(line);
      return;
    }
    const body = bodyOf(line);
    const ending = line.slice(body.length);
    const paths = layout.paths[r];
    if (paths === null || paths === undefined) {
      out.push(failedLine(records[r]!) + ending);
      return;
    }
    out.push(rewrite(body, records[r]!, paths, fields) + ending);
  });
  return out.join('');
}

/** The JSON object standing for a record that could not be read: its reason and line, no text. */
export function failedLine(record: DatasetRecord): string {
  const where = record.line !== undefined ? ` at line ${record.line}` : '';
  return JSON.stringify({ error: `${record.error ?? 'redaction_failed'}${where}`, ...(record.line !== undefined ? { line: record.line } : {}) });
}

/** Re-parses the record's text and writes each masked field at its path. */
export function rewrite(body: string, record: DatasetRecord, paths: readonly PathStep[][], fields: readonly DatasetField[]): string {
  let value = JSON.parse(body) as unknown;
  value = applyFields(value, record, paths, fields);
  return JSON.stringify(value);
}

export function applyFields(value: unknown, record: DatasetRecord, paths: readonly PathStep[][], fields: readonly DatasetField[]): unknown {
  const pathOf = new Map(record.fields.map((f, i) => [f.key, paths[i]!] as const));
  for (const f of fields) {
    const path = pathOf.get(f.key);
    if (path !== undefined) value = setAtPath(value, path, f.text);
  }
  return value;
}

/** Whether writing `fields` would change the record (else the original text is kept byte for byte). */
export function changes(record: DatasetRecord, fields: readonly DatasetField[]): boolean {
  const original = new Map(record.fields.map((f) => [f.key, f.text] as const));
  return fields.some((f) => original.has(f.key) && original.get(f.key) !== f.text);
}

/** Splits after each `\n`, keeping line breaks; no empty piece after a final newline. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl + 1;
    lines.push(text.slice(at, end));
    at = end;
  }
  return lines;
}

/** The line without its `\n` or `\r\n`. */
function bodyOf(line: string): string {
  if (line.endsWith('\r\n')) return line.slice(0, -2);
  if (line.endsWith('\n')) return line.slice(0, -1);
  return line;
}
