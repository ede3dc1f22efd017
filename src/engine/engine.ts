import type { Span } from '../types.js';
import type { GlinerLoadOptions, GlinerModel, ModelSource } from '../gliner/index.js';
import type { LlmProvider } from '../llm/provider.js';
import type { MaskConfig, MaskerOptions } from '../masks/index.js';
import { recognize, heuristicTypes } from '../recognizers/registry.js';
import { detectWithLlm } from '../llm/detect.js';
import { EngineError, failureReason, isAbort, reasonOf, throwIfAborted } from './errors.js';
import { promptFor } from './labels.js';
import { DEFAULT_MODEL_TYPES, defaultTypes } from './default-types.js';
import { mergeSpansInText } from './merge.js';
import { addStageTime, type StageTimings } from './timings.js';
import { refineModelSpan } from './model-span-rules.js';
import { planFor, type DetectionMethod } from './methods.js';
import { loadDefaultOrGivenModel } from './model-source.js';
import { redactDetected } from './redact-detected.js';

/** How the engine finds its GLiNER model: loaded lazily on first use of a model method. */
export interface EngineOptions {
  /** A loaded model, a folder path / base URL / bytes, or omitted for the bundled default. */
  model?: GlinerModel | ModelSource;
  /** Passed to `loadGliner` when the engine loads the model itself. */
  modelOptions?: GlinerLoadOptions;
  /** Canonical type → prompt wording for this model (defaults: `MODEL_PROMPTS`). */
  labelPrompts?: Readonly<Record<string, string>>;
  /**
   * Canonical types the model serves in combined methods (`gliner+heuristics`, `all`); the other
   * requested types go to the heuristics. With `gliner` alone the model is asked for every type.
   * @defaultValue the free-text types: structured ones (e-mail, phone, dates, IDs) are left to the
   * validated patterns, which are more precise than a small span model
   */
  modelTypes?: readonly string[];
  /** Needed by `llm`, `llm+heuristics` and `all`. */
  llm?: LlmProvider;
}

export interface DetectOptions {
  method: DetectionMethod;
  /**
   * Canonical types (see `labels.ts`).
   * @defaultValue every type the method serves (`defaultTypes`); of the bundled model's free-text
   * types only `BUNDLED_MODEL_DEFAULT_TYPES`, the ones its card measures as useful
   */
  types?: readonly string[];
  /** Spans scoring below are dropped (GLiNER: strictly above, as in Python GLiNER). @defaultValue 0.3 */
  threshold?: number;
  /** Switches on the heuristics' country packs (e.g. `['en-GB', 'es']`). */
  locales?: readonly string[];
  /**
   * Also report country types whose pack is off when their check passes right after one of their
   * context words (`NHS number 943 476 5919` → `UK_NHS` under the US defaults). See
   * `usesContextPacks` for the default.
   * @defaultValue true when the caller named no types (the heuristic types asked are the default
   * set for `locales`), false when it named its own
   */
  contextPacks?: boolean;
  /** LLM model name, for the llm methods. */
  llmModel?: string;
  signal?: AbortSignal;
  /** Samples finished so far out of all. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called while the model works, after each run over a batch of text windows, even when no sample
   * finished: a long sample is many runs, and a job's heartbeat must move meanwhile. Across a
   * worker (`createWorkerEngine`), at most every 250 ms.
   */
  onWork?: () => void;
  /**
   * Opt-in, for benchmarks: adds this call's milliseconds per stage to the object (the model's
   * stages, heuristics, merge; across a worker also `workerMs`). Results do not change.
   */
  timings?: StageTimings;
}

/** The result for one sample: spans (merged, non-overlapping, sorted) or a reason it failed. */
export type SampleDetection = { spans: Span[]; error?: undefined } | { spans: []; error: string };

export interface RedactOptions extends DetectOptions {
  /** Keyed by canonical type; types absent here are redacted. */
  maskConfig?: MaskConfig;
  masker?: MaskerOptions;
  /** Canonical type → the name written into REDACT tags and reported to the caller. */
  displayLabel?: (canonical: string) => string;
}

export type SampleRedaction =
  | { text: string; spans: Span[]; error?: undefined }
  | { text?: undefined; spans: []; error: string };

export { DEFAULT_MODEL_TYPES };

/**
 * The transport-agnostic pipeline: per sample, detectors → merge → masks. Knows nothing of jobs or
 * workers. One engine can serve many jobs; the model is loaded once.
 */
