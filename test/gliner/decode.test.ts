import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  aboveThreshold,
  dedupeCandidates,
  greedySearch,
  sigmoid32,
  spanCandidates,
  tokenCandidates,
  type WordSpan,
} from '../../src/gliner/decode.js';
import { pythonGreedy } from './reference.js';

const logit = (p: number): number => Math.log(p / (1 - p));
const span = (start: number, end: number, label: number, score: number): WordSpan => ({ start, end, label, score });

describe('threshold', () => {
  it('keeps scores strictly above it: sigmoid(0) = 0.5 does not pass 0.5', () => {
    const logits = Float32Array.from([0, logit(0.7), logit(0.2)]);
    const got = spanCandidates(logits, [1, 1, 1, 3], 0, 1, 0.5, []);
    expect(got.map((s) => s.label)).toEqual([1]);
    expect(spanCandidates(logits, [1, 1, 1, 3], 0, 1, 0.4999, []).map((s) => s.label)).toEqual([0, 1]);
  });

  it('compares in float32 as PyTorch does, so a score equal to the threshold is dropped', () => {
    const x = Math.fround(logit(0.3));
    const p = sigmoid32(x);
    expect(p).toBe(Math.fround(0.3));
    expect(aboveThreshold(p, 0.3)).toBe(false);
    expect(aboveThreshold(p, 0.2999)).toBe(true);
  });

  it('takes threshold 0 as "every cell" and 1 as "none"', () => {
    const logits = Float32Array.from([-30, 0, 30]);
    expect(spanCandidates(logits, [1, 1, 1, 3], 0, 1, 0, [])).toHaveLength(3);
    expect(spanCandidates(logits, [1, 1, 1, 3], 0, 1, 1, [])).toHaveLength(0);
  });
});

describe('spanCandidates', () => {
  it('reads [B, W, K, C] at ((b·W+i)·K+k)·C+c, skips spans past the row, and maps words and labels', () => {
    const [B, W, K, C] = [2, 3, 2, 2];
    const logits = new Float32Array(B * W * K * C).fill(-10);
    const at = (b: number, i: number, k: number, c: number) => ((b * W + i) * K + k) * C + c;
    logits[at(1, 0, 1, 1)] = 3; // row 1: words 0..1, label 1
    logits[at(1, 2, 1, 0)] = 3; // row 1: words 2..3 — past a 3-word row, dropped
    logits[at(0, 1, 0, 0)] = 3; // row 0: not asked for
    const got = spanCandidates(logits, [B, W, K, C], 1, 3, 0.5, [], 100, [7, 9]);
    expect(got).toEqual([span(100, 101, 9, sigmoid32(3))]);
  });

  it('lists candidates in torch.where order (word, width, label)', () => {
    const logits = new Float32Array(2 * 2 * 2).fill(1);
    const got = spanCandidates(logits, [1, 2, 2, 2], 0, 2, 0.5, []);
    expect(got.map((s) => [s.start, s.end, s.label])).toEqual([[0, 0, 0], [0, 0, 1], [0, 1, 0], [0, 1, 1], [1, 1, 0], [1, 1, 1]]);
  });
});

