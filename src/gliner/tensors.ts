/**
 * Model inputs of one batch (gliner.md §1): plain typed arrays, so that only `session.ts` knows
 * onnxruntime. Integer inputs are int64 in every GLiNER export.
 */

/** One row: `head` (prefix specials + prompt), the sub-token ids of each text word, `tail` (suffix specials). */
export interface RowInput {
  readonly head: readonly number[];
  readonly words: readonly (readonly number[])[];
  readonly tail: readonly number[];
}

/** An input tensor as data + shape; `bool` data is one byte per element. */
export interface FeedTensor {
  readonly type: 'int64' | 'bool';
  readonly data: BigInt64Array | Uint8Array;
  readonly dims: readonly number[];
}

/** Feeds keyed by the graph's input names, plus the batch geometry decoding needs. */
export interface BatchFeeds {
  readonly feeds: Readonly<Record<string, FeedTensor>>;
  /** Rows. */
  readonly batch: number;
  /** Tokens per row after padding. */
  readonly tokens: number;
  /** W: words of the longest row (`max(text_lengths)`). */
  readonly words: number;
  /** Text words per row, in row order. */
  readonly wordCounts: readonly number[];
}

/** Tokens a row occupies: head + every piece + tail. */
export function rowTokens(row: RowInput): number {
  let n = row.head.length + row.tail.length;
  for (const w of row.words) n += w.length;
  return n;
}

// Writing int64 through an Int32Array view (low word, zero high word) avoids a BigInt per element;
// every value here is a small non-negative int. Big-endian hosts take the BigInt path.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A grow-only int64 buffer handed out as exact-length views. */
class Int64Buffer {
  private big = new BigInt64Array(0);
  private lo = new Int32Array(0);

  /** A zeroed view of `n` elements (valid until the next `take`). */
  take(n: number): BigInt64Array {
    if (this.big.length < n) {
      this.big = new BigInt64Array(Math.max(n, this.big.length * 2));
      this.lo = new Int32Array(this.big.buffer);
    } else {
      this.lo.fill(0, 0, 2 * n);
    }
    return this.big.subarray(0, n);
  }

  set(index: number, value: number): void {
    if (LITTLE_ENDIAN) this.lo[2 * index] = value;
    else this.big[index] = BigInt(value);
  }
}

/**
 * Builds batches for the span contract (6 inputs) or the token contract (first 4). Buffers are
 * reused between batches: a batch's feeds are valid until the next `build` call, so callers must
 * run batches one at a time.
 */
export class TensorBuilder {
  private readonly ids = new Int64Buffer();
  private readonly attention = new Int64Buffer();
  private readonly wordsMask = new Int64Buffer();
  private readonly lengths = new Int64Buffer();
  private readonly spanIdx = new Int64Buffer();
  private spanMask = new Uint8Array(0);

  constructor(
    /** K (`max_width`). */
    private readonly maxWidth: number,
    private readonly padId: number,
    private readonly withSpans: boolean,
  ) {}

  build(rows: readonly RowInput[]): BatchFeeds {
    const B = rows.length;
    if (B === 0) throw new RangeError('a batch needs at least one row');
    const K = this.maxWidth;
    const wordCounts = rows.map((r) => r.words.length);
    const T = Math.max(...rows.map(rowTokens));
    const W = Math.max(...wordCounts);
    if (W === 0) throw new RangeError('every batch needs a row with at least one word');

    const ids = this.ids.take(B * T);
    const attention = this.attention.take(B * T);
    const wordsMask = this.wordsMask.take(B * T);
    const lengths = this.lengths.take(B);

    rows.forEach((row, b) => {
      let t = b * T;
      const put = (id: number, word: number): void => {
        this.ids.set(t, id);
        this.attention.set(t, 1);
        if (word > 0) this.wordsMask.set(t, word);
        t++;
      };
      for (const id of row.head) put(id, 0);
      // words_mask is 1-based and marks only the first piece of each text word
      row.words.forEach((pieces, j) => pieces.forEach((id, p) => put(id, p === 0 ? j + 1 : 0)));
      for (const id of row.tail) put(id, 0);
      for (const end = (b + 1) * T; t < end; t++) this.ids.set(t, this.padId);
      this.lengths.set(b, row.words.length);
    });

    const feeds: Record<string, FeedTensor> = {
      input_ids: { type: 'int64', data: ids, dims: [B, T] },
      attention_mask: { type: 'int64', data: attention, dims: [B, T] },
      words_mask: { type: 'int64', data: wordsMask, dims: [B, T] },
      // rank 2 [B, 1]: a [B] tensor is rejected by the exported graphs
      text_lengths: { type: 'int64', data: lengths, dims: [B, 1] },
    };

    if (this.withSpans) {
      // S = W·K rows per text, row i·K+k ↔ (i, i+k); older graphs reshape with exactly this count
      const S = W * K;
      const spanIdx = this.spanIdx.take(B * S * 2);
      if (this.spanMask.length < B * S) this.spanMask = new Uint8Array(Math.max(B * S, this.spanMask.length * 2));
      const spanMask = this.spanMask.subarray(0, B * S);
      spanMask.fill(0);
      for (let b = 0; b < B; b++) {
        const n = wordCounts[b]!;
        for (let i = 0; i < n; i++) {
          for (let k = 0; k < K && i + k < n; k++) {
            const s = b * S + i * K + k;
            this.spanIdx.set(2 * s, i);
            this.spanIdx.set(2 * s + 1, i + k);
            spanMask[s] = 1;
          }
        }
      }
      feeds['span_idx'] = { type: 'int64', data: spanIdx, dims: [B, S, 2] };
      feeds['span_mask'] = { type: 'bool', data: spanMask, dims: [B, S] };
    }
    return { feeds, batch: B, tokens: T, words: W, wordCounts };
  }
}
