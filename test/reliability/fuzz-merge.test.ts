import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeSpans, mergeSpansInText } from '../../src/engine/merge.js';
import type { Span } from '../../src/types.js';
import { RUNS, checkProperty, flushCounts, overlapProblems, spanProblems, textWithSpans } from './fuzz-support.js';

const LABELS = ['PERSON', 'EMAIL', 'PHONE_NUMBER', 'LOCATION'];

afterAll(() => flushCounts('fuzz-merge'));

/** Indices covered by at least one span. */
function covered(spans: readonly Span[]): Set<number> {
  const out = new Set<number>();
  for (const s of spans) for (let i = s.start; i < s.end; i++) out.add(i);
  return out;
}

/** Code points (as [start,end) index pairs) that are letters or digits. */
function contentCodePoints(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  for (const ch of text) {
    if (/[\p{L}\p{N}]/u.test(ch)) out.push([i, i + ch.length]);
    i += ch.length;
  }
  return out;
}

describe('mergeSpans under fuzzing', () => {
  it('returns sorted, non-overlapping spans inside the text that cover exactly the input union', async () => {
    await checkProperty(
      'mergeSpans.union',
      fc.property(textWithSpans(LABELS, 10), ({ text, spans }) => {
        const merged = mergeSpans(spans);
        expect(spanProblems(text, merged)).toEqual([]);
        expect(overlapProblems(merged)).toEqual([]);
        expect(covered(merged)).toEqual(covered(spans));
      }),
      { numRuns: RUNS },
    );
  });

  it('is idempotent and does not mutate its input', async () => {
    await checkProperty(
      'mergeSpans.idempotent',
      fc.property(textWithSpans(LABELS, 10), ({ text, spans }) => {
        const before = JSON.stringify(spans);
        const once = mergeSpansInText(text, spans);
        expect(JSON.stringify(spans)).toBe(before);
        expect(mergeSpansInText(text, once)).toEqual(once);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('mergeSpansInText under fuzzing', () => {
  it('keeps spans on code-point boundaries, non-overlapping, and still covers every flagged letter or digit', async () => {
    await checkProperty(
      'mergeSpansInText.coverage',
      fc.property(textWithSpans(LABELS, 10), ({ text, spans }) => {
        const merged = mergeSpansInText(text, spans);
        expect(spanProblems(text, merged)).toEqual([]);
        expect(overlapProblems(merged)).toEqual([]);
        const before = covered(spans);
        const after = covered(merged);
        // Only edge punctuation/space may be given up; a flagged letter or digit never is.
        const lost = contentCodePoints(text).filter(([s, e]) => before.has(s) && !(after.has(s) && after.has(e - 1)));
        expect(lost).toEqual([]);
        // Nothing outside what some detector flagged gets masked.
        for (const i of after) expect(before.has(i)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps an astral letter that a cut edge lands on (regression: trim tested half a surrogate pair)', () => {
    const text = 'Ann 𝐀𝐁 Lee';
    const merged = mergeSpansInText(text, [
      { start: 0, end: 3, label: 'EMAIL', score: 0.9 },
      { start: 0, end: text.length, label: 'PERSON', score: 0.5 },
    ]);
    const after = covered(merged);
    for (let i = 4; i < 8; i++) expect(after.has(i)).toBe(true);
  });
});
