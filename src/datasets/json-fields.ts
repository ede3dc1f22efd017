import type { DatasetField, PathStep } from './types.js';

/** Values nested deeper than this are refused per record (deep JSON can exhaust the stack). */
export const MAX_DEPTH = 512;

export type JsonRead =
  | { ok: true; id?: string; fields: DatasetField[]; paths: PathStep[][] }
  | { ok: false; error: string };

/**
 * The text fields of one JSON record. A record is an object or a bare string; anything else
 * (`null`, a number, an array) is refused with `not_an_object`. Fields: the given `textFields`
 * paths; else the `text` field when it is a string (the CLI contract `{"id","text"}`); else every
 * string leaf, in document order. Numbers and booleans are never fields (rewriting them would change
 * their type).
 */
export function readJsonRecord(value: unknown, textFields: readonly string[] | undefined): JsonRead {
  if (typeof value === 'string') return { ok: true, fields: [{ key: 'text', text: value }], paths: [[]] };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'not_an_object' };
  if (depthOf(value) > MAX_DEPTH) return { ok: false, error: 'nesting_too_deep' };
  const record = value as Record<string, unknown>;
  const rawId = record.id;
  const id = typeof rawId === 'string' || (typeof rawId === 'number' && Number.isFinite(rawId)) ? String(rawId) : undefined;
  const fields: DatasetField[] = [];
  const paths: PathStep[][] = [];
  if (!textFields && typeof record.text === 'string') {
    fields.push({ key: 'text', text: record.text });
    paths.push(['text']);
  } else {
    for (const leaf of stringLeaves(record)) {
      const key = renderPath(leaf.path);
      if (textFields && !textFields.some((p) => key === p || key.startsWith(`${p}.`) || key.startsWith(`${p}[`))) continue;
      fields.push({ key, text: leaf.text });
      paths.push(leaf.path);
    }
  }
  return { ok: true, ...(id !== undefined ? { id } : {}), fields, paths };
}

/** String leaves in document order, without recursion. */
function stringLeaves(root: object): Array<{ path: PathStep[]; text: string }> {
  const out: Array<{ path: PathStep[]; text: string }> = [];
  const stack: Array<{ value: unknown; path: PathStep[] }> = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') out.push({ path, text: value });
    else if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    else if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (value as Record<string, unknown>)[keys[i]!], path: [...path, keys[i]!] });
    }
  }
  return out;
}

export function depthOf(root: unknown): number {
  let max = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth + 1 > max) max = depth + 1;
    if (max > MAX_DEPTH) return max;
    for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
  }
  return max;
}

/** `["a", "b", 2]` → `a.b[2]`; keys that are not plain identifiers are quoted: `["odd key"]`. */
export function renderPath(path: readonly PathStep[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(step)) out += out === '' ? step : `.${step}`;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}

/** Writes `text` at `path` inside `root` (mutating it); returns the new root (for the empty path). */
export function setAtPath(root: unknown, path: readonly PathStep[], text: string): unknown {
  if (path.length === 0) return text;
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  // defineProperty: a key named `__proto__` must stay an own data property.
  Object.defineProperty(node, path[path.length - 1]!, { value: text, writable: true, enumerable: true, configurable: true });
  return root;
}

/** JSON.parse, with a failure reduced to a code (V8's messages quote the input). */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: 'invalid_json' | 'nesting_too_deep' } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: error instanceof RangeError ? 'nesting_too_deep' : 'invalid_json' };
  }
}
