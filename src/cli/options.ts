import { resolveTypes } from '../engine/labels.js';
import { isDetectionMethod, type DetectionMethod } from '../engine/methods.js';
import type { MaskConfig, MaskRule } from '../masks/index.js';
import { ColumnOverrideError, resolveColumnOverrides, type ResolvedOverride } from '../engine/columns/index.js';
import { MASK_STRATEGIES, MaskConfigError, validateMaskConfig } from '../masks/index.js';
import { isStrategyShaped, unknownStrategyMessage } from '../masks/strategy-words.js';
import { quoteValue } from '../quote.js';

/** A bad command line: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseMethod(value: string | undefined): DetectionMethod {
  const method = value ?? 'gliner+heuristics';
  if (!isDetectionMethod(method)) {
    throw new UsageError(`--method must be one of heuristics, gliner, gliner+heuristics, llm, llm+heuristics, all (got ${JSON.stringify(method)})`);
  }
  return method;
}

export function parseThreshold(value: string | undefined): number {
  if (value === undefined) return 0.3;
  const t = Number(value);
  if (!Number.isFinite(t) || t < 0 || t > 1 || value.trim() === '') throw new UsageError('--threshold must be a number between 0 and 1');
  return t;
}

/** `--types A,B` → canonical types plus the caller's spelling of each; default: every type `available`. */
export function parseTypes(value: string | undefined, known: ReadonlySet<string>, available: readonly string[]) {
  if (value === undefined) return resolveTypes(available, known);
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError('--types needs at least one type');
  const resolved = resolveTypes(names, known);
  if (resolved.unknown.length > 0) throw new UsageError(`--types has unknown type(s): ${resolved.unknown.join(', ')}`);
  return resolved;
}

/**
 * `--mask PERSON=REPLACE,EMAIL=<EMAIL>,PHONE_NUMBER=literal:XXX` → a mask config keyed by canonical
 * type. Strategy words match in any case; a word that is no strategy (`SCRAMBLE`, `redcat`) is a
 * typo, not a literal, so it is refused: write `literal:TEXT` to replace with exactly TEXT.
 */
export function parseMasks(value: string | undefined, known: ReadonlySet<string>): MaskConfig {
  const config: MaskConfig = {};
  if (value === undefined) return config;
  const strategies: readonly string[] = MASK_STRATEGIES;
  for (const entry of value.split(',')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError('--mask entries look like TYPE=STRATEGY (e.g. PERSON=REPLACE,EMAIL=REDACT)');
    const name = entry.slice(0, eq).trim();
    const rule = entry.slice(eq + 1).trim();
    const type = resolveTypes([name], known).canonical[0];
    if (type === undefined) throw new UsageError(`--mask has unknown type ${quoteValue(name)}`);
    config[type] = toRule(rule, name, strategies);
  }
  try {
    validateMaskConfig(config); // here, not per sample: a bad rule would fail every record
  } catch (error) {
    if (error instanceof MaskConfigError) throw new UsageError(`--mask: ${error.message}`);
    throw error;
  }
  return config;
}

const LITERAL_PREFIX = 'literal:';

function toRule(rule: string, name: string, strategies: readonly string[]): MaskRule {
  // The object form writes any string, strategy-shaped words included.
  if (rule.startsWith(LITERAL_PREFIX)) return { strategy: 'REPLACE', params: { value: rule.slice(LITERAL_PREFIX.length) } };
  const upper = rule.toUpperCase();
  if (strategies.includes(upper)) return upper as MaskRule;
  if (isStrategyShaped(upper)) {
    throw new UsageError(`--mask: ${unknownStrategyMessage(rule, name, strategies)} (for a literal replacement write ${name}=literal:TEXT)`);
  }
  return rule;
}

/**
 * `--columns "Customer ID=keep,Comments=scan,Full Name=PERSON"` (or the same as a JSON object, for
 * names holding commas) → checked overrides. Types must be among `types`. Column names are checked
 * against the file once it is read.
 */
export function parseColumns(value: string | undefined, known: ReadonlySet<string>, types: readonly string[]): Map<string, ResolvedOverride> | undefined {
  if (value === undefined) return undefined;
  let raw: unknown;
  if (value.trim().startsWith('{')) {
    try {
      raw = JSON.parse(value);
    } catch {
      throw new UsageError('--columns is not a valid JSON object');
    }
  } else {
    const entries: Record<string, string> = {};
    for (const entry of value.split(',')) {
      if (entry.trim() === '') continue;
      const eq = entry.lastIndexOf('=');
      if (eq <= 0) throw new UsageError('--columns entries look like COLUMN=keep|scan|TYPE (e.g. "Customer ID=keep,Full Name=PERSON")');
      entries[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
    }
    raw = entries;
  }
  try {
    return resolveColumnOverrides(raw, known, types);
  } catch (error) {
    if (error instanceof ColumnOverrideError) throw new UsageError(`--${error.message}`);
    throw error;
  }
}
