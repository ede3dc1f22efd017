import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { labelGroups, planWindows } from '../../src/gliner/chunking.js';

describe('planWindows', () => {
  const caseArb = fc.record({
    pieces: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 400 }),
    budget: fc.integer({ min: 40, max: 200 }),
    maxWords: fc.integer({ min: 20, max: 120 }),
    overlap: fc.integer({ min: 1, max: 12 }),
  });

  it('keeps every window within the token budget and the word cap, and covers every word in order', () => {
    fc.assert(
      fc.property(caseArb, ({ pieces, budget, maxWords, overlap }) => {
        const windows = planWindows(pieces, budget, maxWords, overlap);
        expect(windows[0]!.start).toBe(0);
        expect(windows.at(-1)!.end).toBe(pieces.length);
        windows.forEach((w, j) => {
          expect(w.end - w.start).toBeLessThanOrEqual(maxWords);
          expect(pieces.slice(w.start, w.end).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(budget);
          const next = windows[j + 1];
          if (next) {
            expect(next.start).toBeGreaterThan(w.start);
            expect(next.start).toBeLessThan(w.end); // no gap
            // windows longer than the overlap step back exactly `overlap` words
            if (w.end - w.start > overlap) expect(w.end - next.start).toBe(overlap);
          }
        });
      }),
    );
  });

  it('puts every span of at most `overlap` words that fits one row wholly inside some window', () => {
    fc.assert(
      fc.property(caseArb, ({ pieces, budget, maxWords, overlap }) => {
        const windows = planWindows(pieces, budget, maxWords, overlap);
        for (let a = 0; a < pieces.length; a++) {
          let tokens = 0;
          for (let b = a; b < Math.min(pieces.length, a + overlap, a + maxWords); b++) {
            tokens += pieces[b]!;
            if (tokens > budget) break;
            expect(windows.some((w) => w.start <= a && b < w.end), `span ${a}..${b}`).toBe(true);
          }
        }
      }),
    );
  });

  it('uses one window for a text that fits', () => {
    expect(planWindows([1, 2, 3], 10, 384, 12)).toEqual([{ start: 0, end: 3 }]);
    expect(planWindows([], 10, 384, 12)).toEqual([]);
  });

  it('refuses a word larger than the budget instead of skipping it', () => {
    expect(() => planWindows([1, 50, 1], 10, 384, 12)).toThrow(RangeError);
  });
});

describe('labelGroups', () => {
  const tokens = (g: readonly string[]) => 1 + g.reduce((n, l) => n + 1 + l.split(' ').length, 0);

  it('keeps order and caps groups at max_types', () => {
    const labels = Array.from({ length: 60 }, (_, i) => `label ${i}`);
    const groups = labelGroups(labels, 25, 1000, tokens);
    expect(groups.map((g) => g.length)).toEqual([25, 25, 10]);
    expect(groups.flat()).toEqual(labels);
  });

  it('also splits when a prompt would take more than its token budget', () => {
    const labels = ['a b c d', 'e f g h', 'i j k l'];
    const groups = labelGroups(labels, 25, 12, tokens);
    expect(groups).toEqual([['a b c d', 'e f g h'], ['i j k l']]);
    for (const g of groups) expect(tokens(g)).toBeLessThanOrEqual(12);
  });

  it('refuses one label that alone exceeds the budget', () => {
    expect(() => labelGroups(['a very long label indeed'], 25, 4, tokens)).toThrow(/prompt tokens/);
  });
});
