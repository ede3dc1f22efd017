/**
 * From logits to word spans with Python GLiNER's semantics (`gliner/decoding/decoder.py`):
 * sigmoid per cell, strictly above the threshold, then one greedy pass by descending score.
 */

/** A candidate or decoded span over words: `start`/`end` are word indices, `end` inclusive; `label` indexes the label list. */
export interface WordSpan {
  start: number;
  end: number;
  label: number;
  score: number;
}

/** Overlap rules of the greedy pass. */
export interface GreedyOptions {
  /** `true`: accepted spans never overlap; `false`: they may nest but never cross. */
  flatNer: boolean;
  /** Lets one word range carry several labels. */
  multiLabel: boolean;
}

/**
 * The sigmoid as PyTorch computes it on a float32 tensor: the result is a float32, so ties and
 * threshold comparisons behave as in Python.
 */
export function sigmoid32(x: number): number {
  return Math.fround(1 / (1 + Math.exp(-x)));
}

/** `p > threshold` with the threshold rounded to float32, as torch compares a float32 tensor with a Python float. */
export function aboveThreshold(p: number, threshold: number): boolean {
  return p > Math.fround(threshold);
}

/** Cheap pre-filter: logits this far below logit(threshold) cannot pass whatever the rounding. */
function logitFloor(threshold: number): number {
  if (threshold <= 0) return -Infinity;
  if (threshold >= 1) return Infinity;
  return Math.log(threshold / (1 - threshold)) - 1e-3;
}

/**
 * Span-contract candidates of batch row `b` from logits `[B, W, K, C]`, in PyTorch's
 * `torch.where` order (word, width, label). Spans ending past the row's `nWords` are skipped.
 * Word and label indices are shifted by `wordOffset` and mapped through `labelIndex`.
 */
export function spanCandidates(
  logits: Float32Array,
  dims: readonly number[],
  b: number,
  nWords: number,
  threshold: number,
  out: WordSpan[],
  wordOffset = 0,
  labelIndex?: readonly number[],
): WordSpan[] {
  const [, W = 0, K = 0, C = 0] = dims;
  const floor = logitFloor(threshold);
  const rowBase = b * W * K * C;
  for (let i = 0; i < Math.min(W, nWords); i++) {
    for (let k = 0; k < K && i + k < nWords; k++) {
      const base = rowBase + (i * K + k) * C;
      for (let c = 0; c < C; c++) {
        const x = logits[base + c]!;
        if (!(x > floor)) continue;
        const p = sigmoid32(x);
        if (aboveThreshold(p, threshold)) {
          out.push({ start: i + wordOffset, end: i + k + wordOffset, label: labelIndex?.[c] ?? c, score: p });
        }
      }
    }
  }
  return out;
}

/**
 * Layout of a token-level model's output: `BWC3` = `[B, W, C, 3]` (gliner ≥ 0.2.21),
 * `3BWC` = `[3, B, W, C]` (older exports); the 3 are start / end / inside.
 */
export type TokenLayout = 'BWC3' | '3BWC';

/**
 * Token-contract candidates of batch row `b` (gliner ≥ 0.2.17 `TokenDecoder`): a start and an end of
 * the same label above the threshold, every inside score at or above it, score = min of all of
 * them. Order follows Python: starts by (word, label), then ends by word.
 */
