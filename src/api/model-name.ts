import { DEFAULT_MODEL_DIR } from '../engine/model-source.js';
import type { GlinerConfig, GlinerModel, ModelSource } from '../gliner/index.js';

/**
 * The `model_name` a transform job reports. The remote documents it as the LLM's name for llm
 * methods; for the GLiNER methods the local client fills it with the model that ran, so a result
 * can be traced to it. Heuristics-only jobs use no model: null.
 */

/** The model's own `name` from `gliner_config.json`, when it records one. */
export function configModelName(config: GlinerConfig | undefined): string | undefined {
  return nameIn(config?.raw);
}

function nameIn(raw: Record<string, unknown> | undefined): string | undefined {
  const name = raw?.['name'];
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

/**
 * A name known before the model loads: its config's name if it is loaded, the last segment of the
 * folder or URL it comes from, the bundled model's folder name when none is given; `undefined` when
 * the client was handed an engine (its model is only known once loaded).
 */
export function sourceModelName(model: GlinerModel | ModelSource | undefined, engineGiven: boolean): string | undefined {
  if (engineGiven) return undefined;
  if (model === undefined) return DEFAULT_MODEL_DIR;
  if (typeof model === 'string' || model instanceof URL) return lastSegment(String(model));
  if ('predict' in model) return configModelName(model.config);
  const config = model.config;
  if (config instanceof Uint8Array) return undefined; // bytes: parsed only when the model loads
  return nameIn(config as Record<string, unknown>);
}

function lastSegment(location: string): string | undefined {
  const path = location.replace(/[?#].*$/, '').replace(/[/\\]+$/, '');
  const segment = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return segment !== '' ? segment : location || undefined;
}
