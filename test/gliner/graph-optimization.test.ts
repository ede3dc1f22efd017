import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../src/bytes.js';
import { GRAPH_OPTIMIZATION_KEY, graphOptimizationFor, onnxMetadata } from '../../src/gliner/graph-optimization.js';
import { lengthField } from '../../src/gliner/onnx-proto.js';

/** A one-node ONNX model (Identity, as `session.ts` warms the runtime with). */
const IDENTITY = Uint8Array.from(
  Buffer.from(
    '08083a370a100a017812017922084964656e746974791201675a0f0a0178120a0a08080112040a020801620f0a0179120a0a08080112040a02080142040a00100d',
    'hex',
  ),
);
const utf8 = (s: string) => new TextEncoder().encode(s);
/** `model` with one more `metadata_props` entry (ModelProto field 14). */
const withMetadata = (model: Uint8Array, key: string, value: string) =>
  concatBytes([model, lengthField(14, concatBytes([lengthField(1, utf8(key)), lengthField(2, utf8(value))]))]);

describe('ONNX metadata and the graph optimization level', () => {
  it('reads metadata_props entries, and the bytes stay a model onnxruntime opens', async () => {
    const model = withMetadata(withMetadata(IDENTITY, 'producer.note', 'x'), GRAPH_OPTIMIZATION_KEY, 'disabled');
    expect(onnxMetadata(IDENTITY).size).toBe(0);
    expect([...onnxMetadata(model)]).toEqual([
      ['producer.note', 'x'],
      [GRAPH_OPTIMIZATION_KEY, 'disabled'],
    ]);
    ort.env.wasm.numThreads = 1;
    const session = await ort.InferenceSession.create(model, { graphOptimizationLevel: graphOptimizationFor(model, true) });
    const out = await session.run({ x: new ort.Tensor('float32', Float32Array.of(1.5), [1]) });
    expect(Array.from(out.y!.data as Float32Array)).toEqual([1.5]);
    await session.release();
  });

  it('skips the optimizations only for a graph on integer kernels whose metadata opts out', () => {
    const optedOut = withMetadata(IDENTITY, GRAPH_OPTIMIZATION_KEY, 'disabled');
    expect(graphOptimizationFor(optedOut, true)).toBe('disabled');
    // WebGPU and the exact graph keep the folding of dequantized weights at session creation
    expect(graphOptimizationFor(optedOut, false)).toBe('all');
    expect(graphOptimizationFor(IDENTITY, true)).toBe('all');
    expect(graphOptimizationFor(withMetadata(IDENTITY, GRAPH_OPTIMIZATION_KEY, 'all'), true)).toBe('all');
  });

  it('reads bytes that are not ONNX as no metadata', () => {
    expect(onnxMetadata(utf8('<!doctype html><html>')).size).toBe(0);
    expect(graphOptimizationFor(Uint8Array.of(0x72, 0xff, 0xff), true)).toBe('all');
  });
});

describe('the bundled model', () => {
  it('opts out of graph optimizations in its ONNX metadata (its sessions open ~40 % faster)', () => {
    const file = join(import.meta.dirname, '..', '..', 'models', 'pii-local-small', 'onnx', 'model_quantized.onnx');
    const bytes = new Uint8Array(readFileSync(file));
    expect(onnxMetadata(bytes).get(GRAPH_OPTIMIZATION_KEY)).toBe('disabled');
    expect(graphOptimizationFor(bytes, true)).toBe('disabled');
  });
});
