/**
 * WASM vs WebGPU in Chromium: the same inputs give the same spans on both (the exact graph on WASM to
 * the last candidate; WASM's integer kernels at the default threshold). Headless Chromium on a
 * machine without a GPU offers SwiftShader's software adapter with `--enable-unsafe-webgpu`; the
 * test asks for `webgpu` explicitly (no fallback), so a missing adapter fails loudly instead of
 * passing on WASM.
 */
import { describe, expect, it } from 'vitest';
import { MODEL_TYPES, TEXTS } from './corpus.js';
import { openTestPage, pageUrl, skipReason, useBrowserSession } from './harness.js';

describe.skipIf(skipReason !== undefined)('WebGPU (SwiftShader) vs WASM in Chromium', () => {
  const session = useBrowserSession();

  it('gets the same spans on WebGPU as on WASM', async () => {
    // Short texts: SwiftShader runs the GPU kernels on the CPU, about 30x slower than WASM here.
    const texts = TEXTS.slice(1, 3);
    const options = { method: 'gliner' as const, types: MODEL_TYPES, threshold: 0 };

    const { page: gpuPage, errors } = await openTestPage(session.browser, pageUrl(session.server));
    const adapter = await gpuPage.evaluate(async () => {
      const gpu = (navigator as { gpu?: { requestAdapter(): Promise<{ info?: Record<string, unknown> } | null> } }).gpu;
      if (!gpu) return { available: false, reason: 'navigator.gpu is undefined' };
      const a = await gpu.requestAdapter();
      return a ? { available: true, vendor: a.info?.vendor, architecture: a.info?.architecture, fallback: a.info?.isFallbackAdapter } : { available: false, reason: 'requestAdapter() returned null' };
    });
    console.info(`[browser] WebGPU adapter: ${JSON.stringify(adapter)}`);
    if (!adapter.available) {
      throw new Error(`WebGPU is NOT available in this Chromium (${String(adapter.reason)}); the WASM/WebGPU parity was not tested. Check --enable-unsafe-webgpu and the SwiftShader Vulkan ICD.`);
    }

    const gpu = await gpuPage.evaluate(() => window.pii.start({ backend: 'webgpu' }));
    expect(gpu.backend, 'the model must run on WebGPU, not fall back').toBe('webgpu');
    const onGpu = await gpuPage.evaluate(([t, o]) => window.pii.detect(t, o), [texts, options] as const);
    const atDefault = { ...options, threshold: 0.3 };
    const onGpuAtDefault = await gpuPage.evaluate(([t, o]) => window.pii.detect(t, o), [texts, atDefault] as const);
    expect(errors).toEqual([]);
    await gpuPage.close();

    // The graph exactly as exported on WASM: every candidate, scores to 1e-3.
    const { page: wasmPage } = await openTestPage(session.browser, pageUrl(session.server));
    const wasm = await wasmPage.evaluate(() => window.pii.start({ backend: 'wasm', integerKernels: false }));
    expect(wasm.backend).toBe('wasm');
    const onWasm = await wasmPage.evaluate(([t, o]) => window.pii.detect(t, o), [texts, options] as const);
    await wasmPage.close();

    // WASM as it runs by default (integer kernels, activations rounded to 8 bits): the same spans at the default threshold.
    const { page: intPage } = await openTestPage(session.browser, pageUrl(session.server));
    await intPage.evaluate(() => window.pii.start({ backend: 'wasm' }));
    const onInt = await intPage.evaluate(([t, o]) => window.pii.detect(t, o), [texts, atDefault] as const);
    await intPage.close();
    expect(onGpuAtDefault.results.flatMap((d) => d.spans).length).toBeGreaterThan(0);
    onInt.results.forEach((w, i) => {
      expect(onGpuAtDefault.results[i]!.spans.map(({ start, end, label }) => ({ start, end, label }))).toEqual(w.spans.map(({ start, end, label }) => ({ start, end, label })));
    });

    const spans = onWasm.results.flatMap((d) => d.spans);
    // How many spans the greedy decoder keeps at threshold 0 depends on the model (longer spans cover more
    // words); the bar is only "enough to compare".
    expect(spans.length).toBeGreaterThanOrEqual(6);
    let maxDiff = 0;
    onWasm.results.forEach((w, i) => {
      const g = onGpu.results[i]!;
      expect(g.spans.map(({ start, end, label }) => ({ start, end, label }))).toEqual(w.spans.map(({ start, end, label }) => ({ start, end, label })));
      w.spans.forEach((s, j) => (maxDiff = Math.max(maxDiff, Math.abs(s.score - g.spans[j]!.score))));
    });
    expect(maxDiff).toBeLessThan(1e-3);
    console.info(
      `[browser] ${spans.length} spans identical on webgpu (${String(adapter.architecture)}, fallback adapter: ${String(adapter.fallback)}) and wasm; ` +
        `max score difference ${maxDiff.toExponential(1)}; load webgpu ${gpu.loadMs.toFixed(0)} ms / wasm ${wasm.loadMs.toFixed(0)} ms; ` +
        `gliner on ${texts.length} texts webgpu ${onGpu.ms.toFixed(0)} ms / wasm ${onWasm.ms.toFixed(0)} ms`,
    );
  });
});