export interface Engine {
  detect(texts: readonly string[], options: DetectOptions): Promise<SampleDetection[]>;
  redact(texts: readonly string[], options: RedactOptions): Promise<{ samples: SampleRedaction[]; pseudonymMap: Record<string, string> }>;
  /** Loads the model now (it is otherwise loaded on first use). */
  ready(): Promise<GlinerModel>;
  /** Canonical types each detector can serve. */
  supportedTypes(): { heuristics: string[]; model: string[] };
  readonly hasLlm: boolean;
  /**
   * True when the engine runs the model shipped in the package (no `model` given): a call that
   * names no types then asks it only for `BUNDLED_MODEL_DEFAULT_TYPES`.
   */
  readonly bundledModel: boolean;
  dispose(): Promise<void>;
}

export function createEngine(options: EngineOptions = {}): Engine {
  let modelPromise: Promise<GlinerModel> | undefined;
  const modelTypes = new Set(options.modelTypes ?? DEFAULT_MODEL_TYPES);
  const heuristicSet = new Set(heuristicTypes({ all: true }));

  function model(): Promise<GlinerModel> {
    modelPromise ??= loadDefaultOrGivenModel(options.model, options.modelOptions).catch((error: unknown) => {
      modelPromise = undefined; // a later call may retry (e.g. after the network is back)
      throw error instanceof EngineError ? error : new EngineError('model_load_failed', `could not load the GLiNER model (${reasonOf(error)})`);
    });
    return modelPromise;
  }

  // A file is detected in many batches with the same options: its heuristic types are worked out once.
  // (Keyed by the lists themselves: callers hand the same arrays to every batch and do not change them.)
  let asked: { types: readonly string[]; locales: readonly string[] | undefined; heuristics: string[]; contextPacks: boolean } | undefined;
  function heuristicsAsked(types: readonly string[], locales: readonly string[] | undefined): { heuristics: string[]; contextPacks: boolean } {
    if (asked?.types !== types || asked.locales !== locales) {
      const heuristics = types.filter((t) => heuristicSet.has(t));
      asked = { types, locales, heuristics, contextPacks: usesContextPacks(heuristics, locales) };
    }
    return asked;
  }

  async function detect(texts: readonly string[], opts: DetectOptions): Promise<SampleDetection[]> {
    const plan = planFor(opts.method);
    const threshold = opts.threshold ?? 0.3;
    const total = texts.length;
    throwIfAborted(opts.signal);

    const types = opts.types ?? defaultTypes(plan, opts.locales, options.model === undefined);
    const heuristicTypesAsked = plan.heuristics ? heuristicsAsked(types, opts.locales).heuristics : [];
    const contextPacks = opts.contextPacks ?? (plan.heuristics ? heuristicsAsked(types, opts.locales).contextPacks : usesContextPacks([], opts.locales));
    const glinerTypes = plan.gliner
      ? types.filter((t) => !plan.heuristics && !plan.llm ? true : modelTypes.has(t) || !heuristicSet.has(t))
      : [];

    if (plan.llm && !options.llm) {
      throw new EngineError('llm_not_configured', 'detection_method uses an LLM but no LLM provider is configured (pass `llm` to the client)');
    }

    // Heuristics alone, untimed: one pass per text, without the per-stage lists the other methods need.
    if (glinerTypes.length === 0 && !plan.llm && !opts.timings) return detectHeuristics(texts, heuristicTypesAsked, contextPacks, threshold, opts);

    const spans: Span[][] = texts.map(() => []);
    const errors: (string | undefined)[] = texts.map(() => undefined);
    if (glinerTypes.length > 0) {
      const m = await model();
      const prompts = glinerTypes.map((t) => promptFor(t, options.labelPrompts));
      const promptToType = new Map(prompts.map((p, i) => [p, glinerTypes[i]!]));
      // Progress during model inference covers the bulk of the work; heuristics are cheap.
      const results = await predictIsolatingFailures(m, texts, prompts, threshold, opts, total);
      const trimStart = performance.now();
      results.forEach((r, i) => {
        if ('error' in r) errors[i] = r.error;
        else {
          for (const s of r.spans) {
            const span: Span = { ...s, label: promptToType.get(s.label) ?? s.label, source: 'gliner' };
            const kept = refineModelSpan(texts[i]!, span);
            if (kept) spans[i]!.push(kept);
          }
        }
      });
      addStageTime(opts.timings, 'mergeMs', trimStart);
    }

    if (heuristicTypesAsked.length > 0) {
      const heuristicsStart = performance.now();
      for (let i = 0; i < texts.length; i++) {
        if (errors[i] !== undefined) continue;
        throwIfAborted(opts.signal);
        const found = recognize(texts[i]!, { types: heuristicTypesAsked, locales: opts.locales, contextPacks });
        for (const s of found) if (s.score >= threshold) spans[i]!.push(s);
        if (glinerTypes.length === 0 && !plan.llm) opts.onProgress?.(i + 1, total);
      }
      addStageTime(opts.timings, 'heuristicsMs', heuristicsStart);
    }

    if (plan.llm && options.llm) {
      const llm = options.llm;
      const modelName = opts.llmModel ?? '';
      for (let i = 0; i < texts.length; i++) {
        if (errors[i] !== undefined) continue;
        throwIfAborted(opts.signal);
        try {
          const found = await detectWithLlm(llm, texts[i]!, { model: modelName, types, signal: opts.signal });
          for (const s of found) if (s.score >= threshold) spans[i]!.push(s);
        } catch (error) {
          if (isAbort(error)) throw error;
          errors[i] = failureReason('llm_failed', error);
        }
        opts.onProgress?.(i + 1, total);
      }
    }

    const mergeStart = performance.now();
    const merged: SampleDetection[] = texts.map((text, i) => {
      const error = errors[i];
      if (error !== undefined) return { spans: [], error };
      return { spans: mergeSpansInText(text, spans[i]!) };
    });
    addStageTime(opts.timings, 'mergeMs', mergeStart);
    return merged;
  }

  return {
    detect,
    redact: (texts, opts) => redactDetected(detect, texts, opts),
    ready: model,
    bundledModel: options.model === undefined,
    supportedTypes: () => ({ heuristics: [...heuristicSet], model: [...modelTypes] }),
    get hasLlm() {
      return options.llm !== undefined;
    },
    async dispose() {
      if (modelPromise) await (await modelPromise.catch(() => undefined))?.dispose();
      modelPromise = undefined;
    },
  };
}

