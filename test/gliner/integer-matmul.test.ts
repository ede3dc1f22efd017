import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { Tokenizer } from '@huggingface/tokenizers';
import { describe, expect, it } from 'vitest';
import { integerMatMuls } from '../../src/gliner/integer-matmul.js';

const MODELS = join(import.meta.dirname, '..', '..', 'models');
const bundled = () => new Uint8Array(readFileSync(join(MODELS, 'pii-local-small', 'onnx', 'model_quantized.onnx')));

/** The span-contract inputs for one sentence and three labels, built as latency.mjs builds them. */
function feeds(): Record<string, ort.Tensor> {
  const dir = join(MODELS, 'pii-local-small');
  const cfg = JSON.parse(readFileSync(join(dir, 'gliner_config.json'), 'utf8')) as { ent_token: string; sep_token: string; max_width: number };
  const tok = new Tokenizer(JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')), JSON.parse(readFileSync(join(dir, 'tokenizer_config.json'), 'utf8')));
  const piece = (s: string) => tok.encode(s, { add_special_tokens: false }).ids;
  const words = 'Dear Maria Gonzalez , call 415 555 0199 at St. Mary Hospital in Springfield .'.split(' ');
  const ids = [tok.token_to_id('[CLS]')!];
  for (const l of ['person', 'organization', 'phone number']) ids.push(...piece(cfg.ent_token), ...piece(l));
  ids.push(...piece(cfg.sep_token));
  const wm = ids.map(() => 0);
  words.forEach((w, j) => {
    const p = piece(w);
    ids.push(...p);
    wm.push(j + 1, ...p.slice(1).map(() => 0));
  });
  ids.push(tok.token_to_id('[SEP]')!);
  wm.push(0);
  const W = words.length;
  const K = cfg.max_width;
  const spanIdx = new BigInt64Array(W * K * 2);
  const spanMask = new Uint8Array(W * K);
  for (let i = 0; i < W; i++) for (let k = 0; k < K; k++) if (i + k < W) {
    spanIdx[(i * K + k) * 2] = BigInt(i);
    spanIdx[(i * K + k) * 2 + 1] = BigInt(i + k);
    spanMask[i * K + k] = 1;
  }
  const i64 = (xs: number[]) => BigInt64Array.from(xs.map(BigInt));
  return {
    input_ids: new ort.Tensor('int64', i64(ids), [1, ids.length]),
    attention_mask: new ort.Tensor('int64', i64(ids.map(() => 1)), [1, ids.length]),
    words_mask: new ort.Tensor('int64', i64(wm), [1, ids.length]),
    text_lengths: new ort.Tensor('int64', i64([W]), [1, 1]),
    span_idx: new ort.Tensor('int64', spanIdx, [1, W * K, 2]),
    span_mask: new ort.Tensor('bool', spanMask, [1, W * K]),
  };
}

async function logits(model: Uint8Array): Promise<Float32Array> {
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'] });
  try {
    return (await session.run(feeds())).logits!.data as Float32Array;
  } finally {
    await session.release();
  }
}

describe('integerMatMuls', () => {
  it('rewrites the bundled model so onnxruntime runs it with the same contract, every probability within 0.02', async () => {
    const original = bundled();
    const rewritten = integerMatMuls(original);
    expect(rewritten).toBeDefined();
    // Only the node list changed: the initializers (nearly all the bytes) are copied through.
    expect(Math.abs(rewritten!.length - original.length)).toBeLessThan(64_000);
    const text = new TextDecoder('latin1').decode(rewritten!);
    expect(text.split('MatMulInteger').length - 1).toBe(17);
    expect(text.split('DynamicQuantizeLinear').length - 1).toBe(17);

    const [exact, integer] = [await logits(original), await logits(rewritten!)];
    expect(integer.length).toBe(exact.length);
    // Compared as probabilities: far-negative logits may move a little where it cannot matter.
    const p = (x: number) => 1 / (1 + Math.exp(-x));
    let worst = 0;
    let moved = 0;
    for (let i = 0; i < exact.length; i++) {
      worst = Math.max(worst, Math.abs(p(exact[i]!) - p(integer[i]!)));
      if (exact[i] !== integer[i]) moved++;
    }
    expect(moved).toBeGreaterThan(0); // the integer kernels did run
    expect(worst).toBeLessThan(0.02);
  }, 60_000);

  it('leaves alone a graph with no int8 weights, a rewritten graph, and bytes that are not ONNX', () => {
    expect(integerMatMuls(new Uint8Array(readFileSync(join(MODELS, 'fixtures', 'tiny-random', 'onnx', 'model.onnx'))))).toBeUndefined();
    expect(integerMatMuls(integerMatMuls(bundled())!)).toBeUndefined();
    expect(integerMatMuls(new TextEncoder().encode('<!doctype html><html></html>'))).toBeUndefined();
    expect(integerMatMuls(new Uint8Array(0))).toBeUndefined();
    const cut = bundled().subarray(0, 5000);
    expect(integerMatMuls(cut)).toBeUndefined();
  });
});
