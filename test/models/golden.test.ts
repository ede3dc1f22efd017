/**
 * Golden test for the shipped GLiNER models: tokenizes the golden inputs with the shipped
 * tokenizer.json (@huggingface/tokenizers), builds the span-contract tensors by hand, runs the
 * shipped ONNX file on onnxruntime-web (wasm, 1 thread) and compares with the PyTorch logits that
 * models/scripts/export.py wrote into golden.json.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import * as ort from 'onnxruntime-web';
import { Tokenizer } from '@huggingface/tokenizers';

interface GoldenRow { text: string; words: [string, number, number][] }
interface GoldenCase {
  labels: string[];
  rows: GoldenRow[];
  input_ids: number[][];
  words_mask: number[][];
  text_lengths: number[][];
  logits_shape: number[];
  logits: number[];
}
interface Golden { cases: GoldenCase[] }
interface GlinerConfig { max_width: number; ent_token: string; sep_token: string; class_token_index: number }

interface ModelUnderTest {
  dir: string;
  onnx: string;
  /** Largest allowed |onnx - torch| logit difference. */
  maxAbs: number;
}

const ROOT = join(import.meta.dirname, '..', '..', 'models');
const MODELS: ModelUnderTest[] = [
  { dir: join(ROOT, 'fixtures', 'tiny-random'), onnx: 'onnx/model.onnx', maxAbs: 1e-3 },
  // golden logits come from PyTorch with the same int8-rounded weights; the gap is float32 op order
  { dir: join(ROOT, 'pii-local-small'), onnx: 'onnx/model_quantized.onnx', maxAbs: 2e-2 },
];

const WORD_RE = /[\p{L}\p{N}_]+(?:[-_][\p{L}\p{N}_]+)*|\S/gu;

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** input_ids / words_mask for one text, built word by word as the engine does. */
function encodeRow(tok: Tokenizer, cfg: GlinerConfig, labels: string[], words: string[]): { ids: number[]; wmask: number[] } {
  const piece = (s: string): number[] => tok.encode(s, { add_special_tokens: false }).ids;
  const cls = tok.token_to_id('[CLS]');
  const sep = tok.token_to_id('[SEP]');
  if (cls === undefined || sep === undefined) throw new Error('tokenizer lacks [CLS]/[SEP]');
  const ids: number[] = [cls];
  for (const l of labels) ids.push(...piece(cfg.ent_token), ...piece(l));
  ids.push(...piece(cfg.sep_token));
  const wmask: number[] = ids.map(() => 0);
  words.forEach((w, j) => {
    const p = piece(w);
    ids.push(...p);
    wmask.push(j + 1, ...p.slice(1).map(() => 0));
  });
  ids.push(sep);
  wmask.push(0);
  return { ids, wmask };
}

function feeds(rows: { ids: number[]; wmask: number[]; n: number }[], K: number, pad: number): Record<string, ort.Tensor> {
  const B = rows.length;
  const L = Math.max(...rows.map((r) => r.ids.length));
  const W = Math.max(...rows.map((r) => r.n));
  const ids = new BigInt64Array(B * L).fill(BigInt(pad));
  const am = new BigInt64Array(B * L);
  const wm = new BigInt64Array(B * L);
  const tl = new BigInt64Array(B);
  const si = new BigInt64Array(B * W * K * 2);
  const sm = new Uint8Array(B * W * K);
  rows.forEach((r, b) => {
    r.ids.forEach((v, t) => { ids[b * L + t] = BigInt(v); am[b * L + t] = 1n; wm[b * L + t] = BigInt(r.wmask[t] ?? 0); });
    tl[b] = BigInt(r.n);
    for (let i = 0; i < W; i++) {
      for (let k = 0; k < K; k++) {
        const s = (b * W + i) * K + k;
        if (i + k < r.n) { si[2 * s] = BigInt(i); si[2 * s + 1] = BigInt(i + k); sm[s] = 1; }
      }
    }
  });
  return {
    input_ids: new ort.Tensor('int64', ids, [B, L]),
    attention_mask: new ort.Tensor('int64', am, [B, L]),
    words_mask: new ort.Tensor('int64', wm, [B, L]),
    text_lengths: new ort.Tensor('int64', tl, [B, 1]),
    span_idx: new ort.Tensor('int64', si, [B, W * K, 2]),
    span_mask: new ort.Tensor('bool', sm, [B, W * K]),
  };
}

for (const m of MODELS) {
  describe(`golden outputs: ${m.dir.slice(ROOT.length + 1)}/${m.onnx}`, () => {
    const cfg = readJson<GlinerConfig>(join(m.dir, 'gliner_config.json'));
    const golden = readJson<Golden>(join(m.dir, 'golden.json'));
    const tok = new Tokenizer(readJson<object>(join(m.dir, 'tokenizer.json')), readJson<object>(join(m.dir, 'tokenizer_config.json')));
    let session: ort.InferenceSession;

    beforeAll(async () => {
      ort.env.wasm.numThreads = 1;
      session = await ort.InferenceSession.create(readFileSync(join(m.dir, m.onnx)), { executionProviders: ['wasm'] });
    });

    it('ships every contract file and a consistent <<ENT>> id', () => {
      for (const f of ['gliner_config.json', 'tokenizer.json', 'tokenizer_config.json', m.onnx, 'golden.json']) {
        expect(existsSync(join(m.dir, f)), f).toBe(true);
      }
      expect(tok.token_to_id(cfg.ent_token)).toBe(cfg.class_token_index);
      expect(session.inputNames).toEqual(['input_ids', 'attention_mask', 'words_mask', 'text_lengths', 'span_idx', 'span_mask']);
      expect(session.outputNames).toEqual(['logits']);
    });

    golden.cases.forEach((gc, ci) => {
      it(`case ${ci}: tokenization and logits match PyTorch`, async () => {
        const rows = gc.rows.map((r, b) => {
          const words = [...r.text.matchAll(WORD_RE)].map((x) => x[0]);
          expect(words).toEqual(r.words.map((w) => w[0]));
          const enc = encodeRow(tok, cfg, gc.labels, words);
          expect(enc.ids).toEqual(gc.input_ids[b]?.slice(0, enc.ids.length));
          expect(enc.wmask).toEqual(gc.words_mask[b]?.slice(0, enc.wmask.length));
          return { ...enc, n: words.length };
        });
        const pad = tok.token_to_id('[PAD]') ?? 0;
        const out = await session.run(feeds(rows, cfg.max_width, pad));
        const logits = out['logits'];
        expect(logits?.dims).toEqual(gc.logits_shape);
        const got = logits?.data as Float32Array;
        let worst = 0;
        // padded words of shorter rows are not compared: their values are unspecified
        const [B, W, K, C] = gc.logits_shape as [number, number, number, number];
        for (let b = 0; b < B; b++) {
          const n = rows[b]?.n ?? 0;
          for (let i = 0; i < n; i++) for (let k = 0; i + k < n && k < K; k++) for (let c = 0; c < C; c++) {
            const at = ((b * W + i) * K + k) * C + c;
            worst = Math.max(worst, Math.abs((got[at] ?? NaN) - (gc.logits[at] ?? NaN)));
          }
        }
        expect(worst).toBeLessThan(m.maxAbs);
      });
    });
  });
}
