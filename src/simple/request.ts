import { createEngine, type Engine, type EngineOptions } from '../engine/engine.js';
import { EngineError } from '../engine/errors.js';
import { defaultTypes, knownTypes } from '../engine/default-types.js';
import { resolveTypes } from '../engine/labels.js';
import { planFor, type DetectionMethod } from '../engine/methods.js';
import type { MaskConfig, MaskerOptions } from '../masks/index.js';
import type { RedactTextsOptions } from '../engine/redact-texts.js';

/** What the one-call helpers (`redactText`, `redactFile`) take besides their input. */
export interface SimpleRedactOptions {
  /**
   * The engine to run (e.g. `createWorkerEngine()`, or `client.engine` of a `LocalDataframer`).
   * Without one (and without `engineOptions`), one in-page engine is made on first use and shared
   * by later calls, so the model loads once; `releaseDefaultEngine()` frees it.
   */
  engine?: Engine;
  /** Options for an in-page engine made for this call alone and disposed afterwards. */
  engineOptions?: EngineOptions;
  /** @defaultValue `'gliner+heuristics'` */
  method?: DetectionMethod;
  /**
   * Types to find, in any accepted spelling (`PERSON`, `EMAIL_ADDRESS`, `first_name`); tags use that
   * spelling. @defaultValue every type the method serves; of the bundled model's, only
   * `BUNDLED_MODEL_DEFAULT_TYPES` (whichever engine runs it)
   */
  types?: readonly string[];
  /** Rule per type (same spellings as `types`); absent types are redacted. */
  maskConfig?: MaskConfig;
  /** Keys, seed and earlier pseudonym map for the masker. */
  masker?: MaskerOptions;
  /** @defaultValue 0.3 */
  threshold?: number;
  locales?: readonly string[];
  llmModel?: string;
  signal?: AbortSignal;
}

/** A simple call's settings, checked and in canonical types. */
export interface SimpleRequest {
  method: DetectionMethod;
  types: string[];
  /** Canonical type → the caller's spelling, for tags. */
  display: Map<string, string>;
  maskConfig: MaskConfig;
  known: Set<string>;
  /** What `redactTexts`/`redactRecords` are given for this request. */
  redact: RedactTextsOptions;
}

/** Checks the options; unknown type names throw `EngineError('unsupported_type')`. */
export function resolveSimpleRequest(options: SimpleRedactOptions): SimpleRequest {
  const method = options.method ?? 'gliner+heuristics';
  const known = knownTypes();
  const bundled = options.engine ? options.engine.bundledModel : options.engineOptions?.model === undefined;
  const requested = options.types ?? defaultTypes(planFor(method), options.locales, bundled);
  const types = resolveTypes(requested, known);
  if (types.unknown.length > 0) throw new EngineError('unsupported_type', `unknown type(s): ${types.unknown.join(', ')}`);
  const maskConfig = canonicalMaskConfig(options.maskConfig ?? {}, known);
  const redact: RedactTextsOptions = {
    method,
    types: types.canonical,
    threshold: options.threshold,
    locales: options.locales,
    llmModel: options.llmModel,
    signal: options.signal,
    maskConfig,
    displayLabel: (t) => types.display.get(t) ?? t,
  };
  return { method, types: types.canonical, display: types.display, maskConfig, known, redact };
}

function canonicalMaskConfig(config: MaskConfig, known: ReadonlySet<string>): MaskConfig {
  const out: MaskConfig = {};
  for (const [key, rule] of Object.entries(config)) {
    const type = resolveTypes([key], known).canonical[0];
    if (type === undefined) throw new EngineError('unsupported_type', `maskConfig names an unknown type: ${key}`);
    out[type] = rule;
  }
  return out;
}

let shared: Engine | undefined;

/**
 * Runs `use` with the caller's engine, a one-off engine from `engineOptions` (disposed after), or
 * the shared default engine.
 */
export async function withEngine<T>(options: SimpleRedactOptions, use: (engine: Engine) => Promise<T>): Promise<T> {
  if (options.engine) return use(options.engine);
  if (options.engineOptions) {
    const engine = createEngine(options.engineOptions);
    try {
      return await use(engine);
    } finally {
      await engine.dispose();
    }
  }
  shared ??= createEngine();
  return use(shared);
}

/** Frees the engine that `redactText`/`redactFile` share when called without one (its model included). */
export async function releaseDefaultEngine(): Promise<void> {
  const engine = shared;
  shared = undefined;
  await engine?.dispose();
}
