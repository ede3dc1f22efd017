import { BOM } from './decode.js';
import type { DatasetField, DatasetRecord, TextLayout } from './types.js';

/** TXT and MD: the whole file is one record with one field `text`; an empty file has none. */
export function parseText(name: string, text: string, bom: boolean): { records: DatasetRecord[]; layout: TextLayout } {
  const records: DatasetRecord[] = text === '' ? [] : [{ id: name, index: 0, fields: [{ key: 'text', text }] }];
  return { records, layout: { kind: 'text', bom, text } };
}

export function serializeText(layout: TextLayout, records: readonly DatasetRecord[], masked: ReadonlyMap<number, DatasetField[]>): string {
  const field = masked.get(0)?.find((f) => f.key === 'text');
  const text = field !== undefined && records.length > 0 ? field.text : layout.text;
  return (layout.bom ? BOM : '') + text;
}
