import { quoteValue } from '../../quote.js';
import { executeJob, type JobWriter } from '../execute.js';
import { JobEvaluator } from '../evaluate.js';
import { releaseSpooled } from '../../datasets/spooled-blob.js';
import { NotFoundError } from '../errors.js';
import { runJob, type JobOutcome } from '../job-runner.js';
import { JobLifecycle } from '../lifecycle.js';
import { isPackedEntities, unpackEntities, type PackedEntities } from '../entity-table.js';
import type { Storage } from '../storage/storage.js';
import { durationSeconds, isoNow } from '../time.js';
import type {
  AnonymizationRun,
  AnonymizationRunCreateParams,
  AnonymizationRunListItem,
  AnonymizedFile,
  AnonymizationRunResults,
  EntityFound,
  PollOptions,
  RunOptions,
} from '../types.js';
import { validateAnonymizationRunCreate, type ValidatedRequest } from '../validate.js';
import type { JobServices } from './services.js';
import { checkColumnsInDataset } from '../dataset-columns.js';

interface StoredFile {
  run_id: string;
  /** A Blob: written once, kept off the JS heap, and handed out as it is (Blobs are immutable). */
  content: Blob;
  content_type: string;
}

/** Anonymization runs (`client.dataframer.anonymizationRuns`), seed 001. */
export class AnonymizationRuns {
  readonly #lifecycle: JobLifecycle<AnonymizationRun>;
  /** The anonymized files of a run (`anonymized_files[].id`). */
  readonly files: { content: (runId: string, fileId: string) => Promise<Blob> };

  constructor(
    storage: Storage,
    private readonly services: JobServices,
  ) {
    this.#lifecycle = new JobLifecycle<AnonymizationRun>(storage, 'anonymization_runs', 'anonymization run', presentRun);
    this.files = {
      content: async (runId, fileId) => {
        await this.#lifecycle.get(runId);
        const file = await storage.get<StoredFile>('files', fileId);
        if (!file || file.run_id !== runId) throw new NotFoundError(`file ${quoteValue(String(fileId))} not found in this run`, 'file_id');
        return file.content;
      },
    };
  }

