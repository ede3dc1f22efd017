import { canonicalType } from '../labels.js';
import type { ColumnAction, ColumnOverrides } from './types.js';
import { quoteValue } from '../../quote.js';

/** A column override read and checked: what to do with the column, and the type for `mask_whole`. */
export interface ResolvedOverride {
  action: ColumnAction;
  type?: string;
}

export type ColumnOverrideErrorCode = 'invalid_columns' | 'unknown_type' | 'type_not_requested' | 'unknown_columns';

/**
 * A bad `columns` override. Messages name columns and type words (the caller's vocabulary), never
 * cell text; the API turns it into a `BadRequestError`, the CLI into exit code 2.
 */
export class ColumnOverrideError extends Error {
  override name = 'ColumnOverrideError';
  constructor(
    readonly code: ColumnOverrideErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads `{ "Customer ID": "keep", "Comments": "scan", "Full Name": "PERSON" }`: `keep`, `scan`
 * (any case), or a type name in any accepted spelling, which must be among the requested types
 * (only what the caller asked for is masked). Column names are checked later against the data
 * (`checkOverrideColumns`), since only the data knows its columns.
 */
export function resolveColumnOverrides(
  raw: unknown,
  known: ReadonlySet<string>,
  requested: readonly string[],
): Map<string, ResolvedOverride> {
  const out = new Map<string, ResolvedOverride>();
  if (raw === undefined || raw === null) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ColumnOverrideError('invalid_columns', 'columns must be an object of column → "keep" | "scan" | TYPE');
  for (const [column, value] of Object.entries(raw as ColumnOverrides)) {
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ColumnOverrideError('invalid_columns', `columns entry ${quote(column)} must be "keep", "scan" or a type name`);
    }
    const word = value.trim().toLowerCase();
    if (word === 'keep' || word === 'scan') {
      out.set(column, { action: word });
      continue;
    }
    const type = canonicalType(value, known);
    if (type === undefined) throw new ColumnOverrideError('unknown_type', `columns entry ${quote(column)} has unknown type ${quote(value)}; use "keep", "scan" or a type name`);
    if (!requested.includes(type)) throw new ColumnOverrideError('type_not_requested', `columns entry ${quote(column)} names type ${quote(value)}, which is not among the requested types`);
    out.set(column, { action: 'mask_whole', type });
  }
  return out;
}

/** The override for a column, matched by its plan name or a concrete path (`contacts[0].phone`). */
export function overrideFor(overrides: ReadonlyMap<string, ResolvedOverride> | undefined, column: string): ResolvedOverride | undefined {
  if (!overrides || overrides.size === 0) return undefined;
  const direct = overrides.get(column);
  if (direct) return direct;
  for (const [key, value] of overrides) if (key.replace(/\[\d+\]/g, '[]') === column) return value;
  return undefined;
}

/** Throws `unknown_columns` naming every override that matches no column of the data. */
export function checkOverrideColumns(overrides: ReadonlyMap<string, ResolvedOverride>, columns: Iterable<string>): void {
  const known = new Set(columns);
  const unknown = [...overrides.keys()].filter((k) => !known.has(k) && !known.has(k.replace(/\[\d+\]/g, '[]')));
  if (unknown.length > 0) {
    throw new ColumnOverrideError('unknown_columns', `columns names unknown column(s): ${unknown.map(quote).join(', ')}`);
  }
}

/** Column and type names are caller vocabulary: quoted cut short, at the length these messages always used. */
const quote = (name: string): string => quoteValue(name, 60);
