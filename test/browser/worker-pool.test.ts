/**
 * The worker pool in Chromium: a call split across two single-thread workers gives the same spans,
 * in the same order, as the engine in Node, with progress summed over the workers; masking stays
 * one masker (pseudonyms agree across the workers' halves).
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { MODEL_TYPES, TEXTS } from './corpus.js';
import { buildPages, launchChromium, openTestPage, pageUrl, ROOT, skipReason, startServer, type TestServer } from './harness.js';

const MODEL_DIR = join(ROOT, 'models', 'pii-local-small');

describe.skipIf(skipReason !== undefined)('worker pool in Chromium (WASM)', () => {
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

  it('splits a call across its workers and gives the spans of one engine, in order', async () => {
    const { page, errors } = await openTestPage(browser, pageUrl(server));
    await page.evaluate(() => window.pii.start({ backend: 'wasm', pool: 2 }));
    expect(await page.evaluate(() => window.pii.poolReady(2))).toBe(2);

    // Enough text for both workers (a call under ~4,000 characters stays on one).
    const texts = Array.from({ length: 8 }, (_, k) => TEXTS.map((t) => `(${k}) ${t}`)).flat();
    expect(texts.reduce((a, t) => a + t.length, 0)).toBeGreaterThan(4_000);
    const options = { method: 'gliner' as const, types: MODEL_TYPES, threshold: 0.3 };
    const pooled = await page.evaluate(([t, o]) => window.pii.detect(t, o), [texts, options] as const);
    const inNode = await node.detect(texts, options);
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
