import { createEngine, type Engine, type EngineOptions } from '../engine/engine.js';
import { FREE_TEXT_TYPES, MODEL_PROMPTS } from '../engine/labels.js';
import type { GlinerLoadOptions, GlinerModel, ModelSource } from '../gliner/index.js';
import { toProvider, type LlmProvider, type LlmProviderConfig } from '../llm/provider.js';
import { heuristicTypes } from '../recognizers/registry.js';
import * as Errors from './errors.js';
import { AnonymizationRuns } from './resources/anonymization-runs.js';
import { Datasets } from './resources/datasets.js';
import type { JobServices } from './resources/services.js';
import { TransformJobs } from './resources/transform-jobs.js';
import { MemoryStorage } from './storage/memory.js';
import type { Storage } from './storage/storage.js';
import type { Capabilities } from './validate.js';
import { sourceModelName } from './model-name.js';

export interface LocalDataframerOptions {
  /** A GLiNER model: loaded instance, folder path (Node), base URL, or bytes. @defaultValue the bundled model */
  model?: GlinerModel | ModelSource;
  /** `'auto'` tries WebGPU and falls back to WASM. Used when the client loads the model itself. @defaultValue 'auto' */
  backend?: 'auto' | 'wasm' | 'webgpu';
  /** Further model-loading options (threads, wasm paths, download progress). */
  modelOptions?: Omit<GlinerLoadOptions, 'backend'>;
  /** A ready engine (e.g. one running in a Web Worker, see `pii-local/worker`); overrides `model`. */
  engine?: Engine;
  /** Prompt wording per canonical type for this model, and the types it was trained for. */
  labelPrompts?: EngineOptions['labelPrompts'];
  modelTypes?: EngineOptions['modelTypes'];
  /** An OpenAI-compatible endpoint (may be local) or an in-page provider; enables the llm methods. */
  llm?: LlmProviderConfig;
  /** Where datasets, jobs and files live. @defaultValue a new `MemoryStorage` */
  storage?: Storage;
  /**
   * Records per chunk a dataset file is cut into and a job holds at a time: fewer keep memory
   * smaller, more batch the engine better. The column plan of a file is inferred from its first
   * chunk (as the CLI does with the same number). Takes effect for datasets created afterwards.
   * @defaultValue 2000
   */
  chunkRecords?: number;
}

/**
 * The local twin of the remote SDK client: `client.dataframer.datasets`, `.transformJobs`,
 * `.anonymizationRuns`, with the same params, objects and error classes. Nothing leaves the
 * machine unless `llm` points somewhere.
 */
export class LocalDataframer {
  readonly dataframer: {
    datasets: Datasets;
    transformJobs: TransformJobs;
    anonymizationRuns: AnonymizationRuns;
  };

  static readonly PiiLocalError = Errors.PiiLocalError;
  static readonly APIError = Errors.APIError;
  static readonly BadRequestError = Errors.BadRequestError;
  static readonly NotFoundError = Errors.NotFoundError;
  static readonly ConflictError = Errors.ConflictError;
  static readonly InternalServerError = Errors.InternalServerError;
  static readonly APIUserAbortError = Errors.APIUserAbortError;

  readonly #engine: Engine;
  readonly #llm: LlmProvider | undefined;

  constructor(options: LocalDataframerOptions = {}) {
    this.#llm = options.llm ? toProvider(options.llm) : undefined;
    this.#engine =
      options.engine ??
      createEngine({
        model: options.model,
        modelOptions: { ...options.modelOptions, backend: options.backend ?? 'auto' },
        labelPrompts: options.labelPrompts,
        modelTypes: options.modelTypes,
        llm: this.#llm,
      });
    const storage = options.storage ?? new MemoryStorage();
    const engine = this.#engine;
    const llm = this.#llm;
    const known = new Set<string>([...heuristicTypes({ all: true }), ...Object.keys(MODEL_PROMPTS), ...FREE_TEXT_TYPES, ...(options.modelTypes ?? [])]);
    const heuristics = new Set(heuristicTypes({ all: true }));
    const capabilities = (): Capabilities => ({ knownTypes: known, heuristicTypes: heuristics, hasLlm: llm !== undefined || engine.hasLlm });

    let transformJobs: TransformJobs | undefined;
    let runs: AnonymizationRuns | undefined;
    const inUse = (datasetId: string) =>
      Boolean(transformJobs?.lifecycle.usesDataset(datasetId) || runs?.lifecycle.usesDataset(datasetId));
    if (options.chunkRecords !== undefined && !(Number.isInteger(options.chunkRecords) && options.chunkRecords > 0)) {
      throw new Errors.BadRequestError('chunkRecords must be a positive integer', 'chunkRecords');
    }
    const datasets = new Datasets(storage, inUse, options.chunkRecords);
    const modelName = sourceModelName(options.model, options.engine !== undefined);
    const services: JobServices = { storage, datasets, engine: async () => engine, capabilities, llm: () => llm, modelName: () => modelName };
    transformJobs = new TransformJobs(storage, services);
    runs = new AnonymizationRuns(storage, services);
    this.dataframer = { datasets, transformJobs, anonymizationRuns: runs };
  }

  /** Loads the model now rather than on the first job (e.g. behind a "loading" screen). */
  async ready(): Promise<void> {
    await this.#engine.ready();
  }

  /** The engine behind the client, for direct `detect`/`redact` calls. */
  get engine(): Engine {
    return this.#engine;
  }

  async close(): Promise<void> {
    await this.#engine.dispose();
  }
}

