/**
 * The worker engine in Chromium on WASM: same spans as the engine in Node on the same model, progress
 * and abort across the worker boundary, large batches through the transfer path, a missing worker
 * script, WASM threads when (and only when) the page is cross-origin isolated, and a pool of
 * single-thread workers splitting a call (progress summed, one masker for the pseudonyms).
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine, type SampleDetection } from '../../src/engine/engine.js';
import { ALL_TYPES, MODEL_TYPES, TEXTS } from './corpus.js';
import { buildPages, extraWorkers, launchChromium, openTestPage, pageUrl, ROOT, screenshotPath, skipReason, startServer, type TestServer } from './harness.js';

const MODEL_DIR = join(ROOT, 'models', 'pii-local-small');

function expectSameSpans(browser: SampleDetection[], node: SampleDetection[], digits = 4): void {
  expect(browser.length).toBe(node.length);
  browser.forEach((b, i) => {
    const n = node[i]!;
    expect(b.error).toBe(n.error);
    expect(b.spans.map(({ start, end, label }) => ({ start, end, label }))).toEqual(n.spans.map(({ start, end, label }) => ({ start, end, label })));
    b.spans.forEach((s, j) => expect(s.score).toBeCloseTo(n.spans[j]!.score, digits));
  });
}

describe.skipIf(skipReason !== undefined)('worker engine in Chromium (WASM)', () => {
  let server: TestServer;
  let browser: Browser;
  let node: Engine;

  beforeAll(async () => {
    await buildPages();
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    node = createEngine({ model: MODEL_DIR, modelOptions: { backend: 'wasm', numThreads: 1 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await node?.dispose();
  });

  it('finds the same spans as the engine in Node, on the bundled model', async () => {
    const { page, errors } = await openTestPage(browser, pageUrl(server));
    const started = await page.evaluate(() => window.pii.start({ backend: 'wasm' }));
    expect(started.backend).toBe('wasm');
    // model download progress reached every file's total
    for (const file of ['gliner_config.json', 'tokenizer.json', 'onnx/model_quantized.onnx']) {
      const d = started.downloads[file];
      expect(d, file).toBeDefined();
      expect(d!.loaded).toBe(d!.total);
      expect(d!.total).toBeGreaterThan(0);
    }

    const options = { method: 'gliner' as const, types: MODEL_TYPES, threshold: 0 };
    const inBrowser = await page.evaluate(([t, o]) => window.pii.detect(t, o), [TEXTS, options] as const);
    const inNode = await node.detect(TEXTS, options);
    expect(inNode.flatMap((d) => d.spans).length).toBeGreaterThan(20); // enough to compare
    expectSameSpans(inBrowser.results, inNode);
    // progress crossed the boundary, in order, ending at the total
    expect(inBrowser.progress.at(-1)).toBe(TEXTS.length);
    expect([...inBrowser.progress].sort((a, b) => a - b)).toEqual(inBrowser.progress);

    const combined = { method: 'gliner+heuristics' as const, types: ALL_TYPES, threshold: 0.5 };
    const masked = await page.evaluate(([t, o]) => window.pii.redact(t, o), [TEXTS, combined] as const);
    const nodeMasked = await node.redact(TEXTS, combined);
    expectSameSpans(masked.map((s) => ({ spans: s.spans })), nodeMasked.samples.map((s) => ({ spans: s.spans })));
    expect(masked.map((s) => s.text)).toEqual(nodeMasked.samples.map((s) => s.text));
    expect(masked[0]!.text).toContain('[EMAIL]');

    await page.evaluate(([t, d, m]) => window.pii.render(t.slice(0, 5), d, m), [TEXTS, masked.map((s) => ({ spans: s.spans })), masked.map((s) => s.text ?? '')] as const);
    await page.screenshot({ path: screenshotPath('worker-wasm.png'), fullPage: true });
    console.info(`[browser] WASM worker: model load ${started.loadMs.toFixed(0)} ms, gliner on ${TEXTS.length} texts ${inBrowser.ms.toFixed(0)} ms`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves large batches as transferred buffers and gets the same masked texts back', async () => {
    const { page, errors } = await openTestPage(browser, pageUrl(server));
    await page.evaluate(() => window.pii.start({ backend: 'wasm' }));
    // > 256K UTF-16 units in total, so both directions take the packed path; with a lone surrogate
    const big = Array.from({ length: 3000 }, (_, i) => `Row ${i} \uD83D: mail row${i}@example.com or call +1 (415) 555-01${String(i % 100).padStart(2, '0')} — ${'x'.repeat(60)}`);
    expect(big.reduce((n, t) => n + t.length, 0)).toBeGreaterThan(256 * 1024);
    const options = { method: 'heuristics' as const, types: ['EMAIL', 'PHONE_NUMBER'], threshold: 0.3 };
    const masked = await page.evaluate(([t, o]) => window.pii.redact(t, o), [big, options] as const);
    const nodeMasked = await node.redact(big, options);
    expect(masked.map((s) => s.text)).toEqual(nodeMasked.samples.map((s) => s.text));
    expect(masked[7]!.text).toContain('\uD83D:'); // the lone surrogate survived the trip
    expect(errors).toEqual([]);
    await page.close();
  });

  it('rejects an aborted call at once, stops the worker at its next slice, and keeps serving', async () => {
    const { page } = await openTestPage(browser, pageUrl(server));
    await page.evaluate(() => window.pii.start({ backend: 'wasm' }));
    const long = TEXTS[5]!;
    const gliner = { method: 'gliner' as const, types: MODEL_TYPES, threshold: 0.5 };
    const one = await page.evaluate(([t, o]) => window.pii.detect(t, o), [[long] as string[], gliner] as const); // also warms the session up
    const many = Array.from({ length: 40 }, () => long);
    const aborted = await page.evaluate(([t, o]) => window.pii.detectAborted(t, o, 100), [many, gliner] as const);
    expect(aborted).toMatchObject({ error: 'EngineError', code: 'aborted' });
    expect(aborted.ms).toBeLessThan(2000);
    // The next call waits only for the slice under way, not for the 40 texts of the aborted one.
    const after = await page.evaluate(([t]) => window.pii.detect(t, { method: 'heuristics', types: ['EMAIL'] }), [TEXTS] as const);
    console.info(`[browser] abort: page-side ${aborted.ms.toFixed(0)} ms; next call after ${after.ms.toFixed(0)} ms (one long text: ${one.ms.toFixed(0)} ms)`);
    expect(after.ms).toBeLessThan(10 * one.ms + 1000);
    expect(after.results[0]!.spans.some((s) => s.label === 'EMAIL')).toBe(true);
    await page.close();
  });

  it('fails every call, instead of hanging, when the worker script cannot load', async () => {
    const { page } = await openTestPage(browser, pageUrl(server));
    const failed = await page.evaluate(() => window.pii.startMissingWorker());
    expect(failed).toMatchObject({ name: 'EngineError', code: 'model_load_failed' });
    expect(failed.message).toMatch(/worker stopped/);
    await page.close();
  });

  it('uses WASM threads when the page is cross-origin isolated, and one thread when it is not', async () => {
    const { page } = await openTestPage(browser, pageUrl(server));
    const isolated = await page.evaluate(() => window.pii.start({ backend: 'wasm' }));
    expect(isolated.crossOriginIsolated).toBe(true);
    expect(isolated.workerIsolated).toBe(true);
    const short = TEXTS.slice(0, 5);
    const threaded = await page.evaluate(([t, types]) => window.pii.detect(t, { method: 'gliner', types, threshold: 0 }), [short, MODEL_TYPES] as const);
    const pthreads = extraWorkers(page);
    console.info(`[browser] isolated: hardwareConcurrency ${isolated.hardwareConcurrency}, onnxruntime thread workers ${pthreads}, gliner ${threaded.ms.toFixed(0)} ms`);
    if (isolated.hardwareConcurrency > 1) expect(pthreads).toBeGreaterThanOrEqual(1);
    else console.warn('[browser] this machine reports one core: the thread check cannot fail here');
    await page.close();

    const plain = await startServer({ isolated: false });
    try {
      const { page: p2 } = await openTestPage(browser, pageUrl(plain));
      const single = await p2.evaluate(() => window.pii.start({ backend: 'wasm' }));
      expect(single.crossOriginIsolated).toBe(false);
      const one = await p2.evaluate(([t, types]) => window.pii.detect(t, { method: 'gliner', types, threshold: 0 }), [short, MODEL_TYPES] as const);
      expect(extraWorkers(p2)).toBe(0);
      expectSameSpans(one.results, threaded.results);
      console.info(`[browser] not isolated: 1 thread, gliner ${one.ms.toFixed(0)} ms`);
      await p2.close();
    } finally {
      await plain.close();
    }
  });

  it('a pool whose first load failed loads on the next call (the network back)', async () => {
    const { page } = await openTestPage(browser, pageUrl(server));
    await page.route('**/onnx/*.onnx', (route) => route.abort('internetdisconnected'));
    const failed = await page.evaluate(() => window.pii.start({ backend: 'wasm', pool: 2, modelCache: false }).then(() => 'loaded', (e: Error) => e.message));
    expect(failed).not.toBe('loaded');
    await page.unroute('**/onnx/*.onnx');
    expect(await page.evaluate(() => window.pii.readyAgain())).toBe('wasm');
    expect(await page.evaluate(() => window.pii.poolReady(2))).toBe(2);
    await page.close();
  });

  it('splits a call across a pool of single-thread workers (createWorkerPool), with the spans of one engine, in order', async () => {
    const { page, errors } = await openTestPage(browser, pageUrl(server));
    // The exact graph on both sides: with integer kernels, activations are quantized per batch, and
    // the pool batches other texts together than one engine does (a span at the threshold may flip).
    await page.evaluate(() => window.pii.start({ backend: 'wasm', pool: 2, integerKernels: false }));
    expect(await page.evaluate(() => window.pii.poolReady(2))).toBe(2);
    const exact = createEngine({ model: MODEL_DIR, modelOptions: { backend: 'wasm', numThreads: 1, integerKernels: false } });

    // Enough text for both workers (a call under ~4,000 characters stays on one).
    const texts = Array.from({ length: 8 }, (_, k) => TEXTS.map((t) => `(${k}) ${t}`)).flat();
    expect(texts.reduce((a, t) => a + t.length, 0)).toBeGreaterThan(4_000);
    const options = { method: 'gliner' as const, types: MODEL_TYPES, threshold: 0.3 };
    const pooled = await page.evaluate(([t, o]) => window.pii.detect(t, o), [texts, options] as const);
    const inNode = await exact.detect(texts, options);
    await exact.dispose();
    expect(pooled.results.map((d) => d.spans.map(({ start, end, label }) => ({ start, end, label })))).toEqual(
      inNode.map((d) => d.spans.map(({ start, end, label }) => ({ start, end, label }))),
    );
    expect(inNode.flatMap((d) => d.spans).length).toBeGreaterThan(20);
    // progress summed over both workers: never backwards, ending at the total
    expect(pooled.progress.at(-1)).toBe(texts.length);
    expect([...pooled.progress].sort((a, b) => a - b)).toEqual(pooled.progress);

    // One masker over both halves: the same address gets the same pseudonym in each.
    const same = Array.from({ length: 40 }, (_, i) => `Note ${i}: write to ana.silva@example.org about the ${'long '.repeat(20)}ticket.`);
    const masked = await page.evaluate((t) => window.pii.redact(t, { method: 'gliner+heuristics', types: ['EMAIL'], maskConfig: { EMAIL: 'PSEUDONYMIZE' } }), same);
    const tokens = new Set(masked.map((s) => /to (\S+) about/.exec(s.text ?? '')?.[1]));
    expect(tokens.size).toBe(1);
    expect([...tokens][0]).not.toBe('ana.silva@example.org');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
