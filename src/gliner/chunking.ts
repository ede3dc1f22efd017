/**
 * Long texts and long label lists. Python GLiNER cuts texts at `max_len` words with a warning
 * and feeds every label in one prompt; here nothing is dropped:
 * - a text runs in windows of its own word list, each within the token budget and `max_len`
 *   words, consecutive windows sharing `overlap` words (≥ `max_width`, so every span the model can
 *   score lies whole inside some window); the caller decodes the union once.
 * - labels run in groups of at most `max_types` (the most a training prompt held) whose prompt
 *   leaves at least half the budget to text.
 */
import { GlinerError } from './errors.js';

/** Words `[start, end)` of one window. */
export interface WordWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * Cuts a word list into overlapping windows.
 * @param pieceCounts sub-tokens per word (each already ≤ `tokenBudget`)
 * @param tokenBudget tokens available to text words in one row
 * @param maxWords words per window (`max_len`)
 * @param overlap words shared by consecutive windows
 */
export function planWindows(pieceCounts: readonly number[], tokenBudget: number, maxWords: number, overlap: number): WordWindow[] {
  const n = pieceCounts.length;
  if (n === 0) return [];
  if (tokenBudget < 1 || maxWords < 1) throw new RangeError('a window must hold at least one word');
  const windows: WordWindow[] = [];
  let start = 0;
  for (;;) {
    let end = start;
    let used = 0;
    while (end < n && end - start < maxWords && used + pieceCounts[end]! <= tokenBudget) {
      used += pieceCounts[end]!;
      end++;
    }
    if (end === start) throw new RangeError(`word ${start} needs more tokens than the budget`);
    windows.push({ start, end });
    if (end >= n) return windows;
    // step back `overlap` words; a window too short for that still moves on by one word
    start = Math.max(end - overlap, start + 1);
  }
}

/**
 * Splits labels into prompt groups: at most `maxTypes` labels each, and a prompt no longer than
 * `promptBudget` tokens. Order is kept (it changes scores, GLiNER #192).
 * @param promptTokens tokens of the prompt for a group (markers included)
 */
export function labelGroups(
  labels: readonly string[],
  maxTypes: number,
  promptBudget: number,
  promptTokens: (group: readonly string[]) => number,
): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const label of labels) {
    const next = [...current, label];
    if (current.length > 0 && (next.length > maxTypes || promptTokens(next) > promptBudget)) {
      groups.push(current);
      current = [label];
    } else {
      current = next;
    }
    if (current.length === 1 && promptTokens(current) > promptBudget) {
      throw new GlinerError('invalid_input', 'prompt_too_long', `a label needs ${promptTokens(current)} prompt tokens, more than the ${promptBudget} this model allows`);
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
