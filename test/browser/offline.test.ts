/**
 * Offline: the first load stores the model files (Cache API, through the worker's model fetch);
 * then every request is aborted and the server is shut down, the page reloads and still redacts.
 * The page's own files come back from a test-only service worker (`pages/sw.js`), which leaves
 * `/models/` alone: those can only come from the library's model cache.
 */
import { describe, expect, it } from 'vitest';
import { ALL_TYPES, TEXTS } from './corpus.js';
import { openTestPage, pageUrl, skipReason, useBrowserSession } from './harness.js';

describe.skipIf(skipReason !== undefined)('offline after the first load', () => {
  const session = useBrowserSession();

  it('redacts after a reload with every request blocked', async () => {
    const context = await session.browser.newContext();
    const { page, errors } = await openTestPage(context, pageUrl(session.server));
    expect(await page.evaluate(() => window.pii.registerShell())).toBe(true);
    await page.reload();
    await page.waitForFunction(() => typeof window.pii === 'object');

    // first load: from the network, stored on the way
    const texts = TEXTS.slice(0, 4);
    const options = { method: 'gliner+heuristics' as const, types: ALL_TYPES, threshold: 0.5 };
    const online = await page.evaluate(() => window.pii.start({ backend: 'wasm' }));
    const onlineResult = await page.evaluate(([t, o]) => window.pii.redact(t, o), [texts, options] as const);
    const stored = await page.evaluate(() => window.pii.cachedModelUrls());
    expect(stored.store).toBe('cache-api');
    const storedPaths = stored.urls.map((u) => new URL(u).pathname).sort();
    expect(storedPaths).toEqual(
      ['gliner_config.json', 'onnx/model_quantized.onnx', 'tokenizer.json', 'tokenizer_config.json'].map((f) => `/models/pii-local-small/${f}`),
    );
    const onnx = online.downloads['onnx/model_quantized.onnx']!;
    expect(onnx.events).toBeGreaterThan(1); // streamed with progress
    expect(onnx.loaded).toBe(onnx.total);

    // the network goes away: every route aborted, and the server itself closed. (A request still in
    // flight until the close, e.g. the service worker's own update check, counts as online.)
    const blocked: string[] = [];
    await context.route('**', (route) => {
      blocked.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    await session.server.close();

    await page.reload();
    await page.waitForFunction(() => typeof window.pii === 'object', undefined, { timeout: 30_000 });
    const offline = await page.evaluate(() => window.pii.start({ backend: 'wasm' }));
    expect(offline.backend).toBe('wasm');
    expect(offline.crossOriginIsolated).toBe(true); // the cached page kept its COOP/COEP headers
    const offlineResult = await page.evaluate(([t, o]) => window.pii.redact(t, o), [texts, options] as const);
    expect(offlineResult.map((s) => s.text)).toEqual(onlineResult.map((s) => s.text));
    expect(offlineResult[0]!.text).toContain('[EMAIL]');
    // the model came from the library's cache: it did not even try the network for it
    expect(blocked.filter((url) => url.includes('/models/'))).toEqual([]);
    console.info(`[browser] offline: model from the cache in ${offline.loadMs.toFixed(0)} ms (network: ${online.loadMs.toFixed(0)} ms); ${blocked.length} requests blocked`);
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);

    await page.evaluate(() => window.pii.clearModelCache());
    expect((await page.evaluate(() => window.pii.cachedModelUrls())).urls).toEqual([]);
    await context.close();
  });
});
