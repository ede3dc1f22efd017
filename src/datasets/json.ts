import { BOM } from './decode.js';
import { DatasetError } from './errors.js';
import { readJsonRecord, parseJson, MAX_DEPTH } from './json-fields.js';
import { applyFields, changes } from './jsonl.js';
import type { DatasetField, DatasetRecord, JsonLayout } from './types.js';

/**
 * A JSON file: an array gives one record per element, any other value one record. An element that
 * is not an object (or bare string) is a record with an `error` code and one field `value` (its
 * JSON). A file that is not JSON at all throws `DatasetError` (`invalid_json`): unlike JSON Lines
 * there is no record boundary to recover at. An empty file has no records.
 */
export function parseJsonFile(text: string, bom: boolean, textFields?: readonly string[]): { records: DatasetRecord[]; layout: JsonLayout } {
  const trailing = /\s*$/.exec(text)![0];
  const layout: JsonLayout = { kind: 'json', bom, text, shape: 'empty', indent: detectIndent(text), trailing, paths: [] };
  if (text.trim() === '') return { records: [], layout };
  const parsed = parseJson(text);
  if (!parsed.ok) {
    if (parsed.error === 'nesting_too_deep') throw new DatasetError('nesting_too_deep', `the JSON is nested deeper than ${MAX_DEPTH} levels`);
    const hint = /^\s*\{[^\n]*\}\s*\n\s*\{/.test(text.slice(0, 64 * 1024)) ? ' (it looks like JSON Lines: name it .jsonl)' : '';
    throw new DatasetError('invalid_json', `the file is not valid JSON${hint}`);
  }
  const values = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  layout.shape = Array.isArray(parsed.value) ? 'array' : 'single';
  const records = values.map((value, index): DatasetRecord => {
    const read = readJsonRecord(value, textFields);
    if (read.ok) {
      layout.paths.push(read.paths);
      return { id: read.id ?? String(index), index, fields: read.fields };
    }
    layout.paths.push(null);
    return { id: String(index), index, fields: [{ key: 'value', text: safeStringify(value) }], error: read.error };
  });
  return { records, layout };
}

/**
 * The original text when nothing changed; else the value re-serialized with the detected
 * indentation and trailing whitespace. A masked error element becomes its masked `value` as a string.
 */
export function serializeJsonFile(layout: JsonLayout, records: readonly DatasetRecord[], masked: ReadonlyMap<number, DatasetField[]>): string {
  const bom = layout.bom ? BOM : '';
  const touched = [...masked].filter(([r, fields]) => records[r] !== undefined && changes(records[r]!, fields));
  if (touched.length === 0 || layout.shape === 'empty') return bom + layout.text;
  let root = JSON.parse(layout.text) as unknown;
  for (const [r, fields] of touched) {
    const paths = layout.paths[r];
    const replace = (value: unknown) =>
      paths === null || paths === undefined ? fields.map((f) => f.text).join(' ') : applyFields(value, records[r]!, paths, fields);
    if (layout.shape === 'array') (root as unknown[])[r] = replace((root as unknown[])[r]);
    else root = replace(root);
  }
  return bom + JSON.stringify(root, null, layout.indent) + layout.trailing;
}

/** The indentation of the first indented line (`"  "`, `"\t"`), or 0 for a one-line file. */
function detectIndent(text: string): string | 0 {
  const m = /\n([ \t]+)\S/.exec(text.slice(0, 64 * 1024));
  return m ? m[1]!.slice(0, 10) : 0;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
