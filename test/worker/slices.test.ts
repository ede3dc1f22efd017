import { describe, expect, it } from 'vitest';
import { slicesOf } from '../../src/worker/slices.js';

describe('slicesOf', () => {
  it('covers every text once, in order, with the right start indices', () => {
    const texts = ['aaaa', 'bb', 'cccccc', '', 'd', 'eeeeeeeeee'];
    const slices = slicesOf(texts, 6);
    expect(slices.flatMap((s) => s.texts)).toEqual(texts);
    for (const s of slices) expect(texts.slice(s.start, s.start + s.texts.length)).toEqual(s.texts);
  });

  it('caps slices by size but never leaves a text out for being too large', () => {
    const slices = slicesOf(['x'.repeat(10), 'y', 'z'.repeat(10)], 4);
    expect(slices.map((s) => s.texts.length)).toEqual([1, 1, 1]);
    expect(slicesOf(['ab', 'cd', 'ef'], 4).map((s) => s.texts)).toEqual([['ab', 'cd'], ['ef']]);
  });

  it('returns no slice for no text', () => {
    expect(slicesOf([])).toEqual([]);
  });
});
