import { fieldFor, quoteValue } from '../quote.js';
import { validateMaskOptions } from './validate-mask-options.js';
import type { MaskConfig, MaskRule } from '../masks/index.js';
import { MASK_STRATEGIES, validateMaskConfig } from '../masks/index.js';
import { isStrategyShaped, unknownStrategyMessage } from '../masks/strategy-words.js';
import { resolveTypes } from '../engine/labels.js';
import {
  ANONYMIZATION_RUN_METHODS,
  TRANSFORM_JOB_METHODS,
  planFor,
  type DetectionMethod,
} from '../engine/methods.js';
import { BadRequestError } from './errors.js';
import { ColumnOverrideError, resolveColumnOverrides, type ResolvedOverride } from '../engine/columns/index.js';
import type { AnonymizationRunCreateParams, LocalMaskOptions, MaskConfigValue, TransformJobCreateParams } from './types.js';

/** What the client can do, which decides what a request may ask for. */
export interface Capabilities {
  /** Every canonical type some detector knows. */
  knownTypes: ReadonlySet<string>;
  /** Canonical types the heuristics serve. */
  heuristicTypes: ReadonlySet<string>;
  hasLlm: boolean;
}

/** A request checked and normalised for the engine. */
export interface ValidatedRequest {
  method: DetectionMethod;
  /** Canonical types, request order. */
  types: string[];
  /** Canonical → caller spelling. */
  display: Map<string, string>;
  threshold: number;
  maskConfig: MaskConfig;
  llmModel: string | undefined;
  maskOptions: LocalMaskOptions;
  /** `columns`, checked (values; column names are checked against the dataset at create). */
  columnOverrides: Map<string, ResolvedOverride>;
}

type Family = 'transform_job' | 'anonymization_run';

export function validateTransformJobCreate(params: TransformJobCreateParams, caps: Capabilities): ValidatedRequest {
  requireObject(params);
  requireString(params.dataset_id, 'dataset_id');
  requireString(params.name, 'name');
  optionalString(params.evaluation_model, 'evaluation_model');
  return validateCommon('transform_job', params, params.model_name, 'model_name', caps);
}

export function validateAnonymizationRunCreate(params: AnonymizationRunCreateParams, caps: Capabilities): ValidatedRequest {
  requireObject(params);
  requireString(params.dataset_id, 'dataset_id');
  return validateCommon('anonymization_run', params, params.llm_model_name, 'llm_model_name', caps);
}

function validateCommon(
  family: Family,
  params: TransformJobCreateParams | AnonymizationRunCreateParams,
  llmModel: unknown,
  llmField: string,
  caps: Capabilities,
): ValidatedRequest {
  const methods: readonly string[] = family === 'transform_job' ? TRANSFORM_JOB_METHODS : ANONYMIZATION_RUN_METHODS;
  if (typeof params.detection_method !== 'string' || !methods.includes(params.detection_method)) {
    throw new BadRequestError(`detection_method must be one of ${methods.join(', ')}`, 'detection_method');
  }
  const method = params.detection_method as DetectionMethod;
  const plan = planFor(method);

  if (!Array.isArray(params.pii_types) || params.pii_types.length === 0) {
    throw new BadRequestError('pii_types must be a non-empty array of strings', 'pii_types');
  }
  params.pii_types.forEach((t, i) => {
    if (typeof t !== 'string' || t.trim() === '') throw new BadRequestError(`pii_types[${i}] must be a non-empty string`, 'pii_types');
    if (family === 'anonymization_run' && t !== t.toLowerCase()) {
      throw new BadRequestError(`pii_types[${i}] must be lowercase for anonymization runs`, 'pii_types');
    }
  });
  const resolved = resolveTypes(params.pii_types, caps.knownTypes);
  if (resolved.unknown.length > 0) {
    throw new BadRequestError(`pii_types has unknown type(s): ${resolved.unknown.map((t) => quoteValue(t)).join(', ')}`, 'pii_types');
  }
  if (!plan.gliner && !plan.llm) {
    const unserved = resolved.canonical.filter((t) => !caps.heuristicTypes.has(t));
    if (unserved.length > 0) {
      throw new BadRequestError(
        `pii_types ${unserved.map((t) => quoteValue(resolved.display.get(t)!)).join(', ')} cannot be found by detection_method "${method}" (no validated pattern exists); use a method with a model`,
        'pii_types',
      );
    }
  }

  const threshold = params.threshold ?? 0.3;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new BadRequestError('threshold must be a number between 0 and 1', 'threshold');
  }

  if (plan.llm) {
    if (typeof llmModel !== 'string' || llmModel.trim() === '') {
      throw new BadRequestError(`${llmField} is required when detection_method includes llm`, llmField);
    }
    if (!caps.hasLlm) {
      throw new BadRequestError(
        `detection_method "${method}" needs an LLM provider: pass { llm: { baseURL, apiKey? } } (an OpenAI-compatible endpoint, e.g. a local llama.cpp/Ollama/vLLM server) to the client`,
        'detection_method',
      );
    }
  } else {
    optionalString(llmModel, llmField);
  }

  const maskConfig = normaliseMaskConfig(family, params.mask_config, resolved.display, caps.knownTypes);
  const usesEncrypt = Object.values(maskConfig).some((r) => strategyOf(r) === 'ENCRYPT');
  const maskOptions = validateMaskOptions(params.mask_options, usesEncrypt);
  let columnOverrides: Map<string, ResolvedOverride>;
  try {
    columnOverrides = resolveColumnOverrides(params.columns, caps.knownTypes, resolved.canonical);
  } catch (error) {
    if (error instanceof ColumnOverrideError) throw new BadRequestError(error.message, 'columns');
    throw error;
  }

  return {
    method,
    types: resolved.canonical,
    display: resolved.display,
    threshold,
    maskConfig,
    llmModel: plan.llm ? (llmModel as string) : undefined,
    maskOptions,
    columnOverrides,
  };
}