describe('greedySearch', () => {
  const cands = [span(0, 1, 0, 0.9), span(1, 2, 1, 0.8), span(0, 1, 1, 0.85), span(0, 3, 0, 0.7), span(3, 3, 0, 0.6), span(2, 2, 1, 0.75)];

  it.each([
    // flat: nothing may share a word; the same range with another label only with multiLabel
    [true, false, [[0, 1, 0], [2, 2, 1], [3, 3, 0]]],
    [true, true, [[0, 1, 0], [0, 1, 1], [2, 2, 1], [3, 3, 0]]],
    // nested: containment is fine, crossing is not
    [false, false, [[0, 1, 0], [0, 3, 0], [2, 2, 1], [3, 3, 0]]],
    [false, true, [[0, 1, 0], [0, 1, 1], [0, 3, 0], [2, 2, 1], [3, 3, 0]]],
  ])('flatNer=%s multiLabel=%s keeps %j', (flatNer, multiLabel, expected) => {
    const got = greedySearch(cands, { flatNer, multiLabel });
    expect(got.map((s) => [s.start, s.end, s.label])).toEqual(expected);
  });

  it('breaks equal scores by the given order, like Python\'s stable sort', () => {
    const got = greedySearch([span(0, 1, 0, 0.5), span(1, 2, 0, 0.5)], { flatNer: true, multiLabel: false });
    expect(got).toEqual([span(0, 1, 0, 0.5)]);
    const swapped = greedySearch([span(1, 2, 0, 0.5), span(0, 1, 0, 0.5)], { flatNer: true, multiLabel: false });
    expect(swapped).toEqual([span(1, 2, 0, 0.5)]);
  });

  it('equals a direct transcription of Python\'s greedy_search on random candidates', () => {
    const candArb = fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 30 }),
        len: fc.integer({ min: 0, max: 14 }),
        label: fc.integer({ min: 0, max: 3 }),
        score: fc.constantFrom(0.31, 0.5, 0.62, 0.77, 0.9, 0.91, 0.99),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(candArb, fc.boolean(), fc.boolean(), (raw, flatNer, multiLabel) => {
        // one candidate per (start, end, label), as the decoder produces
        const cands = dedupeCandidates(raw.map((r) => span(r.start, r.start + r.len, r.label, r.score)));
        expect(greedySearch(cands, { flatNer, multiLabel })).toEqual(pythonGreedy(cands, flatNer, multiLabel));
      }),
    );
  });
});

describe('dedupeCandidates', () => {
  it('keeps one copy per (start, end, label) with the best score, at the first copy\'s place', () => {
    const got = dedupeCandidates([span(0, 1, 0, 0.6), span(2, 2, 1, 0.7), span(0, 1, 0, 0.8), span(0, 1, 1, 0.5)]);
    expect(got).toEqual([span(0, 1, 0, 0.8), span(2, 2, 1, 0.7), span(0, 1, 1, 0.5)]);
  });
});

describe('tokenCandidates (token-level models)', () => {
  // B=1, W=4, C=2; parts: 0 start, 1 end, 2 inside
  const W = 4;
  const C = 2;
  const probs = new Map<string, number>([
    ['0,1,0', 0.9], // start word 1, label 0
    ['1,3,0', 0.8], // end word 3, label 0
    ['2,1,0', 0.7], ['2,2,0', 0.95], ['2,3,0', 0.6], // inside 1..3
    ['0,0,1', 0.9], ['1,2,1', 0.9], ['2,0,1', 0.9], ['2,1,1', 0.2], ['2,2,1', 0.9], // label 1: inside word 1 too low
  ]);
  const p = (part: number, w: number, c: number) => probs.get(`${part},${w},${c}`) ?? 0.01;

  function layoutBWC3(): Float32Array {
    const out = new Float32Array(W * C * 3);
    for (let w = 0; w < W; w++) for (let c = 0; c < C; c++) for (let part = 0; part < 3; part++) out[(w * C + c) * 3 + part] = logit(p(part, w, c));
    return out;
  }
  function layout3BWC(): Float32Array {
    const out = new Float32Array(3 * W * C);
    for (let part = 0; part < 3; part++) for (let w = 0; w < W; w++) for (let c = 0; c < C; c++) out[(part * W + w) * C + c] = logit(p(part, w, c));
    return out;
  }

  it('pairs start and end of one label, rejects a span with a low inside score, scores by the minimum', () => {
    const got = tokenCandidates(layoutBWC3(), 'BWC3', [1, W, C, 3], 0, W, 0.5, []);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ start: 1, end: 3, label: 0 });
    expect(got[0]!.score).toBeCloseTo(0.6, 5);
  });

  it('reads the older [3, B, W, C] layout to the same result', () => {
    const a = tokenCandidates(layoutBWC3(), 'BWC3', [1, W, C, 3], 0, W, 0.5, []);
    const b = tokenCandidates(layout3BWC(), '3BWC', [3, 1, W, C], 0, W, 0.5, []);
    expect(b).toEqual(a);
  });

  it('ignores words past the row length', () => {
    expect(tokenCandidates(layoutBWC3(), 'BWC3', [1, W, C, 3], 0, 3, 0.5, [])).toEqual([]);
  });
});
