/**
 * The bundled model opened with its large weights as external data read from its own bytes
 * (`weights-outside.ts`): the same logits as from the whole file, with a graph that no longer holds
 * the embedding table, whose external tensor points at its bytes in the original. A graph with nothing left to
 * move, and bytes that are not ONNX, are left alone.
 */
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { weightsOutside, WEIGHTS_FILE } from '../../src/gliner/weights-outside.js';
import { bundled, feeds } from './bundled-feeds.js';

async function logits(model: Uint8Array, options: ort.InferenceSession.SessionOptions = {}): Promise<Float32Array> {
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], ...options });
  try {
    return (await session.run(feeds())).logits!.data as Float32Array;
  } finally {
    await session.release();
  }
}

describe('weightsOutside', () => {
  it('gives the same logits as the whole file, from a graph without its embedding table', async () => {
    const model = bundled();
    const split = weightsOutside(model)!;
    expect(split.weights).toBe(model); // not copied
    expect(split.graph.byteLength).toBeLessThan(model.byteLength / 4); // the 11 MB embedding table moved
    const outside = await logits(split.graph, { externalData: [{ path: WEIGHTS_FILE, data: split.weights }] });
    expect(outside).toEqual(await logits(model));
  });

  it('points each moved tensor at its own bytes: a graph whose weights are zeroed answers otherwise', async () => {
    const model = bundled();
    const split = weightsOutside(model)!;
    const zeroed = new Uint8Array(model); // same layout, but the embedding table's bytes zeroed
    zeroed.fill(0, model.byteLength - 12_000_000, model.byteLength - 1_000_000);
    const fromZeroed = await logits(split.graph, { externalData: [{ path: WEIGHTS_FILE, data: zeroed }] });
    expect(fromZeroed).not.toEqual(await logits(split.graph, { externalData: [{ path: WEIGHTS_FILE, data: split.weights }] }));
  });

  it('leaves alone a graph with nothing left to move, and bytes that are not ONNX', () => {
    const split = weightsOutside(bundled())!;
    expect(weightsOutside(split.graph)).toBeUndefined();
    expect(weightsOutside(new TextEncoder().encode('<!doctype html><title>app</title>'))).toBeUndefined();
  });
});
