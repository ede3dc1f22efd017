import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { integerMatMuls } from '../../src/gliner/integer-matmul.js';
import { bundled, feeds } from './bundled-feeds.js';

const MODELS = join(import.meta.dirname, '..', '..', 'models');

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
