import { readFile, writeFile } from 'node:fs/promises';
import { parseFile, serializeFile, type DatasetField } from '../datasets/index.js';
import { FAILED_PLACEHOLDER, redactTexts } from '../engine/redact-texts.js';
import { createMasker } from '../masks/index.js';
import { cliEngine } from './engine-factory.js';
import { parseMasks, parseMethod, parseThreshold, parseTypes, UsageError } from './options.js';
import { startProgress } from './progress.js';

export interface RedactArgs {
  input: string;
  output: string;
  method?: string;
  types?: string;
  mask?: string;
  threshold?: string;
  model?: string;
  locale?: string;
  hashKey?: string;
  encryptionKey?: string;
  pseudonymMap?: string;
  seed?: string;
}


/**
 * `pii-local redact`: the output keeps the input's format (JSONL `{"id","text"}` lines, CSV with its
 * header and row count, TXT/MD, JSON). Returns how many records failed (they are written with a
 * placeholder, never unmasked).
 */
export async function redactCommand(args: RedactArgs): Promise<{ records: number; failed: number }> {
  const method = parseMethod(args.method);
  const threshold = parseThreshold(args.threshold);
  const locales = args.locale?.split(',').map((s) => s.trim()).filter(Boolean);
  const { engine, known, defaultTypes } = cliEngine(method, args.model, locales);
  const types = parseTypes(args.types, known, defaultTypes);
  const maskConfig = parseMasks(args.mask, known);
  for (const type of Object.keys(maskConfig)) {
    if (!types.canonical.includes(type)) throw new UsageError(`--mask names ${type}, which is not in --types`);
  }
  const seed = args.seed === undefined ? undefined : Number(args.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be an integer');

  const bytes = await readFile(args.input);
  let parsed;
  try {
    parsed = parseFile(args.input, bytes);
  } catch (error) {
    throw new UsageError(`--input could not be read: ${(error as Error).message}`);
  }
  const masker = createMasker({ hashKey: args.hashKey, encryptionKey: args.encryptionKey, seed });
  const display = (t: string) => types.display.get(t) ?? t;

  const slots: Array<{ record: number; key: string; text: string }> = [];
  for (const [i, r] of parsed.records.entries()) if (r.error === undefined) for (const f of r.fields) slots.push({ record: i, key: f.key, text: f.text });
  const progress = startProgress(slots.length, 'redact');
  let results;
  try {
    results = await redactTexts(engine, masker, slots.map((s) => s.text), {
      method, types: types.canonical, threshold, locales, maskConfig, displayLabel: display, onProgress: (done) => progress.update(done),
    });
  } finally {
    progress.stop();
    await engine.dispose();
  }
  const masked = new Map<number, DatasetField[]>();
  const failedRecords = new Set<number>();
  for (const [j, slot] of slots.entries()) {
    const r = results[j]!;
    if (r.error !== undefined) failedRecords.add(slot.record);
    const fields = masked.get(slot.record) ?? [];
    fields.push({ key: slot.key, text: r.text });
    masked.set(slot.record, fields);
  }
  // Unparsable records are blanked too: they may hold PII we could not scan.
  for (const [i, r] of parsed.records.entries()) {
    if (r.error === undefined) continue;
    failedRecords.add(i);
    masked.set(i, r.fields.map((f) => ({ key: f.key, text: FAILED_PLACEHOLDER })));
  }
  await writeFile(args.output, serializeFile(parsed, masked));
  if (args.pseudonymMap) await writeFile(args.pseudonymMap, `${JSON.stringify(masker.pseudonymMap(), null, 2)}\n`, { mode: 0o600 });
  return { records: parsed.records.length, failed: failedRecords.size };
}
