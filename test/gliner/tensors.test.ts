import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rowTokens, TensorBuilder, type BatchFeeds, type RowInput } from '../../src/gliner/tensors.js';

const PAD = 7;

const rowArb: fc.Arbitrary<RowInput> = fc.record({
  head: fc.array(fc.integer({ min: 10, max: 99 }), { minLength: 1, maxLength: 6 }),
  words: fc.array(fc.array(fc.integer({ min: 100, max: 999 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 }),
  tail: fc.array(fc.integer({ min: 10, max: 99 }), { maxLength: 2 }),
});
const batchArb = fc.tuple(fc.array(rowArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 14 }));

function n(feeds: BatchFeeds, name: string): number[] {
  return Array.from(feeds.feeds[name]!.data as ArrayLike<number | bigint>, Number);
}

describe('TensorBuilder (span contract)', () => {
  it('gives span_idx/span_mask S = max(n_words)·max_width rows, (i, i+k) where valid and zero elsewhere', () => {
    fc.assert(
      fc.property(batchArb, ([rows, K]) => {
        const out = new TensorBuilder(K, PAD, true).build(rows);
        const W = Math.max(...rows.map((r) => r.words.length));
        const S = W * K;
        expect(out.feeds['span_idx']!.dims).toEqual([rows.length, S, 2]);
        expect(out.feeds['span_mask']!.dims).toEqual([rows.length, S]);
        const idx = n(out, 'span_idx');
        const mask = n(out, 'span_mask');
        rows.forEach((r, b) => {
          for (let i = 0; i < W; i++) {
            for (let k = 0; k < K; k++) {
              const s = b * S + i * K + k;
              const valid = i + k < r.words.length;
              expect(mask[s]).toBe(valid ? 1 : 0);
              expect([idx[2 * s], idx[2 * s + 1]]).toEqual(valid ? [i, i + k] : [0, 0]);
            }
          }
        });
      }),
    );
  });

  it('lays out ids, attention and the 1-based first-piece words_mask, padded to the longest row', () => {
    fc.assert(
      fc.property(batchArb, ([rows, K]) => {
        const out = new TensorBuilder(K, PAD, true).build(rows);
        const T = Math.max(...rows.map(rowTokens));
        expect(out.tokens).toBe(T);
        for (const name of ['input_ids', 'attention_mask', 'words_mask']) expect(out.feeds[name]!.dims).toEqual([rows.length, T]);
        expect(out.feeds['text_lengths']!.dims).toEqual([rows.length, 1]);
        const ids = n(out, 'input_ids');
        const am = n(out, 'attention_mask');
        const wm = n(out, 'words_mask');
        expect(n(out, 'text_lengths')).toEqual(rows.map((r) => r.words.length));
        rows.forEach((r, b) => {
          const flat = [...r.head, ...r.words.flat(), ...r.tail];
          const expectedMask = [...r.head.map(() => 0), ...r.words.flatMap((w, j) => w.map((_, p) => (p === 0 ? j + 1 : 0))), ...r.tail.map(() => 0)];
          const row = (a: number[]) => a.slice(b * T, (b + 1) * T);
          expect(row(ids)).toEqual([...flat, ...Array<number>(T - flat.length).fill(PAD)]);
          expect(row(am)).toEqual([...flat.map(() => 1), ...Array<number>(T - flat.length).fill(0)]);
          expect(row(wm)).toEqual([...expectedMask, ...Array<number>(T - flat.length).fill(0)]);
          // the graph scatters word j to slot words_mask-1: no value may exceed max(text_lengths)
          expect(Math.max(...row(wm))).toBe(r.words.length);
        });
      }),
    );
  });

  it('reuses its buffers without leaking values from a larger earlier batch', () => {
    fc.assert(
      fc.property(batchArb, batchArb, ([big], [small, K]) => {
        const builder = new TensorBuilder(K, PAD, true);
        builder.build(big);
        const reused = builder.build(small);
        const fresh = new TensorBuilder(K, PAD, true).build(small);
        for (const name of Object.keys(fresh.feeds)) {
          expect(n(reused, name), name).toEqual(n(fresh, name));
          expect(reused.feeds[name]!.dims).toEqual(fresh.feeds[name]!.dims);
        }
      }),
    );
  });

  it('uses int64 for every input except the bool span_mask', () => {
    const out = new TensorBuilder(3, PAD, true).build([{ head: [1], words: [[5]], tail: [2] }]);
    for (const name of ['input_ids', 'attention_mask', 'words_mask', 'text_lengths', 'span_idx']) {
      expect(out.feeds[name]!.type).toBe('int64');
      expect(out.feeds[name]!.data).toBeInstanceOf(BigInt64Array);
    }
    expect(out.feeds['span_mask']!.type).toBe('bool');
  });
});

describe('TensorBuilder (token contract)', () => {
  it('builds only the four token-level inputs', () => {
    const out = new TensorBuilder(12, PAD, false).build([{ head: [1, 2], words: [[5], [6, 7]], tail: [3] }]);
    expect(Object.keys(out.feeds).sort()).toEqual(['attention_mask', 'input_ids', 'text_lengths', 'words_mask']);
  });
});
