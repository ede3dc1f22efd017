import { describe, expect, it } from 'vitest';
import { BASELINE_ONLY_BELOW_BYTES, wasmTiersFor } from '../../src/cli/wasm-tiering.js';

describe('the CLI picks V8 WebAssembly tiers by input size', () => {
  it('runs the model on the baseline compiler alone for small inputs, and optimizes for big ones', () => {
    expect(wasmTiersFor('gliner+heuristics', 52)).toBe('baseline only');
    expect(wasmTiersFor('gliner', BASELINE_ONLY_BELOW_BYTES - 1)).toBe('baseline only');
    expect(wasmTiersFor('gliner', BASELINE_ONLY_BELOW_BYTES)).toBe('baseline then optimizing');
    expect(wasmTiersFor('gliner+heuristics', 20_000_000)).toBe('baseline then optimizing');
  });

  it('leaves methods without the model alone', () => {
    expect(wasmTiersFor('heuristics', 52)).toBe('baseline then optimizing');
  });
});
