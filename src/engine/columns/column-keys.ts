import type { DatasetFormat } from '../../datasets/index.js';

/**
 * The column a field belongs to. CSV: its header key as is (`[3]` names an unnamed column).
 * JSON/JSONL: its path with array indices generalised (`contacts[0].phone` → `contacts[].phone`),
 * so that every element of an array falls into one column.
 */
export function columnOf(key: string, format: DatasetFormat): string {
  return format === 'csv' ? key : key.replace(/\[\d+\]/g, '[]');
}

/** Formats whose records are tables or records of named fields (TXT/MD files are one text). */
export function hasColumns(format: DatasetFormat): boolean {
  return format === 'csv' || format === 'json' || format === 'jsonl';
}

/**
 * The words of a header or key: accents folded, camelCase and `snake_case`/`kebab-case`/dotted
 * paths split, lower case. `"Date of Birth"`, `"dateOfBirth"` and `"date_of_birth"` all read
 * `date of birth`.
 */
export function headerWords(header: string): string[] {
  const spaced = header
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase();
  return spaced.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/**
 * The last named step of a column (`customer.address.city` → `city`, `phones[]` → `phones`,
 * `["E-mail"]` → `E-mail`): the part that says what a value is.
 */
export function lastStep(column: string): string {
  const steps = column.match(/\["(?:[^"\\]|\\.)*"\]|[^.[\]]+/g) ?? [];
  const last = steps[steps.length - 1];
  if (last === undefined) return column;
  if (last.startsWith('["')) {
    try {
      return JSON.parse(last.slice(1, -1)) as string;
    } catch {
      return last;
    }
  }
  return last;
}
