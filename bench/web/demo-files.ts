/**
 * The demo's file work, off the page's main thread: reading a dropped file for the input panel's
 * preview, and writing its anonymized copy with `redactFileWithReport`. Both run in a worker
 * started from the demo's own script (`build.ts` bundles one script per page; `demo.ts` serves this
 * module when it finds itself in that worker). Detection still runs in the engine worker: the file
 * worker asks the page for it through a relay, so only texts and spans cross, never the file twice.
 */
import { expose, proxy, wrap, type Remote } from 'comlink';
import { redactFileWithReport, type RedactFileOptions } from '../../src/browser/redact-file.js';
import { parseFile, type DatasetField, type DatasetFormat } from '../../src/datasets/index.js';
import type { DetectOptions, Engine, SampleDetection } from '../../src/engine/engine.js';
import { EngineError } from '../../src/engine/errors.js';

/** The file worker's `name`: how `demo.ts` knows it runs as this worker. */
export const FILE_WORKER_NAME = 'pii-local-demo-files';

export function isFileWorker(): boolean {
  return typeof document === 'undefined' && (globalThis as { name?: unknown }).name === FILE_WORKER_NAME;
}

/** The first records of a file, for the input panel. */
export interface FilePreview {
  format: DatasetFormat;
  /** Records in the whole file. */
  records: number;
  /** Records that could not be read (a broken JSONL line, a malformed CSV row). */
  unreadable: number;
  /** Field keys in order of first appearance (CSV: the header). */
  columns: string[];
  /** `row`: the record's position in the file, from 1; `id`: its id (an `id` field, else the position). */
  rows: { row: number; id: string; error?: string; fields: DatasetField[] }[];
  /** Where it was parsed: the worker's name. */
  parsedIn: string;
}

/** Detection options that cross to the page (no signal, no callbacks). */
type WireDetectOptions = Omit<DetectOptions, 'signal' | 'onProgress' | 'onWork' | 'timings'>;

/** `redactFileWithReport` options that cross to the file worker (the engine is the relay). */
export type FileRedactOptions = Pick<RedactFileOptions, 'method' | 'types' | 'maskConfig' | 'masker' | 'threshold' | 'locales'>;

interface FileApi {
  preview(file: File, rows: number): Promise<FilePreview>;
  redact(
    file: File,
    options: FileRedactOptions,
    engine: { bundledModel: boolean; supported: { heuristics: string[]; model: string[] } },
    detect: (texts: string[], options: WireDetectOptions) => Promise<SampleDetection[]>,
    onProgress: (done: number, total: number) => void,
  ): Promise<{ file: File; records: number; failed: number }>;
  cancel(): void;
}

// ------------------------------------------------------------------------------------------------
// In the worker

/** Serves `FileApi` to the page that started this worker. */
export function serveFiles(): void {
  let current: AbortController | undefined;
  const api: FileApi = {
    async preview(file, rows) {
      const parsed = parseFile(file.name, new Uint8Array(await file.arrayBuffer()), file.type ? { contentType: file.type } : {});
      const columns: string[] = [];
      const shown = parsed.records.slice(0, rows).map((r) => {
        if (r.error === undefined) for (const f of r.fields) if (!columns.includes(f.key)) columns.push(f.key);
        return { row: r.index + 1, id: r.id, fields: r.fields, ...(r.error !== undefined ? { error: r.error } : {}) };
      });
      return {
        format: parsed.format,
        records: parsed.records.length,
        unreadable: parsed.records.filter((r) => r.error !== undefined).length,
        columns,
        rows: shown,
        parsedIn: String((globalThis as { name?: unknown }).name ?? 'worker'),
      };
    },
    async redact(file, options, engine, detect, onProgress) {
      current?.abort();
      const controller = new AbortController();
      current = controller;
      const report = await redactFileWithReport(file, {
        ...options,
        engine: relayEngine(engine, detect),
        signal: controller.signal,
        onProgress: (done, total) => void onProgress(done, total),
      });
      return { file: report.file, records: report.records, failed: report.failed };
    },
    cancel() {
      current?.abort();
    },
  };
  expose(api, globalThis as unknown as Worker);
}

/** An engine whose `detect` is the page's (which passes it on to the engine worker); the file path needs nothing else. */
function relayEngine(
  info: { bundledModel: boolean; supported: { heuristics: string[]; model: string[] } },
  detect: (texts: string[], options: WireDetectOptions) => Promise<SampleDetection[]>,
): Engine {
  const notRelayed = (what: string) => Promise.reject(new EngineError('invalid_input', `the demo's file worker relays detection only, not ${what}`));
  return {
    detect: (texts, { signal: _s, onProgress: _p, onWork: _w, timings: _t, ...rest }) => detect([...texts], rest),
    redact: () => notRelayed('redact'),
    ready: () => notRelayed('ready'),
    supportedTypes: () => ({ heuristics: [...info.supported.heuristics], model: [...info.supported.model] }),
    hasLlm: false,
    bundledModel: info.bundledModel,
    dispose: async () => undefined,
  };
}

// ------------------------------------------------------------------------------------------------
// On the page

export interface FileWorker {
  preview(file: File, rows: number): Promise<FilePreview>;
  /** The anonymized file; rejects with an abort error when `signal` fires. */
  redact(file: File, engine: Engine, options: FileRedactOptions & { signal: AbortSignal; onProgress: (done: number, total: number) => void }): Promise<{ file: File; records: number; failed: number }>;
}

/** Starts the file worker from `script` (the demo's own bundle) on first use. */
export function fileWorker(script: string | URL): FileWorker {
  let remote: Remote<FileApi> | undefined;
  const api = () => (remote ??= wrap<FileApi>(new Worker(script, { type: 'module', name: FILE_WORKER_NAME })));
  return {
    preview: (file, rows) => api().preview(file, rows),
    async redact(file, engine, { signal, onProgress, ...options }) {
      const worker = api();
      const onAbort = () => void worker.cancel();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        return await worker.redact(
          file,
          options,
          { bundledModel: engine.bundledModel, supported: engine.supportedTypes() },
          proxy((texts: string[], opts: WireDetectOptions) => engine.detect(texts, { ...opts, signal })),
          proxy(onProgress),
        );
      } catch (error) {
        // comlink gives errors back as plain `Error`s: an abort is recognised by the signal
        if (signal.aborted) throw new EngineError('aborted', 'the operation was aborted');
        throw error;
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
  };
}
