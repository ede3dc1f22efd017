/**
 * Test oracles. `pythonGreedy` transcribes urchade/GLiNER's greedy_search literally; `decodeRow`
 * is export.py's decode_flat. `oraclePredict` rebuilds predict() from the lower layers with its
 * own, deliberately naive window and label-group planning (one row per ONNX run, no batching).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { parseConfig, type GlinerConfig } from '../../src/gliner/config.js';
import { dedupeCandidates, greedySearch, spanCandidates, type WordSpan } from '../../src/gliner/decode.js';
import { PromptEncoder } from '../../src/gliner/prompt.js';
import { openSession, type ModelSession } from '../../src/gliner/session.js';
import { TensorBuilder } from '../../src/gliner/tensors.js';
import { splitWords } from '../../src/gliner/words.js';
import type { Span } from '../../src/types.js';

export interface RefSpan { start: number; end: number; label: number; score: number }

export function pythonGreedy<T extends RefSpan>(cands: readonly T[], flatNer: boolean, multiLabel: boolean): T[] {
  const isNested = (a: T, b: T) => (a.start <= b.start && a.end >= b.end) || (b.start <= a.start && b.end >= a.end);
  const hasOverlapping = (a: T, b: T) => (a.start === b.start && a.end === b.end ? !multiLabel : !(a.start > b.end || b.start > a.end));
  const hasOverlappingNested = (a: T, b: T) =>
    a.start === b.start && a.end === b.end ? !multiLabel : !(a.start > b.end || b.start > a.end || isNested(a, b));
  const hasOv = flatNer ? hasOverlapping : hasOverlappingNested;
  const selected: T[] = [];
  for (const c of [...cands].sort((a, b) => -a.score - -b.score)) {
    if (!selected.some((s) => hasOv(c, s))) selected.push(c);
  }
  return selected.sort((a, b) => a.start - b.start);
}

/** decode_flat of models/scripts/export.py over row b of [B, W, K, C] logits given as plain numbers. */
export function decodeRow(logits: readonly number[], dims: readonly number[], b: number, nWords: number, threshold: number): RefSpan[] {
  const [, W = 0, K = 0, C = 0] = dims;
  const cands: RefSpan[] = [];
  for (let i = 0; i < Math.min(W, nWords); i++) {
    for (let k = 0; k < K && i + k < nWords; k++) {
      for (let c = 0; c < C; c++) {
        const p = 1 / (1 + Math.exp(-logits[((b * W + i) * K + k) * C + c]!));
        if (p > threshold) cands.push({ start: i, end: i + k, label: c, score: p });
      }
    }
  }
  return pythonGreedy(cands, true, false);
}

export interface OracleModel {
  config: GlinerConfig;
  encoder: PromptEncoder;
  session: ModelSession;
}

export async function openOracle(dir: string, onnx: string, configPatch: Record<string, unknown> = {}): Promise<OracleModel> {
  const json = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
  const config = parseConfig({ ...json('gliner_config.json'), ...configPatch });
  const tj = json('tokenizer.json');
  const tc = json('tokenizer_config.json');
  const encoder = new PromptEncoder(new Tokenizer(tj, tc), config, tj, tc);
  const session = await openSession(new Uint8Array(readFileSync(join(dir, onnx))), 'wasm');
  return { config, encoder, session };
}

export async function oraclePredict(
  m: OracleModel,
  text: string,
  labels: readonly string[],
  threshold: number,
  flatNer = true,
  multiLabel = false,
): Promise<{ spans: Span[]; windows: number }> {
  const { config, encoder, session } = m;
  const words = splitWords(text);
  const pieces = words.map((w) => encoder.wordPieces(w.text));
  const cands: WordSpan[] = [];
  let windows = 0;
  for (let g0 = 0; g0 < labels.length; g0 += config.maxTypes) {
    const group = labels.slice(g0, g0 + config.maxTypes);
    const head = [...encoder.prefix, ...encoder.prompt(group)];
    const budget = encoder.maxTokens - head.length - encoder.suffix.length;
    let start = 0;
    while (start < words.length) {
      let end = start;
      let tokens = 0;
      while (end < words.length && end - start < config.maxLen && tokens + pieces[end]!.length <= budget) tokens += pieces[end++]!.length;
      const row = { head, words: pieces.slice(start, end), tail: encoder.suffix };
      const { feeds } = new TensorBuilder(config.maxWidth, encoder.padId, true).build([row]);
      const out = await session.run(feeds);
      spanCandidates(out.data, out.dims, 0, end - start, threshold, cands, start, group.map((_, j) => g0 + j));
      windows++;
      if (end >= words.length) break;
      start = end - config.maxWidth;
    }
  }
  cands.sort((a, b) => a.start - b.start || a.end - b.end || a.label - b.label);
  const spans = greedySearch(dedupeCandidates(cands), { flatNer, multiLabel }).map((s) => ({
    start: words[s.start]!.start,
    end: words[s.end]!.end,
    label: labels[s.label]!,
    score: s.score,
  }));
  return { spans, windows };
}

/** The windows `oraclePredict` uses for the first label group (word ranges, end exclusive). */
export function oracleWindows(m: OracleModel, text: string, labels: readonly string[]): { start: number; end: number }[] {
  const { config, encoder } = m;
  const pieces = splitWords(text).map((w) => encoder.wordPieces(w.text));
  const head = [...encoder.prefix, ...encoder.prompt(labels.slice(0, config.maxTypes))];
  const budget = encoder.maxTokens - head.length - encoder.suffix.length;
  const out: { start: number; end: number }[] = [];
  let start = 0;
  while (start < pieces.length) {
    let end = start;
    let tokens = 0;
    while (end < pieces.length && end - start < config.maxLen && tokens + pieces[end]!.length <= budget) tokens += pieces[end++]!.length;
    out.push({ start, end });
    if (end >= pieces.length) break;
    start = end - config.maxWidth;
  }
  return out;
}
