import { createEngine, DEFAULT_MODEL_TYPES, type Engine } from '../engine/engine.js';
import { BUNDLED_MODEL_DEFAULT_TYPES } from '../engine/model-source.js';
import { FREE_TEXT_TYPES, MODEL_PROMPTS } from '../engine/labels.js';
import { planFor, type DetectionMethod } from '../engine/methods.js';
import { heuristicTypes } from '../recognizers/registry.js';
import { UsageError } from './options.js';

export interface CliEngine {
  engine: Engine;
  /** Every canonical type the CLI accepts in `--types`/`--mask`. */
  known: ReadonlySet<string>;
  /** What `--types` defaults to for this method. */
  defaultTypes: string[];
}

export function cliEngine(method: DetectionMethod, model: string | undefined, locales: readonly string[] | undefined): CliEngine {
  const plan = planFor(method);
  if (plan.llm) throw new UsageError(`--method ${method} needs an LLM provider, which the CLI does not configure; use the library API`);
  const engine = createEngine({ model, modelOptions: { backend: 'wasm', numThreads: 1 } });
  const known = new Set([...heuristicTypes({ all: true }), ...Object.keys(MODEL_PROMPTS), ...FREE_TEXT_TYPES]);
  const defaults = new Set<string>();
  if (plan.heuristics) for (const t of heuristicTypes({ locales })) defaults.add(t);
  if (plan.gliner) for (const t of model === undefined ? BUNDLED_MODEL_DEFAULT_TYPES : DEFAULT_MODEL_TYPES) defaults.add(t);
  return { engine, known, defaultTypes: [...defaults] };
}