/** Caller keys → canonical keys; strategy words checked per family. */
function normaliseMaskConfig(
  family: Family,
  config: Record<string, MaskConfigValue> | undefined,
  display: Map<string, string>,
  known: ReadonlySet<string>,
): MaskConfig {
  if (config === undefined || config === null) return {};
  if (typeof config !== 'object' || Array.isArray(config)) throw new BadRequestError('mask_config must be an object', 'mask_config');
  const requested = new Set(display.keys());
  const out: MaskConfig = {};
  for (const [key, value] of Object.entries(config)) {
    const type = resolveTypes([key], known).canonical[0];
    if (type === undefined || !requested.has(type)) {
      throw new BadRequestError(`mask_config key ${quoteValue(key)} is not one of pii_types`, fieldFor('mask_config', key));
    }
    out[type] = toRule(family, key, value);
  }
  try {
    validateMaskConfig(out);
  } catch (error) {
    const field = (error as { field?: string }).field;
    throw new BadRequestError(`mask_config: ${(error as Error).message}`, field ? `mask_config.${field}` : 'mask_config');
  }
  return out;
}

function toRule(family: Family, key: string, value: MaskConfigValue): MaskRule {
  const strategies: readonly string[] = MASK_STRATEGIES;
  if (typeof value === 'string') {
    if (strategies.includes(value.toUpperCase())) return value.toUpperCase() as MaskRule;
    // Transform jobs take strategies only; runs take literals, but not a strategy-shaped typo.
    if (family === 'transform_job' || isStrategyShaped(value)) {
      throw new BadRequestError(`mask_config.${key}: ${unknownStrategyMessage(value, key, strategies)}`, `mask_config.${key}`);
    }
    return value; // the run form: a literal replacement
  }
  if (typeof value === 'object' && value !== null && typeof value.strategy === 'string') {
    if (!strategies.includes(value.strategy)) {
      throw new BadRequestError(`mask_config.${key}.strategy must be one of ${strategies.join(', ')}`, `mask_config.${key}`);
    }
    return value;
  }
  throw new BadRequestError(`mask_config.${key} must be a strategy name or a replacement string`, `mask_config.${key}`);
}

function strategyOf(rule: MaskRule): string | undefined {
  return typeof rule === 'string' ? rule : rule.strategy;
}

function requireObject(params: unknown): void {
  if (typeof params !== 'object' || params === null) throw new BadRequestError('request body must be an object');
}

function requireString(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new BadRequestError(`${field} is required (a non-empty string)`, field);
}

function optionalString(value: unknown, field: string): void {
  if (value !== undefined && value !== null && typeof value !== 'string') throw new BadRequestError(`${field} must be a string`, field);
}
