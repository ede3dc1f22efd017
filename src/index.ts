/**
 * pii-local: find and mask personal data inside the browser or Node.
 *
 * Public surface, in six groups:
 * 1. The remote-compatible client: `LocalDataframer`, its error classes, `toFile`, the wire types.
 * 2. The engine (detect → merge → mask without jobs): `createEngine`, `mergeSpans`.
 * 3. The parts: heuristic `recognize`, GLiNER `loadGliner`, masks (`createMasker`, `deanonymize`),
 *    dataset readers/writers (`parseFile`, `serializeFile`), the LLM provider.
 * 4. Storage: `MemoryStorage`, `IndexedDBStorage` (jobs and datasets that survive a reload).
 * 5. The one-call path: `redactText` (a string) and `redactFile` (a file), with the CLI's defaults.
 * 6. The browser: `createWorkerEngine` (the engine in a Web Worker), `redactFile` (redact before
 *    upload), the model cache and the offline service worker (`registerOfflineWorker`) for offline use.
 */
export { LocalDataframer, type LocalDataframerOptions } from './api/client.js';
export {
  PiiLocalError,
  APIError,
  BadRequestError,
  NotFoundError,
  ConflictError,
  InternalServerError,
  APIUserAbortError,
} from './api/errors.js';
export { toFile } from './api/uploads.js';
export type * from './api/types.js';
export { MemoryStorage } from './api/storage/memory.js';
export { IndexedDBStorage } from './api/storage/indexeddb.js';
export type { Storage, Collection } from './api/storage/storage.js';

export {
  createEngine,
  DEFAULT_MODEL_TYPES,
  type Engine,
  type EngineOptions,
  type DetectOptions,
  type RedactOptions,
  type SampleDetection,
  type SampleRedaction,
} from './engine/engine.js';
export { EngineError, type EngineErrorCode } from './engine/errors.js';
export type { StageTimings } from './engine/timings.js';
export { mergeSpans, mergeSpansInText } from './engine/merge.js';
export { canonicalType, resolveTypes, promptFor, MODEL_PROMPTS } from './engine/labels.js';
export {
  TRANSFORM_JOB_METHODS,
  ANONYMIZATION_RUN_METHODS,
  type DetectionMethod,
} from './engine/methods.js';
export { defaultModelSource, BUNDLED_MODEL_DEFAULT_TYPES } from './engine/model-source.js';

export { recognize, heuristicTypes, type RecognizeOptions } from './recognizers/registry.js';
export { loadGliner, type GlinerModel, type GlinerLoadOptions, type ModelSource, type PredictOptions } from './gliner/index.js';
export {
  createMasker,
  deanonymize,
  validateMaskConfig,
  type Masker,
  type MaskerOptions,
  type MaskConfig,
  type MaskRule,
  type MaskStrategy,
} from './masks/index.js';
export { parseFile, serializeFile, type ParsedFile, type DatasetFormat, type DatasetRecord, type DatasetField } from './datasets/index.js';
export { createOpenAICompatibleProvider, type LlmProvider, type LlmProviderConfig } from './llm/index.js';

export { redactTexts, FAILED_PLACEHOLDER, type RedactedText, type RedactTextsOptions } from './engine/redact-texts.js';
export { createWorkerEngine, type WorkerEngineOptions } from './worker/client.js';
export { createWorkerPool, type WorkerPool, type WorkerPoolOptions } from './worker/pool.js';
export { redactFile, redactFileWithReport, type RedactFileOptions, type RedactFileReport } from './browser/redact-file.js';
export { redactText, redactTextWithReport, type RedactTextOptions, type RedactTextReport } from './simple/redact-text.js';
export { releaseDefaultEngine, type SimpleRedactOptions } from './simple/request.js';
export {
  explainPlan,
  ColumnOverrideError,
  type ColumnAction,
  type ColumnDecision,
  type ColumnEvidence,
  type ColumnOverrides,
  type ColumnPlan,
  type ColumnRole,
} from './engine/columns/index.js';
export { createModelFetch, clearModelCache, cachedModelUrls, type ModelCacheOptions, type ModelDownloadProgress } from './browser/model-cache.js';
export { registerOfflineWorker, precacheForOffline, offlineCachedUrls, clearOfflineCache, OFFLINE_CACHE, type RegisterOfflineOptions, type OfflineRegistration } from './browser/offline.js';

export type { Span, Sample } from './types.js';