/** `detect` for heuristics alone: recognize, keep what reaches the threshold, merge; the same results. */
function detectHeuristics(
  texts: readonly string[],
  types: readonly string[],
  contextPacks: boolean,
  threshold: number,
  opts: DetectOptions,
): SampleDetection[] {
  const out = new Array<SampleDetection>(texts.length);
  for (let i = 0; i < texts.length; i++) {
    let spans: Span[] = [];
    if (types.length > 0) {
      throwIfAborted(opts.signal);
      const found = recognize(texts[i]!, { types, locales: opts.locales, contextPacks });
      if (found.length > 0) {
        const kept = found.filter((s) => s.score >= threshold);
        spans = kept.length > 0 ? mergeSpansInText(texts[i]!, kept) : kept;
      }
      opts.onProgress?.(i + 1, texts.length);
    }
    out[i] = { spans };
  }
  return out;
}

/**
 * Whether a call named no types of its own. Callers (CLI, `redactFile`) fill an omitted type list
 * with `defaultTypes()` before the engine sees it, so "no types named" reaches the engine as the
 * locale's default heuristic set; any other list was chosen by the caller, whose choice stands.
 */
export function usesContextPacks(heuristicTypesAsked: readonly string[], locales: readonly string[] | undefined): boolean {
  const asked = new Set(heuristicTypesAsked);
  const defaults = heuristicTypes({ locales });
  return asked.size === defaults.length && defaults.every((t) => asked.has(t));
}

type Prediction = { spans: Span[] } | { error: string };

/**
 * Runs the batch; if a batch fails, runs its samples one by one so that one bad sample fails
 * alone and the rest still get their result.
 */
async function predictIsolatingFailures(
  model: GlinerModel,
  texts: readonly string[],
  labels: readonly string[],
  threshold: number,
  opts: DetectOptions,
  total: number,
): Promise<Prediction[]> {
  try {
    const spans = await model.predict(texts, labels, { threshold, signal: opts.signal, onProgress: opts.onProgress, ...(opts.onWork ? { onRun: opts.onWork } : {}), ...(opts.timings ? { timings: opts.timings } : {}) });
    return spans.map((s) => ({ spans: s }));
  } catch (error) {
    if (isAbort(error) || texts.length === 1) {
      if (isAbort(error)) throw error;
      return [{ error: failureReason('inference_failed', error) }];
    }
  }
  const out: Prediction[] = [];
  for (let i = 0; i < texts.length; i++) {
    throwIfAborted(opts.signal);
    try {
      const [spans] = await model.predict([texts[i]!], labels, { threshold, signal: opts.signal, ...(opts.onWork ? { onRun: opts.onWork } : {}), ...(opts.timings ? { timings: opts.timings } : {}) });
      out.push({ spans: spans ?? [] });
    } catch (error) {
      if (isAbort(error)) throw error;
      out.push({ error: failureReason('inference_failed', error) });
    }
    opts.onProgress?.(i + 1, total);
  }
  return out;
}
