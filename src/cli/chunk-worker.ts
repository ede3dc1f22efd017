/**
 * The `--workers` thread: redacts the chunks it is handed with its own engine (a model is loaded
 * once per thread) and its own masker, built from the settings in `workerData`. Only stateless
 * masks reach here (no PSEUDONYMIZE), with the main thread's seed and hash key, so a chunk comes
 * out byte for byte as the main thread would write it.
 */
import { workerData } from 'node:worker_threads';
import { DatasetError } from '../datasets/index.js';
import type { ChunkLayout, RecordChunk } from '../datasets/record-chunks.js';
import type { ColumnPlan } from '../engine/columns/index.js';
import type { Engine } from '../engine/engine.js';
import type { Masker, MaskerOptions } from '../masks/index.js';
import { createMasker } from '../masks/index.js';
import type { RedactRecordsOptions } from '../engine/redact-records.js';
import type { DetectionMethod } from '../engine/methods.js';
import { cliEngine } from './engine-factory.js';
import { redactChunk, type RedactedChunk } from './redact-chunk.js';
import { CellFindings } from '../engine/redact-csv-rows.js';

/** What every thread of a pool is built with: plain data (it crosses to the thread by copy). */
export interface ChunkWorkerSettings {
  method: DetectionMethod;
  model?: string;
  locales?: string[];
  masker: Pick<MaskerOptions, 'hashKey' | 'encryptionKey' | 'seed'>;
  /** Canonical type → the name written into tags (`displayLabel`). */
  display: Array<[string, string]>;
  redact: Omit<RedactRecordsOptions, 'onProgress' | 'plan' | 'displayLabel' | 'columnOverrides' | 'signal'>;
}

export interface ChunkTask {
  layout: ChunkLayout;
  index: number;
  chunk: Pick<RecordChunk, 'text' | 'firstLine'>;
  /** The first chunk's plan, used for every chunk. */
  plan: ColumnPlan | undefined;
}

/** A dataset reader's refusal crosses as its message (an error's class does not survive the copy). */
export type ChunkTaskResult = RedactedChunk | { datasetError: string };

let state: { engine: Engine; masker: Masker; options: Omit<RedactRecordsOptions, 'onProgress' | 'plan'>; findings: CellFindings } | undefined;

function setUp(settings: ChunkWorkerSettings): NonNullable<typeof state> {
  const { engine } = cliEngine(settings.method, settings.model, settings.locales);
  const display = new Map(settings.display);
  return {
    engine,
    masker: createMasker(settings.masker),
    options: { ...settings.redact, displayLabel: (t: string) => display.get(t) ?? t },
    // The pool lives for one file, so the thread's findings are that file's.
    findings: new CellFindings(),
  };
}

/** The task the pool runs (named: the CLI bundle is also its own worker file). */
export async function redactChunkTask(task: ChunkTask): Promise<ChunkTaskResult> {
  state ??= setUp(workerData as ChunkWorkerSettings);
  try {
    return await redactChunk(task.layout, task.index, task.chunk, state.engine, state.masker, { ...state.options, plan: task.plan ?? false, findings: state.findings });
  } catch (error) {
    if (error instanceof DatasetError) return { datasetError: error.message };
    throw error;
  }
}
