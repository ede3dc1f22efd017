import { loadGliner, type GlinerLoadOptions, type GlinerModel, type ModelSource } from '../gliner/index.js';
import { findFolderUp } from '../platform/node.js';
import { EngineError } from './errors.js';

/** Folder name of the model shipped in the package (see `models/`). */
export const DEFAULT_MODEL_DIR = 'pii-local-small';

/**
 * The free-text types the bundled model is asked for when the caller names none (CLI `--types`,
 * `redactFile`): those its card measures at precision ≥ 0.1 on its synthetic test set. It never saw
 * passwords in training, so PASSWORD is asked only when listed.
 */
export const BUNDLED_MODEL_DEFAULT_TYPES: readonly string[] = ['PERSON', 'ORGANIZATION', 'LOCATION', 'STREET_ADDRESS', 'AGE', 'NRP', 'TITLE', 'USERNAME'];

function isLoadedModel(value: unknown): value is GlinerModel {
  return typeof value === 'object' && value !== null && typeof (value as GlinerModel).predict === 'function';
}

export async function loadDefaultOrGivenModel(
  model: GlinerModel | ModelSource | undefined,
  options: GlinerLoadOptions | undefined,
): Promise<GlinerModel> {
  if (isLoadedModel(model)) return model;
  return loadGliner(model ?? (await defaultModelSource()), options);
}

/**
 * Where the bundled model lives: in Node, the package's `models/` folder found by walking up from
 * this module (the same code runs from `src/` in tests and from `dist/` when installed); in a
 * browser, a URL next to the package's `dist/`, which apps that bundle should override by passing
 * `model` (a URL they serve).
 */
export async function defaultModelSource(): Promise<string> {
  // A plain string, not a URL made of '.' and the module's URL: bundlers read such a URL as an asset
  // to emit, and Vite then copied this whole module into the app's assets.
  const here = import.meta.url;
  if (!here.startsWith('file:')) return new URL(`../models/${DEFAULT_MODEL_DIR}/`, here).href;
  const found = await findFolderUp(here, `models/${DEFAULT_MODEL_DIR}`, 'gliner_config.json', 5);
  if (found !== undefined) return found;
  throw new EngineError('model_load_failed', `the bundled model folder models/${DEFAULT_MODEL_DIR} was not found next to the package`);
}
