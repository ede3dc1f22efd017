import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitWords } from '../../src/gliner/words.js';

/** Code-point offset (Python's convention) → UTF-16 index (ours). */
function utf16(text: string, codePoint: number): number {
  return Array.from(text).slice(0, codePoint).join('').length;
}

// Expected rows come from CPython 3.11: [(m.group(), m.start(), m.end()) for m in
// re.finditer(r"\w+(?:[-_]\w+)*|\S", text)] — offsets in code points.
const PYTHON_SPLITS: [string, [string, number, number][]][] = [
  ['José Müller lives in São Paulo.', [['José', 0, 4], ['Müller', 5, 11], ['lives', 12, 17], ['in', 18, 20], ['São', 21, 24], ['Paulo', 25, 30], ['.', 30, 31]]],
  ['東京都に住む', [['東京都に住む', 0, 6]]],
  ['Łódź, हिन्दी and e\u0301 plus ①② x²', [['Łódź', 0, 4], [',', 4, 5], ['ह', 6, 7], ['ि', 7, 8], ['न', 8, 9], ['्', 9, 10], ['द', 10, 11], ['ी', 11, 12], ['and', 13, 16], ['e', 17, 18], ['\u0301', 18, 19], ['plus', 20, 24], ['①②', 25, 27], ['x²', 28, 30]]],
  ['Hi 👋🏽 there 👨‍👩‍👧!', [['Hi', 0, 2], ['👋', 3, 4], ['🏽', 4, 5], ['there', 6, 11], ['👨', 12, 13], ['\u200d', 13, 14], ['👩', 14, 15], ['\u200d', 15, 16], ['👧', 16, 17], ['!', 17, 18]]],
  ['line one\r\nline two\ttab', [['line', 0, 4], ['one', 5, 8], ['line', 10, 14], ['two', 15, 18], ['tab', 19, 22]]],
  ['well-known snake_case -x- a--b', [['well-known', 0, 10], ['snake_case', 11, 21], ['-', 22, 23], ['x', 23, 24], ['-', 24, 25], ['a', 26, 27], ['-', 27, 28], ['-', 28, 29], ['b', 29, 30]]],
  ['\ufeffBOM\x1ffile\x85next\u00a0nbsp\u2028ls', [['\ufeff', 0, 1], ['BOM', 1, 4], ['file', 5, 9], ['next', 10, 14], ['nbsp', 15, 19], ['ls', 20, 22]]],
  ['john.smith@example.com', [['john', 0, 4], ['.', 4, 5], ['smith', 5, 10], ['@', 10, 11], ['example', 11, 18], ['.', 18, 19], ['com', 19, 22]]],
  ['+1 (415) 555-0199', [['+', 0, 1], ['1', 1, 2], ['(', 3, 4], ['415', 4, 7], [')', 7, 8], ['555-0199', 9, 17]]],
  ['', []],
  [' \t\r\n ', []],
];

/** Python's `\s` (str.isspace) as a JS class: JS `\s` differs on U+001C–U+001F, U+0085, U+FEFF. */
const PYTHON_SPACE = /^[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/u;

describe('splitWords', () => {
  it.each(PYTHON_SPLITS)('splits %j as Python GLiNER does', (text, expected) => {
    const got = splitWords(text);
    expect(got.map((w) => w.text)).toEqual(expected.map(([w]) => w));
    expect(got.map((w) => [w.start, w.end])).toEqual(expected.map(([, s, e]) => [utf16(text, s), utf16(text, e)]));
  });

  it('keeps an astral character (emoji) whole: two UTF-16 units, one word', () => {
    const [w] = splitWords('😀');
    expect(w).toEqual({ text: '😀', start: 0, end: 2 });
  });

  it('gives offsets that slice the original text back to each word', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        for (const w of splitWords(text)) expect(text.slice(w.start, w.end)).toBe(w.text);
      }),
    );
  });

  it('returns ordered, disjoint words and drops only (Python) whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const words = splitWords(text);
        let last = 0;
        expect(text.slice(words.at(-1)?.end ?? 0)).toMatch(PYTHON_SPACE);
        for (const w of words) {
          expect(w.start).toBeGreaterThanOrEqual(last);
          expect(text.slice(last, w.start)).toMatch(PYTHON_SPACE);
          last = w.end;
        }
      }),
    );
  });

  it('treats CRLF and a lone CR as whitespace, not words', () => {
    expect(splitWords('a\r\nb\rc').map((w) => w.text)).toEqual(['a', 'b', 'c']);
  });
});
