/**
 * Telling a mistyped strategy from a literal replacement. A `mask_config` string that is not a
 * strategy is written as is (the anonymization-run form, `"<EMAIL>"`), so `"REDCT"` would silently
 * put the word `REDCT` in every output. An upper-case word is far more likely a typo of a strategy
 * than a wanted replacement, so it is refused; the object form `{strategy: 'REPLACE', params:
 * {value}}` still writes any string.
 */
import { quoteValue } from '../quote.js';

const STRATEGY_SHAPED = /^[A-Z][A-Z_]+$/;

/** True for words shaped like a strategy name (`REDCT`, `SCRAMBLE`, `FAKE_NAME`). */
export function isStrategyShaped(word: string): boolean {
  return STRATEGY_SHAPED.test(word);
}

/** `unknown strategy "REDCT" for EMAIL; did you mean REDACT?` (else the list of strategies). */
export function unknownStrategyMessage(word: string, type: string, strategies: readonly string[]): string {
  const close = closestStrategy(word, strategies);
  const hint = close !== undefined ? `did you mean ${close}?` : `one of ${strategies.join(', ')}`;
  return `unknown strategy ${quoteValue(word)} for ${type}; ${hint}`;
}

/** The strategy nearest `word` by edit distance, if within about a third of its length. */
export function closestStrategy(word: string, strategies: readonly string[]): string | undefined {
  const upper = word.toUpperCase();
  if (upper.length > 40) return undefined; // no strategy is that long; skip the quadratic work
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const s of strategies) {
    const d = editDistance(upper, s);
    if (d < bestDistance) [best, bestDistance] = [s, d];
  }
  return bestDistance <= Math.max(1, Math.floor(upper.length / 3)) ? best : undefined;
}

/** Levenshtein distance (insert, delete, substitute). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
