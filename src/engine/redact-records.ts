import type { DatasetField, ParsedFile } from '../datasets/index.js';
import type { Engine } from './engine.js';
import { FAILED_PLACEHOLDER, redactTexts, type RedactTextsOptions } from './redact-texts.js';
import type { Masker } from '../masks/index.js';

export interface RedactedRecords {
  /** Masked fields per record index, ready for `serializeFile`. */
  masked: Map<number, DatasetField[]>;
  records: number;
  /** Records written with the placeholder (unreadable, or detection/masking failed). */
  failed: number;
}

/**
 * Masks every field of every record of a parsed file (or of one chunk of a file). Records that
 * could not be read are blanked too: they may hold PII we could not scan.
 */
export async function redactRecords(
  engine: Engine,
  masker: Masker,
  parsed: ParsedFile,
  options: Omit<RedactTextsOptions, 'onProgress'> & { onProgress?: (done: number) => void },
): Promise<RedactedRecords> {
  const slots: Array<{ record: number; key: string; text: string }> = [];
  for (const [i, r] of parsed.records.entries()) if (r.error === undefined) for (const f of r.fields) slots.push({ record: i, key: f.key, text: f.text });
  const { onProgress, ...rest } = options;
  const results = await redactTexts(engine, masker, slots.map((s) => s.text), { ...rest, onProgress: onProgress && ((done) => onProgress(done)) });
  const masked = new Map<number, DatasetField[]>();
  const failed = new Set<number>();
  for (const [j, slot] of slots.entries()) {
    const r = results[j]!;
    if (r.error !== undefined) failed.add(slot.record);
    const fields = masked.get(slot.record) ?? [];
    fields.push({ key: slot.key, text: r.text });
    masked.set(slot.record, fields);
  }
  for (const [i, r] of parsed.records.entries()) {
    if (r.error === undefined) continue;
    failed.add(i);
    masked.set(i, r.fields.map((f) => ({ key: f.key, text: FAILED_PLACEHOLDER })));
  }
  return { masked, records: parsed.records.length, failed: failed.size };
}
