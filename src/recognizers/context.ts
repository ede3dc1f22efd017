/**
 * Context-word scoring, Presidio's rule with its substring bug fixed (#1061, #989): a context word
 * or phrase counts only as whole words, case-insensitively, among the `window` words just before
 * the span. A hit adds 0.35 to the score, floored at 0.4 and capped at 1.0.
 */

/** Added to the score when a context word is found. */
export const CONTEXT_BOOST = 0.35;
/** The score a span with context has at least (Presidio's `min_score_with_context_similarity`). */
export const CONTEXT_MIN_SCORE = 0.4;
/** Words looked at before the span, by default. */
export const DEFAULT_CONTEXT_WINDOW = 5;

/** How far back we look at most: bounds the work per span so scoring stays linear. */
const MAX_LOOKBACK_CHARS_PER_WORD = 40;

/** Context phrases split into lower-case word lists, once per recognizer. */
export type ContextPhrases = readonly (readonly string[])[];

const WORD_CHAR = /[\p{L}\p{N}]/u;
const WORD = /[\p{L}\p{N}]+(?:['’#][\p{L}\p{N}]+)*#?/gu;

export function compileContext(words: readonly string[]): ContextPhrases {
  return words.map((w) => [...w.toLowerCase().matchAll(WORD)].map((m) => m[0])).filter((p) => p.length > 0);
}

/** The last `window` words before `start`, lower case, in text order. */
export function wordsBefore(text: string, start: number, window: number): string[] {
  if (window <= 0 || start <= 0) return [];
  const from = Math.max(0, start - window * MAX_LOOKBACK_CHARS_PER_WORD);
  const words = [...text.slice(from, start).toLowerCase().matchAll(WORD)].map((m) => m[0]);
  // A word cut by the look-back window is not a whole word.
  if (from > 0 && words.length > 0 && WORD_CHAR.test(text.charAt(from - 1)) && WORD_CHAR.test(text.charAt(from))) words.shift();
  return words.slice(-window);
}

/** True when one of `phrases` occurs, as consecutive whole words, in `words`. */
export function hasContext(words: readonly string[], phrases: ContextPhrases): boolean {
  for (const phrase of phrases) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      let ok = true;
      for (let j = 0; j < phrase.length; j++) {
        if (!matchesWord(words[i + j]!, phrase[j]!)) {
          ok = false;
          break;
        }
      }
      if (ok) return true;
    }
  }
  return false;
}

/** Whole-word equality, allowing a plural/possessive `s` and a trailing `#` ("ssn#", "cards"). */
function matchesWord(word: string, contextWord: string): boolean {
  if (word === contextWord) return true;
  const bare = word.endsWith('#') ? word.slice(0, -1) : word;
  return bare === contextWord || bare === `${contextWord}s` || bare === `${contextWord}'s` || bare === `${contextWord}’s`;
}

/** Presidio's boost: +0.35, at least 0.4, at most 1.0. A score already at 1.0 stays. */
export function boosted(score: number): number {
  return Math.min(1, Math.max(score + CONTEXT_BOOST, CONTEXT_MIN_SCORE));
}