export function tokenCandidates(
  logits: Float32Array,
  layout: TokenLayout,
  dims: readonly number[],
  b: number,
  nWords: number,
  threshold: number,
  out: WordSpan[],
  wordOffset = 0,
  labelIndex?: readonly number[],
): WordSpan[] {
  const [B, W, C] = layout === 'BWC3' ? [dims[0] ?? 0, dims[1] ?? 0, dims[2] ?? 0] : [dims[1] ?? 0, dims[2] ?? 0, dims[3] ?? 0];
  const at =
    layout === 'BWC3'
      ? (part: number, w: number, c: number) => ((b * W + w) * C + c) * 3 + part
      : (part: number, w: number, c: number) => ((part * B + b) * W + w) * C + c;
  const n = Math.min(W, nWords);
  const prob = (part: number, w: number, c: number): number => sigmoid32(logits[at(part, w, c)]!);
  const starts: [number, number][] = [];
  const ends: [number, number][] = [];
  for (let w = 0; w < n; w++) {
    for (let c = 0; c < C; c++) {
      if (aboveThreshold(prob(0, w, c), threshold)) starts.push([w, c]);
      if (aboveThreshold(prob(1, w, c), threshold)) ends.push([w, c]);
    }
  }
  const t32 = Math.fround(threshold);
  for (const [st, c] of starts) {
    for (const [ed, c2] of ends) {
      if (ed < st || c2 !== c) continue;
      let score = Math.min(prob(0, st, c), prob(1, ed, c));
      let ok = true;
      for (let w = st; w <= ed; w++) {
        const inside = prob(2, w, c);
        if (inside < t32) {
          ok = false;
          break;
        }
        score = Math.min(score, inside);
      }
      if (ok) out.push({ start: st + wordOffset, end: ed + wordOffset, label: labelIndex?.[c] ?? c, score });
    }
  }
  return out;
}

/**
 * Keeps, per (start, end, label), the best-scoring copy: windows overlap, so one span can be
 * scored by several of them. The first copy's position is kept, so the candidate order survives.
 */
export function dedupeCandidates(candidates: readonly WordSpan[]): WordSpan[] {
  const best = new Map<string, WordSpan>();
  const order: string[] = [];
  for (const c of candidates) {
    const key = `${c.start},${c.end},${c.label}`;
    const seen = best.get(key);
    if (seen === undefined) {
      best.set(key, { ...c });
      order.push(key);
    } else if (c.score > seen.score) {
      seen.score = c.score;
    }
  }
  return order.map((k) => best.get(k)!);
}

/**
 * Python's `greedy_search`: visit candidates by descending score (stable: equal scores keep the
 * given order) and accept each one that does not conflict with an accepted span; return the
 * accepted spans sorted by start (stable).
 *
 * Conflicts (`has_overlapping` / `has_overlapping_nested`): the same word range conflicts unless
 * `multiLabel`; otherwise, flat: any shared word; nested: shared words without containment.
 */
export function greedySearch(candidates: readonly WordSpan[], options: GreedyOptions): WordSpan[] {
  const byScore = [...candidates].sort((a, b) => b.score - a.score);
  // accepted spans bucketed by start word, so a check only visits spans that can reach [start, end]
  const byStart = new Map<number, WordSpan[]>();
  let longest = 0;
  const accepted: WordSpan[] = [];
  for (const cand of byScore) {
    if (conflicts(cand)) continue;
    accepted.push(cand);
    const bucket = byStart.get(cand.start);
    if (bucket === undefined) byStart.set(cand.start, [cand]);
    else bucket.push(cand);
    longest = Math.max(longest, cand.end - cand.start + 1);
  }
  return accepted.sort((a, b) => a.start - b.start);

  function conflicts(c: WordSpan): boolean {
    for (let s = Math.max(0, c.start - longest + 1); s <= c.end; s++) {
      const bucket = byStart.get(s);
      if (bucket === undefined) continue;
      for (const a of bucket) if (overlaps(c, a, options)) return true;
    }
    return false;
  }
}

function overlaps(x: WordSpan, y: WordSpan, { flatNer, multiLabel }: GreedyOptions): boolean {
  if (x.start === y.start && x.end === y.end) return !multiLabel;
  const disjoint = x.start > y.end || y.start > x.end;
  if (disjoint) return false;
  if (flatNer) return true;
  const nested = (x.start <= y.start && x.end >= y.end) || (y.start <= x.start && y.end >= x.end);
  return !nested;
}
