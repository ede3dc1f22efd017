/**
 * Context-word scoring, Presidio's rule with its substring bug fixed (#1061, #989): a context word
 * or phrase counts only as whole words, case-insensitively, among the `window` words just before
 * the span. A hit adds 0.35 to the score, floored at 0.4 and capped at 1.0.
 *
 * Runs once per candidate, so it is a hand-written backward scan (no regex, no slicing of the
 * text before the span) bounded to 40 characters per word of the window.
 */

/** Added to the score when a context word is found. */
export const CONTEXT_BOOST = 0.35;
/** The score a span with context has at least (Presidio's `min_score_with_context_similarity`). */
export const CONTEXT_MIN_SCORE = 0.4;
/** Words looked at before the span, by default. */
export const DEFAULT_CONTEXT_WINDOW = 5;

/** How far back we look at most: bounds the work per span so scoring stays linear. */
const MAX_LOOKBACK_CHARS_PER_WORD = 40;

/** A recognizer's context, ready for lookups: single words in a set, phrases as word lists. */
export interface ContextWords {
  single: ReadonlySet<string>;
  phrases: readonly (readonly string[])[];
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}’]/u;
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_WORD[c] = /[A-Za-z0-9'#]/.test(ch) ? 1 : 0;
}

/** Letters, digits, combining marks, apostrophes and `#` ("ssn#") make words. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? ASCII_WORD[c] === 1 : NON_ASCII_WORD.test(text.charAt(i));
}

/** Splits into lower-case words with the same rule as the scan. */
function tokenize(text: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && !isWordChar(text, i)) i++;
    const start = i;
    while (i < text.length && isWordChar(text, i)) i++;
    if (i > start) words.push(text.slice(start, i).toLowerCase());
  }
  return words;
}

export function compileContext(words: readonly string[]): ContextWords {
  const single = new Set<string>();
  const phrases: string[][] = [];
  for (const w of words) {
    const tokens = tokenize(w);
    if (tokens.length === 1) single.add(tokens[0]!);
    else if (tokens.length > 1) phrases.push(tokens);
  }
  return { single, phrases };
}

/** The last `window` whole words before `start`, lower case, in text order. */
export function wordsBefore(text: string, start: number, window: number): string[] {
  const words: string[] = [];
  const limit = Math.max(0, start - window * MAX_LOOKBACK_CHARS_PER_WORD);
  let i = start;
  while (words.length < window) {
    while (i > limit && !isWordChar(text, i - 1)) i--;
    if (i <= limit) break;
    let j = i;
    while (j > limit && isWordChar(text, j - 1)) j--;
    if (j === limit && j > 0 && isWordChar(text, j - 1)) break; // cut by the look-back bound: not whole
    words.push(text.slice(j, i).toLowerCase());
    i = j;
  }
  return words.reverse();
}

/** The forms a word may take and still count: plural, possessive, a trailing `#`. */
function forms(word: string): string[] {
  const bare = word.endsWith('#') ? word.slice(0, -1) : word;
  const out = [word, bare];
  if (bare.endsWith("'s") || bare.endsWith('’s')) out.push(bare.slice(0, -2));
  else if (bare.endsWith('s')) out.push(bare.slice(0, -1));
  return out;
}

function matchesWord(word: string, contextWord: string): boolean {
  return forms(word).includes(contextWord);
}

/** True when a context word, or a phrase as consecutive whole words, occurs in `words`. */
export function hasContext(words: readonly string[], context: ContextWords): boolean {
  for (const w of words) for (const f of forms(w)) if (context.single.has(f)) return true;
  for (const phrase of context.phrases) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      let ok = true;
      for (let j = 0; j < phrase.length && ok; j++) ok = matchesWord(words[i + j]!, phrase[j]!);
      if (ok) return true;
    }
  }
  return false;
}

/** Presidio's boost: +0.35, at least 0.4, at most 1.0. A score already at 1.0 stays. */
export function boosted(score: number): number {
  return Math.min(1, Math.max(score + CONTEXT_BOOST, CONTEXT_MIN_SCORE));
}
