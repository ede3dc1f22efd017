/** One word of GLiNER's whitespace splitter; offsets are UTF-16 indices, `end` exclusive. */
export interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Python GLiNER's `WhitespaceTokenSplitter` regex `\w+(?:[-_]\w+)*|\S`, rewritten for JavaScript:
 * - JS `\w` is ASCII-only even with `/u`; Python's `\w` on `str` is `[\p{L}\p{N}_]` (checked over
 *   every assigned code point of Unicode 14 against CPython 3.11).
 * - Python's `\s` also covers U+001C–U+001F and U+0085 and does not cover U+FEFF, unlike JS `\s`,
 *   so `\S` is spelled out as the complement of Python's whitespace set.
 * The `u` flag keeps astral characters (emoji) whole: one code point is one word, as in Python.
 */
const WORD_RE = /[\p{L}\p{N}_]+(?:[-_][\p{L}\p{N}_]+)*|[^\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/gu;

/** Splits a text into GLiNER words with their character offsets in the original string. */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return words;
}
