import { MaskConfigError } from './errors.js';
import type { MaskConfig, MaskOperator, MaskRule, MaskStrategy } from './types.js';
import { isStrategyShaped, unknownStrategyMessage } from './strategy-words.js';
import { quoteValue } from '../quote.js';

export type OperatorTable = Readonly<Record<MaskStrategy | 'LITERAL', MaskOperator<any>>>;

/** A rule resolved to its operator, validated once. */
export interface ResolvedRule {
  strategy: MaskStrategy | 'LITERAL';
  operator: MaskOperator<any>;
  params: Record<string, unknown>;
}

/**
 * Strategy word, strategy object, or literal string → operator and params; throws on a bad rule,
 * including an upper-case word that is no strategy (a typo, not a literal: see strategy-words.ts).
 */
export function resolveRule(table: OperatorTable, rule: MaskRule, field: string): ResolvedRule {
  let resolved: ResolvedRule;
  if (typeof rule === 'string') {
    if (!isStrategy(table, rule) && isStrategyShaped(rule)) throw new MaskConfigError(unknownStrategyMessage(rule, field, strategies(table)), field);
    resolved = isStrategy(table, rule)
      ? { strategy: rule, operator: table[rule], params: {} }
      : { strategy: 'LITERAL', operator: table.LITERAL, params: { value: rule } };
  } else if (typeof rule === 'object' && rule !== null && !Array.isArray(rule)) {
    const { strategy, params, ...extra } = rule as { strategy: unknown; params?: unknown };
    const unknownKey = Object.keys(extra)[0];
    if (unknownKey !== undefined) throw new MaskConfigError(`mask rule for ${field} has unknown key ${JSON.stringify(unknownKey)}; use {strategy, params}`, field);
    if (typeof strategy !== 'string' || !isStrategy(table, strategy)) {
      throw new MaskConfigError(`mask rule for ${field} has unknown strategy ${describe(strategy)}; one of ${strategies(table).join(', ')}`, field);
    }
    if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params))) {
      throw new MaskConfigError(`${strategy} params for ${field} must be an object`, `${field}.params`);
    }
    resolved = { strategy, operator: table[strategy], params: (params ?? {}) as Record<string, unknown> };
  } else {
    throw new MaskConfigError(`mask rule for ${field} must be a strategy name, {strategy, params} or a replacement string`, field);
  }
  try {
    resolved.operator.validate(resolved.params);
  } catch (error) {
    if (error instanceof MaskConfigError) {
      throw new MaskConfigError(`${field}: ${error.message}`, error.field ? `${field}.${error.field}` : field);
    }
    throw error;
  }
  return resolved;
}

/** Checks every rule of a config; throws `MaskConfigError` naming the first bad type and why. */
export function validateConfig(table: OperatorTable, config: MaskConfig): void {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new MaskConfigError('mask config must be an object keyed by type');
  for (const [type, rule] of Object.entries(config)) resolveRule(table, rule, type);
}

function isStrategy(table: OperatorTable, word: string): word is MaskStrategy {
  return word !== 'LITERAL' && Object.prototype.hasOwnProperty.call(table, word);
}

function strategies(table: OperatorTable): string[] {
  return Object.keys(table).filter((k) => k !== 'LITERAL');
}

function describe(value: unknown): string {
  return quoteValue(value);
}
