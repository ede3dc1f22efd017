import { executeJob, type JobWriter } from '../execute.js';
import { runJob, type JobOutcome } from '../job-runner.js';
import { JobLifecycle } from '../lifecycle.js';
import type { Storage } from '../storage/storage.js';
import { durationSeconds, isoNow } from '../time.js';
import type { PollOptions, RunOptions, TransformJob, TransformJobCreateParams, TransformedSample } from '../types.js';
import { validateTransformJobCreate, type ValidatedRequest } from '../validate.js';
import type { JobServices } from './services.js';
import { checkColumnsInDataset } from '../dataset-columns.js';
import { JobEvaluator } from '../evaluate.js';
import { planFor } from '../../engine/methods.js';
import { configModelName } from '../model-name.js';

/** PII/PHI transform jobs (`client.dataframer.transformJobs`), seed 000. */
export class TransformJobs {
  readonly #lifecycle: JobLifecycle<TransformJob>;

  constructor(
    storage: Storage,
    private readonly services: JobServices,
  ) {
    this.#lifecycle = new JobLifecycle<TransformJob>(storage, 'transform_jobs', 'transform job');
  }

  /** Validates, stores the job as PENDING and queues it. Rejects with `BadRequestError`/`NotFoundError`. */
  async create(params: TransformJobCreateParams): Promise<TransformJob> {
    const request = validateTransformJobCreate(params, this.services.capabilities());
    const dataset = await this.services.datasets.retrieve(params.dataset_id);
    await checkColumnsInDataset(await this.services.datasets.content(dataset.id), request.columnOverrides);
    const now = isoNow();
    // The contract's model_name is the LLM's; without one, the GLiNER model that runs (null for heuristics).
    const plan = planFor(request.method);
    const model = { name: plan.llm ? (request.llmModel ?? null) : plan.gliner ? (this.services.modelName() ?? null) : null };
    const job: TransformJob = {
      id: crypto.randomUUID(),
      name: params.name,
      status: 'PENDING',
      datasets_id: dataset.id,
      dataset_name: dataset.name,
      company_id: 'local',
      pii_types: [...params.pii_types],
      detection_method: params.detection_method,
      model_name: model.name,
      mask_config: params.mask_config ? { ...params.mask_config } : {},
      threshold: request.threshold,
      metrics_json: {},
      trace: { task_id: crypto.randomUUID(), dataset: { type: dataset.dataset_type, files: dataset.file_count, samples: dataset.sample_count } },
      created_by: 0,
      created_by_email: null,
      duration_seconds: null,
      started_at: null,
      completed_at: null,
      created_at: now,
      updated_at: now,
      evaluation_model: params.evaluation_model ?? null,
    };
    await this.#lifecycle.save(job);
    this.#lifecycle.enqueue(job.id, dataset.id, (signal, report) =>
      executeJob(this.#lifecycle, job.id, writer(request, model), signal, async (onProgress) => {
        const engine = await this.services.engine();
        // The loaded model's own name beats a guess from its folder (and names an injected engine's model).
        if (plan.gliner && !plan.llm) model.name = configModelName((await engine.ready()).config) ?? model.name;
        const content = await this.services.datasets.content(dataset.id);
        const evaluator = new JobEvaluator(engine, request, params.evaluation_model, this.services.llm());
        return runJob({ engine, content, request, signal, onProgress, evaluator, keepSamples: true });
      }, report),
    );
    return job;
  }

  retrieve(jobId: string): Promise<TransformJob> {
    return this.#lifecycle.get(jobId);
  }

  /** All jobs, newest first (a bare array, as the remote lists). */
  async list(): Promise<TransformJob[]> {
    return (await this.services.storage.list<TransformJob>('transform_jobs')).reverse();
  }

  /** Ends a PENDING or RUNNING job as FAILED with reason `canceled` (the status enum has no cancel state). */
  async cancel(jobId: string): Promise<TransformJob> {
    await this.#lifecycle.get(jobId);
    if (this.#lifecycle.cancel(jobId)) return this.#lifecycle.poll(jobId);
    return this.#lifecycle.get(jobId);
  }

  async delete(jobId: string): Promise<void> {
    await this.#lifecycle.get(jobId);
    if (this.#lifecycle.cancel(jobId)) await this.#lifecycle.poll(jobId);
    await this.services.storage.delete('transform_jobs', jobId);
  }

  poll(jobId: string, options?: PollOptions): Promise<TransformJob> {
    return this.#lifecycle.poll(jobId, options);
  }

  async createAndPoll(params: TransformJobCreateParams, options?: PollOptions): Promise<TransformJob> {
    const job = await this.create(params);
    return this.poll(job.id, options);
  }

  /** Cognite-style: create, then wait (default) or return the PENDING job (`wait: false`). */
  async run(params: TransformJobCreateParams, options: RunOptions = {}): Promise<TransformJob> {
    const { wait = true, ...poll } = options;
    const job = await this.create(params);
    return wait ? this.poll(job.id, poll) : job;
  }

  /** @internal */
  get lifecycle(): JobLifecycle<TransformJob> {
    return this.#lifecycle;
  }
}

function writer(request: ValidatedRequest, model: { readonly name: string | null }): JobWriter<TransformJob> {
  return {
    running(job, now) {
      job.status = 'RUNNING';
      job.started_at = now;
      job.updated_at = now;
      job.trace.last_seen_at = now;
    },
    heartbeat(job, now, done, total) {
      job.model_name = model.name;
      job.updated_at = now;
      job.trace.last_seen_at = now;
      job.metrics_json.samples_processed = done;
      job.metrics_json.samples_total = total;
    },
    succeeded(job, outcome: JobOutcome, now) {
      job.model_name = model.name;
      const samples: TransformedSample[] = (outcome.samples ?? []).map((s) => ({
        sample_index: s.sample_index,
        file_path: s.file_path,
        ...(s.row !== undefined ? { row: s.row } : {}),
        masked_content: s.masked_content ?? '',
        entities: s.entities,
        entity_summary: s.entity_summary,
        ...(s.error !== undefined ? { error: s.error } : {}),
      }));
      job.metrics_json = {
        transformed_samples: samples,
        entity_summary: outcome.entity_summary,
        samples_total: outcome.samples_processed,
        samples_processed: outcome.samples_processed,
        samples_failed: outcome.sample_errors.length,
        ...(outcome.evaluation ? { evaluation: outcome.evaluation } : {}),
        ...(request.maskOptions.return_pseudonym_map ? { pseudonym_map: outcome.pseudonymMap } : {}),
        ...(outcome.column_plans.length > 0 ? { column_plans: outcome.column_plans } : {}),
      };
      finish(job, 'SUCCEEDED', now);
    },
    failed(job, reason, now) {
      job.model_name = model.name;
      job.metrics_json = { ...job.metrics_json, error: reason };
      finish(job, 'FAILED', now);
    },
  };
}

function finish(job: TransformJob, status: 'SUCCEEDED' | 'FAILED', now: string): void {
  job.status = status;
  job.completed_at = now;
  job.updated_at = now;
  job.trace.last_seen_at = now;
  job.duration_seconds = durationSeconds(job.started_at ?? job.created_at, now);
}
