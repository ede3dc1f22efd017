import { randomBytes } from 'node:crypto';
import { stat, writeFile } from 'node:fs/promises';
import { createMasker, type MaskConfig } from '../masks/index.js';
import { cliEngine } from './engine-factory.js';
import { chooseWasmTiers } from './wasm-tiering.js';
import { parseColumns, parseMasks, parseMethod, parseThreshold, parseTypes, UsageError } from './options.js';
import { ColumnOverrideError, explainPlan, type ColumnPlan } from '../engine/columns/index.js';
import { startByteProgress } from './progress.js';
import { redactStream } from './redact-stream.js';
import { GUESSED_ENCODING_WARNING, parseEncoding } from './output-encoding.js';

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
  /** Print the column plan (column → role/type, evidence) on stdout. */
  explain?: boolean;
  /** Column overrides: `COLUMN=keep|scan|TYPE,...` or a JSON object. */
  columns?: string;
  /** The input's encoding when it has no BOM and is not UTF-8 (default: windows-1252, with a warning). */
  encoding?: string;
  /** Threads redacting a file's chunks (default 1). */
  workers?: string;
}


/**
 * `pii-local redact`: the output keeps the input's format (JSONL `{"id","text"}` lines, CSV with its
 * header and row count, TXT/MD, JSON). Returns how many records failed (they are written with a
 * placeholder, never unmasked).
 */
export async function redactCommand(args: RedactArgs): Promise<{ records: number; failed: number; failedLines: number[] }> {
  const method = parseMethod(args.method);
  const threshold = parseThreshold(args.threshold);
  const locales = args.locale?.split(',').map((s) => s.trim()).filter(Boolean);
  const { engine, known, defaultTypes } = cliEngine(method, args.model, locales);
  const types = parseTypes(args.types, known, defaultTypes);
  const maskConfig = parseMasks(args.mask, known);
  for (const type of Object.keys(maskConfig)) {
    if (!types.canonical.includes(type)) throw new UsageError(`--mask names ${type}, which is not in --types`);
  }
  const columnOverrides = parseColumns(args.columns, known, types.canonical);
  const declaredEncoding = parseEncoding(args.encoding);
  const seed = args.seed === undefined ? undefined : Number(args.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be an integer');

  const workerCount = parseWorkers(args.workers);
  // PSEUDONYMIZE numbers values in order of sight across the file: one thread keeps that order.
  const parallel = workerCount > 1 && !usesPseudonyms(maskConfig);
  if (workerCount > 1 && !parallel) process.stderr.write('pii-local: PSEUDONYMIZE numbers values across the whole file, so it runs on one thread (--workers ignored)\n');
  // Threads mask alike only with the same REPLACE seed and HASH key: draw them here when not given.
  const maskerOptions = parallel
    ? { hashKey: args.hashKey ?? randomBytes(32).toString('base64'), encryptionKey: args.encryptionKey, seed: seed ?? randomBytes(4).readUInt32LE(0) }
    : { hashKey: args.hashKey, encryptionKey: args.encryptionKey, seed };
  const masker = createMasker(maskerOptions);
  const display = (t: string) => types.display.get(t) ?? t;
  const redact = { method, types: types.canonical, threshold, locales, maskConfig, displayLabel: display, ...(columnOverrides ? { columnOverrides } : {}) };
  const workers = parallel
    ? {
        count: workerCount,
        settings: {
          method, ...(args.model !== undefined ? { model: args.model } : {}), ...(locales ? { locales } : {}),
          masker: maskerOptions, display: [...types.display], redact: { method, types: types.canonical, threshold, locales, maskConfig },
        },
      }
    : undefined;
  const explain = (plan: ColumnPlan | undefined) => {
    if (!args.explain) return;
    process.stdout.write(plan ? explainPlan(plan, display).map((l) => `${l}\n`).join('') : 'no columns: the input is one text\n');
  };

  // Every input is read as a stream of record chunks, as API datasets are: memory stays flat and
  // the output is what the API writes for the same file.
  const { size } = await stat(args.input).catch(async (error: unknown) => {
    await engine.dispose();
    throw error;
  });
  chooseWasmTiers(method, size);
  const progress = startByteProgress(size, 'redact');
  try {
    const result = await redactStream(args.input, args.output, engine, masker, {
      ...redact, onProgress: (records, bytes) => progress.update(bytes, records), ...(declaredEncoding ? { encoding: declaredEncoding } : {}), ...(workers ? { workers } : {}),
    });
    if (result.encodingGuessed) process.stderr.write(GUESSED_ENCODING_WARNING);
    explain(result.plan);
    await writePseudonymMap(args.pseudonymMap, masker.pseudonymMap());
    return { records: result.records, failed: result.failed, failedLines: result.failedLines };
  } catch (error) {
    throw usageErrorOf(error);
  } finally {
    progress.stop();
    await engine.dispose();
  }
}

/** `--workers N`: a whole number from 1 to 64. */
export function parseWorkers(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64 || value.trim() === '') throw new UsageError('--workers must be a whole number from 1 to 64');
  return n;
}

/** Whether a mask config uses PSEUDONYMIZE, whose tokens depend on every value seen before. */
function usesPseudonyms(config: MaskConfig): boolean {
  return Object.values(config).some((rule) => (typeof rule === 'string' ? rule : rule.strategy).toUpperCase() === 'PSEUDONYMIZE');
}

/** A column override naming a column the file lacks is a bad command line (exit code 2). */
function usageErrorOf(error: unknown): unknown {
  return error instanceof ColumnOverrideError ? new UsageError(`--${error.message}`) : error;
}

async function writePseudonymMap(path: string | undefined, map: Record<string, string>): Promise<void> {
  if (path) await writeFile(path, `${JSON.stringify(map, null, 2)}\n`, { mode: 0o600 });
}
