import { createEngine, type Engine } from '../engine/engine.js';
import { defaultTypes, knownTypes } from '../engine/default-types.js';
import { planFor, type DetectionMethod } from '../engine/methods.js';
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
  return { engine, known: knownTypes(), defaultTypes: defaultTypes(plan, locales, model === undefined) };
}
