import { FREE_TEXT_TYPES, MODEL_PROMPTS } from './labels.js';
import type { DetectorPlan } from './methods.js';
import { BUNDLED_MODEL_DEFAULT_TYPES } from './model-source.js';
import { heuristicTypes } from '../recognizers/registry.js';

/** The free-text types a GLiNER model is asked for when the caller names none (any model but the bundled one). */
export const DEFAULT_MODEL_TYPES: readonly string[] = [...FREE_TEXT_TYPES];

/** Every canonical type a caller may name in `types` or a mask config. */
export function knownTypes(): Set<string> {
  return new Set([...heuristicTypes({ all: true }), ...Object.keys(MODEL_PROMPTS), ...FREE_TEXT_TYPES]);
}

/**
 * What a call that names no types looks for: every type the method serves, except that the
 * bundled model is asked only for the free-text types it is measured to be useful for.
 */
export function defaultTypes(plan: DetectorPlan, locales: readonly string[] | undefined, bundledModel: boolean): string[] {
  const types = new Set<string>();
  if (plan.heuristics) for (const t of heuristicTypes({ locales })) types.add(t);
  if (plan.gliner) for (const t of bundledModel ? BUNDLED_MODEL_DEFAULT_TYPES : DEFAULT_MODEL_TYPES) types.add(t);
  if (plan.llm) for (const t of DEFAULT_MODEL_TYPES) types.add(t);
  return [...types];
}