  async create(params: AnonymizationRunCreateParams): Promise<AnonymizationRun> {
    const request = validateAnonymizationRunCreate(params, this.services.capabilities());
    const dataset = await this.services.datasets.retrieve(params.dataset_id);
    await checkColumnsInDataset(await this.services.datasets.content(dataset.id), request.columnOverrides);
    const now = isoNow();
    const run: AnonymizationRun = {
      id: crypto.randomUUID(),
      status: 'PENDING',
      dataset_id: dataset.id,
      dataset_name: dataset.name,
      pii_types: [...params.pii_types],
      detection_method: params.detection_method,
      llm_model_name: params.llm_model_name ?? null,
      created_by_email: null,
      duration_seconds: null,
      results: {},
      anonymized_files: [],
      completed_at: null,
      created_at: now,
      started_at: null,
      updated_at: now,
      trace: { task_id: crypto.randomUUID(), dataset: { type: dataset.dataset_type, files: dataset.file_count, samples: dataset.sample_count } },
      mask_config: params.mask_config ? { ...params.mask_config } : {},
      threshold: request.threshold,
    };
    await this.#lifecycle.save(run);
    this.#lifecycle.enqueue(run.id, dataset.id, (signal, report) =>
      executeJob(this.#lifecycle, run.id, this.#writer(request), signal, async (onProgress) => {
        const engine = await this.services.engine();
        const content = await this.services.datasets.content(dataset.id);
        return runJob({ engine, content, request, signal, onProgress, evaluator: new JobEvaluator(engine, request) });
      }, report),
    );
    return run;
  }

  retrieve(runId: string): Promise<AnonymizationRun> {
    return this.#lifecycle.get(runId);
  }

  /** Summaries, newest first, without results, files or duration (as the remote lists them). */
  async list(): Promise<AnonymizationRunListItem[]> {
    const all = await this.services.storage.list<AnonymizationRun>('anonymization_runs');
    return all.reverse().map(({ results: _r, anonymized_files: _f, duration_seconds: _d, ...item }) => item);
  }

  async cancel(runId: string): Promise<AnonymizationRun> {
    await this.#lifecycle.get(runId);
    if (this.#lifecycle.cancel(runId)) return this.#lifecycle.poll(runId);
    return this.#lifecycle.get(runId);
  }

  async delete(runId: string): Promise<void> {
    const run = await this.#lifecycle.get(runId);
    if (this.#lifecycle.cancel(runId)) await this.#lifecycle.poll(runId);
    for (const f of run.anonymized_files) {
      const stored = await this.services.storage.get<StoredFile>('files', f.id);
      await this.services.storage.delete('files', f.id);
      if (stored) await releaseSpooled(stored.content);
    }
    await this.services.storage.delete('anonymization_runs', runId);
  }

  poll(runId: string, options?: PollOptions): Promise<AnonymizationRun> {
    return this.#lifecycle.poll(runId, options);
  }

  async createAndPoll(params: AnonymizationRunCreateParams, options?: PollOptions): Promise<AnonymizationRun> {
    const run = await this.create(params);
    return this.poll(run.id, options);
  }

  async run(params: AnonymizationRunCreateParams, options: RunOptions = {}): Promise<AnonymizationRun> {
    const { wait = true, ...poll } = options;
    const run = await this.create(params);
    return wait ? this.poll(run.id, poll) : run;
  }

  /** @internal */
  get lifecycle(): JobLifecycle<AnonymizationRun> {
    return this.#lifecycle;
  }

  #writer(request: ValidatedRequest): JobWriter<AnonymizationRun> {
    const storage = this.services.storage;
    return {
      running(run, now) {
        run.status = 'PROCESSING';
        run.started_at = now;
        run.updated_at = now;
        run.trace = { ...run.trace, last_seen_at: now };
      },
      heartbeat(run, now, done, total) {
        run.updated_at = now;
        run.trace = { ...run.trace, last_seen_at: now };
        run.results = { ...run.results, samples_processed: done, samples_total: total };
      },
      async succeeded(run, outcome: JobOutcome, now) {
        const files: AnonymizedFile[] = outcome.files.map((f) => ({
          id: crypto.randomUUID(),
          path: f.path,
          size_in_bytes: f.content.size,
          content_type: f.content_type,
        }));
        // Stored before the run turns SUCCEEDED, so a poller never sees a file it cannot read.
        for (const [i, file] of files.entries()) {
          await storage.put<StoredFile>('files', file.id, { run_id: run.id, content: outcome.files[i]!.content, content_type: file.content_type });
        }
        const results: StoredRunResults = {
          entity_summary: outcome.entity_summary,
          samples_processed: outcome.samples_processed,
          // Stored packed, in the slot `entities_found` takes on the wire (see `presentRun`).
          entities_packed: outcome.entities,
          error: null,
          samples_total: outcome.samples_processed,
          sample_errors: outcome.sample_errors,
          ...(outcome.evaluation ? { evaluation: outcome.evaluation } : {}),
          ...(request.maskOptions.return_pseudonym_map ? { pseudonym_map: outcome.pseudonymMap } : {}),
          ...(outcome.column_plans.length > 0 ? { column_plans: outcome.column_plans } : {}),
        };
        run.results = results;
        run.anonymized_files = files;
        finish(run, 'SUCCEEDED', now);
      },
      failed(run, reason, now) {
        run.results = { ...run.results, error: reason };
        finish(run, 'FAILED', now);
      },
    };
  }
}

/** A run's results as stored: `entities_found` packed (older stores may still hold the list). */
type StoredRunResults = AnonymizationRunResults & { entities_packed?: PackedEntities };

/**
 * A stored run as callers see it: `results.entities_packed` becomes `results.entities_found`, in
 * the same place among the keys. The list (~100 bytes an entity, 700k for a 100 MB CSV) is built
 * the first time it is read, then is a plain data property of this copy; a caller that never reads
 * it (wants the files, the summary) never pays for it. `run` is the caller's own copy.
 */
function presentRun(run: AnonymizationRun): AnonymizationRun {
  const stored = run.results as StoredRunResults;
  const packed = stored.entities_packed;
  if (!isPackedEntities(packed)) return run;
  const results: AnonymizationRunResults = {};
  for (const [key, value] of Object.entries(stored)) {
    if (key !== 'entities_packed') Object.defineProperty(results, key, { value, writable: true, enumerable: true, configurable: true });
    else {
      const settle = (list: EntityFound[] | undefined) => {
        Object.defineProperty(results, 'entities_found', { value: list, writable: true, enumerable: true, configurable: true });
        return list;
      };
      Object.defineProperty(results, 'entities_found', {
        enumerable: true,
        configurable: true,
        get: () => settle(unpackEntities(packed)),
        set: settle,
      });
    }
  }
  run.results = results;
  return run;
}

function finish(run: AnonymizationRun, status: 'SUCCEEDED' | 'FAILED', now: string): void {
  run.status = status;
  run.completed_at = now;
  run.updated_at = now;
  run.trace = { ...run.trace, last_seen_at: now };
  run.duration_seconds = durationSeconds(run.started_at ?? run.created_at, now);
}
