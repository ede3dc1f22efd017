/**
 * Parity with PyTorch: golden.json (written by models/scripts/export.py) holds, per case, the
 * tensors, logits and flat-greedy spans of the PyTorch model. Checked through the public
 * loadGliner().predict and, for tensors and logits, through the layers underneath.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGliner, type GlinerModel } from '../../src/gliner/index.js';
import { TensorBuilder } from '../../src/gliner/tensors.js';
import { splitWords } from '../../src/gliner/words.js';
import { decodeRow, openOracle, type OracleModel } from './reference.js';

interface GoldenCase {
  labels: string[];
  rows: { text: string; words: [string, number, number][]; spans: { start: number; end: number; label: string; score: number; text: string }[] }[];
  input_ids: number[][];
  attention_mask: number[][];
  words_mask: number[][];
  text_lengths: number[][];
  logits_shape: number[];
  logits: number[];
}
interface Golden { threshold: number; cases: GoldenCase[] }

const MODELS = join(import.meta.dirname, '..', '..', 'models');
const UNDER_TEST = [
  // random weights: every logit is within ±1e-3 of 0, so the 4-decimal golden logits tie often and
  // only the golden spans (decided by PyTorch on unrounded values) can be compared
  { dir: join(MODELS, 'fixtures', 'tiny-random'), onnx: 'onnx/model.onnx', logitTolerance: 1e-3, spreadLogits: false },
  // PyTorch ran the int8-rounded weights; the rest is float32 op order (as test/models/golden.test.ts)
  { dir: join(MODELS, 'pii-local-small'), onnx: 'onnx/model_quantized.onnx', logitTolerance: 2e-2, spreadLogits: true },
];
const SCORE_TOLERANCE = 1e-3;

for (const m of UNDER_TEST) {
  describe(`golden parity: ${m.dir.slice(MODELS.length + 1)}`, () => {
    const golden = JSON.parse(readFileSync(join(m.dir, 'golden.json'), 'utf8')) as Golden;
    let model: GlinerModel;
    let oracle: OracleModel;

    beforeAll(async () => {
      // The graph exactly as exported: parity with PyTorch is about the contract, not about the
      // integer kernels (bounded against this exact graph below).
      model = await loadGliner(m.dir, { backend: 'wasm', integerKernels: false });
      oracle = await openOracle(m.dir, m.onnx);
    });
    afterAll(async () => {
      await model.dispose();
      await oracle.session.release();
    });

    it('loads on wasm with the span contract and the expected ONNX file', () => {
      expect(model.backend).toBe('wasm');
      expect(oracle.session.contract).toBe('span');
      expect(model.config.kind).toBe('span');
    });

    golden.cases.forEach((gc, ci) => {
      it(`case ${ci}: words, input_ids, attention_mask, words_mask and text_lengths equal PyTorch's`, () => {
        const rows = gc.rows.map((r) => {
          const words = splitWords(r.text);
          expect(words.map((w) => [w.text, w.start, w.end])).toEqual(r.words);
          return { head: [...oracle.encoder.prefix, ...oracle.encoder.prompt(gc.labels)], words: words.map((w) => oracle.encoder.wordPieces(w.text)), tail: oracle.encoder.suffix };
        });
        const { feeds } = new TensorBuilder(oracle.config.maxWidth, oracle.encoder.padId, true).build(rows);
        const flat = (name: string) => Array.from(feeds[name]!.data as ArrayLike<bigint | number>, Number);
        expect(flat('input_ids')).toEqual(gc.input_ids.flat());
        expect(flat('attention_mask')).toEqual(gc.attention_mask.flat());
        expect(flat('words_mask')).toEqual(gc.words_mask.flat());
        expect(flat('text_lengths')).toEqual(gc.text_lengths.flat());
      });

      it(`case ${ci}: logits over the valid spans are within ${m.logitTolerance} of PyTorch's`, async () => {
        const rows = gc.rows.map((r) => ({
          head: [...oracle.encoder.prefix, ...oracle.encoder.prompt(gc.labels)],
          words: splitWords(r.text).map((w) => oracle.encoder.wordPieces(w.text)),
          tail: oracle.encoder.suffix,
        }));
        const { feeds, wordCounts } = new TensorBuilder(oracle.config.maxWidth, oracle.encoder.padId, true).build(rows);
        const out = await oracle.session.run(feeds);
        expect(out.dims).toEqual(gc.logits_shape);
        const [B, W, K, C] = gc.logits_shape as [number, number, number, number];
        let worst = 0;
        let compared = 0;
        for (let b = 0; b < B; b++) {
          const n = wordCounts[b]!;
          for (let i = 0; i < n; i++) for (let k = 0; k < K && i + k < n; k++) for (let c = 0; c < C; c++) {
            const at = ((b * W + i) * K + k) * C + c;
            worst = Math.max(worst, Math.abs(out.data[at]! - gc.logits[at]!));
            compared++;
          }
        }
        expect(compared).toBeGreaterThan(0);
        expect(worst).toBeLessThan(m.logitTolerance);
      });

      it(`case ${ci}: predict() returns PyTorch's spans at threshold ${golden.threshold}`, async () => {
        const got = await model.predict(gc.rows.map((r) => r.text), gc.labels, { threshold: golden.threshold });
        gc.rows.forEach((r, b) => {
          const spans = got[b]!;
          expect(spans.map((s) => [s.start, s.end, s.label])).toEqual(r.spans.map((s) => [s.start, s.end, s.label]));
          spans.forEach((s, j) => expect(Math.abs(s.score - r.spans[j]!.score)).toBeLessThan(SCORE_TOLERANCE));
          spans.forEach((s, j) => expect(r.text.slice(s.start, s.end)).toBe(r.spans[j]!.text));
        });
      });

      it.runIf(m.spreadLogits)(`case ${ci}: predict() equals decode_flat of the PyTorch logits at a threshold that admits ~40 candidates`, async () => {
        const [B, W, K, C] = gc.logits_shape as [number, number, number, number];
        // the threshold sits in the widest gap among the top scores, so rounding cannot move a cell across it
        const probs: number[] = [];
        gc.rows.forEach((r, b) => {
          const n = r.words.length;
          for (let i = 0; i < n; i++) for (let k = 0; k < K && i + k < n; k++) for (let c = 0; c < C; c++) probs.push(1 / (1 + Math.exp(-gc.logits[((b * W + i) * K + k) * C + c]!)));
        });
        probs.sort((a, b) => b - a);
        let cut = Math.min(40, probs.length - 1);
        for (let j = 20; j < Math.min(60, probs.length - 1); j++) if (probs[j]! - probs[j + 1]! > probs[cut]! - probs[cut + 1]!) cut = j;
        const threshold = (probs[cut]! + probs[cut + 1]!) / 2;
        const got = await model.predict(gc.rows.map((r) => r.text), gc.labels, { threshold });
        gc.rows.forEach((r, b) => {
          const expected = decodeRow(gc.logits, [B, W, K, C], b, r.words.length, threshold).map((s) => ({
            start: r.words[s.start]![1],
            end: r.words[s.end]![2],
            label: gc.labels[s.label]!,
            score: s.score,
          }));
          expect(got[b]!.map((s) => [s.start, s.end, s.label])).toEqual(expected.map((s) => [s.start, s.end, s.label]));
          got[b]!.forEach((s, j) => expect(Math.abs(s.score - expected[j]!.score)).toBeLessThan(SCORE_TOLERANCE));
        });
        expect(B).toBe(gc.rows.length);
      });
    });
  });
}

describe('integer kernels (integer-matmul.ts) against the exact graph, bundled model', () => {
  const dir = join(MODELS, 'pii-local-small');
  const golden = JSON.parse(readFileSync(join(dir, 'golden.json'), 'utf8')) as Golden;
  let exact: GlinerModel;
  let integer: GlinerModel;
  beforeAll(async () => {
    [exact, integer] = await Promise.all([loadGliner(dir, { backend: 'wasm', integerKernels: false }), loadGliner(dir, { backend: 'wasm' })]);
  });
  afterAll(async () => {
    await exact?.dispose();
    await integer?.dispose();
  });

  it('finds the same spans on every golden case, with scores within 0.01', async () => {
    let spans = 0;
    for (const gc of golden.cases) {
      const texts = gc.rows.map((r) => r.text);
      const [a, b] = await Promise.all([exact.predict(texts, gc.labels, { threshold: golden.threshold }), integer.predict(texts, gc.labels, { threshold: golden.threshold })]);
      a.forEach((row, i) => {
        expect(b[i]!.map((s) => [s.start, s.end, s.label])).toEqual(row.map((s) => [s.start, s.end, s.label]));
        row.forEach((s, j) => expect(Math.abs(s.score - b[i]![j]!.score)).toBeLessThan(0.01));
        spans += row.length;
      });
    }
    expect(spans).toBeGreaterThan(5);
  });
});
