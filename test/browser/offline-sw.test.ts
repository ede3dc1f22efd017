/**
 * The offline service worker's file rules (`src/browser/offline-sw.ts`), which decide between
 * cache first (hashed names) and network first (everything else), and which fetched URLs are files
 * at all. Pure functions: no browser needed.
 */
import { describe, expect, it } from 'vitest';
import { hashedName, staticFile } from '../../src/browser/offline-sw.js';

describe('hashedName', () => {
  it.each([
    ['/assets/worker-Bx81k2a9.js', true], // Vite
    ['/assets/ort-wasm-simd-threaded.jsep-D8x3kQ1a.wasm', true], // Vite, onnxruntime's wasm
    ['/bench/web/.build/client-DahyPJPs.js', false], // rollup's 8 characters, no digit: read as a plain name (only slower)
    ['/bench/web/.build/wire-errors-CU8Rgbsm.js', true],
    ['/static/js/main.4f3a2b1c9d8e7f60.js', true], // webpack's contenthash
    ['/ort/ort-wasm-simd-threaded.wasm', false], // words, not a hash
    ['/ort/ort-wasm-simd-threaded.asyncify.wasm', false],
    ['/bench/web/.build/gliner-js-worker.js', false],
    ['/worker.js', false],
    ['/models/pii-local-small/onnx/model_quantized.onnx', false],
    ['/app/index.html', false],
    ['/lib/jquery-3.7.1.min.js', false], // a version is not a hash
  ])('%s → %s', (path, hashed) => {
    expect(hashedName(path)).toBe(hashed);
  });
});

describe('staticFile', () => {
  it.each([
    ['/assets/ort-wasm-simd-threaded.wasm', true],
    ['/ort/ort-wasm-simd-threaded.mjs', true],
    ['/models/pii-local-small/tokenizer.json', true],
    ['/index.html', true],
    ['/api/users', false], // an API answer: never kept
    ['/api/users/7', false],
    ['/models/pii-local-small/onnx/model_quantized.onnx', false], // the model cache's
  ])('%s → %s', (path, file) => {
    expect(staticFile(path)).toBe(file);
  });
});
