/**
 * Offline after the first load, with pii-local's offline service worker (`src/browser/offline-sw.ts`
 * and its page half `offline.ts`): the first online visit registers it and uses the engine; then
 * every request is aborted and the server is shut down, and the page must still reload, start a new
 * engine worker (what a backend switch does) and redact. Once on the test page through
 * `window.pii`, once on the demo page through its controls.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildWeb } from '../../bench/web/build.js';
import { startWebServer } from '../../bench/web/serve.js';
import { ALL_TYPES, TEXTS } from './corpus.js';
import { openTestPage, pageUrl, ROOT, skipReason, useBrowserSession } from './harness.js';

/** Screenshots (gitignored; look at them). */
const SHOTS = join(ROOT, 'test', 'browser', '.out', 'offline');

/** Every request fails from now on, as with the network gone; returns the URLs that were tried. */
async function goOffline(context: BrowserContext, closeServer: () => Promise<void>): Promise<string[]> {
  const blocked: string[] = [];
  await context.route('**', (route) => {
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await closeServer(); // and the server itself, so that nothing gets past the routes
  return blocked;
}

/** The paths the offline service worker holds, sorted. */
function offlineCopies(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await (await caches.open('pii-local-offline')).keys()).map((r) => new URL(r.url).pathname).sort());
}

/** Waits until the offline cache holds a path matching each pattern (kept after the response, so a little later); resolves with the cached paths. */
async function waitForOfflineCopies(page: Page, patterns: RegExp[], timeoutMs = 60_000): Promise<string[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const copies = await offlineCopies(page);
    const missing = patterns.filter((p) => !copies.some((c) => p.test(c)));
    if (missing.length === 0) return copies;
    if (Date.now() > end) throw new Error(`the offline cache lacks ${missing.join(', ')}; it holds ${copies.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * What a WASM engine worker fetches: its script and onnxruntime's wasm (the glue is bundled into the
 * worker). The demo's build bundles onnxruntime-web's default entry, whose wasm is the `.jsep` one.
 */
const RUNTIME = [/\/worker\.js$/, /\/ort-wasm-simd-threaded(\.jsep)?\.wasm$/];

describe.skipIf(skipReason !== undefined)('offline after the first load', () => {
  const session = useBrowserSession();

  it('reloads, starts a new engine worker and redacts on the test page with every request blocked', async () => {
    const context = await session.browser.newContext();
    const { page, errors } = await openTestPage(context, pageUrl(session.server));
    const registered = await page.evaluate(() => window.pii.registerOffline());
    expect(registered.reason).toBeUndefined();
    expect(registered.controlled).toBe(true); // at once, on the first visit: no reload needed
    // the files the page loaded before the service worker took over
    expect(registered.stored.map((u) => new URL(u).pathname.split('/').pop())).toEqual(expect.arrayContaining(['index.html', 'app.js']));

    // first load: from the network, kept on the way (the engine worker starts after the registration)
    const texts = TEXTS.slice(0, 4);
    const options = { method: 'gliner+heuristics' as const, types: ALL_TYPES, threshold: 0.5 };
    const online = await page.evaluate(() => window.pii.start({ backend: 'wasm' }));
    const onlineResult = await page.evaluate(([t, o]) => window.pii.redact(t, o), [texts, options] as const);
    const stored = await page.evaluate(() => window.pii.cachedModelUrls());
    expect(stored.store).toBe('cache-api');
    const storedPaths = stored.urls.map((u) => new URL(u).pathname).sort();
    expect(storedPaths).toEqual(
      ['gliner_config.json', 'manifest.json', 'onnx/model_quantized.onnx', 'tokenizer.json', 'tokenizer_config.json'].map((f) => `/models/pii-local-small/${f}`),
    );
    const onnx = online.downloads['onnx/model_quantized.onnx']!;
    expect(onnx.events).toBeGreaterThan(1); // streamed with progress
    expect(onnx.loaded).toBe(onnx.total);

    // the worker and the wasm it used are kept by the service worker; the model is left to the model cache
    const copies = await waitForOfflineCopies(page, RUNTIME);
    expect(copies.filter((p) => p.startsWith('/models/') && !p.endsWith('/manifest.json'))).toEqual([]);
    expect(copies.some((p) => p.endsWith('.asyncify.wasm'))).toBe(false); // WebGPU's runtime was never fetched

    const blocked = await goOffline(context, () => session.server.close());

    await page.reload();
    await page.waitForFunction(() => typeof window.pii === 'object', undefined, { timeout: 30_000 });
    const offline = await page.evaluate(() => window.pii.start({ backend: 'wasm' }));
    expect(offline.backend).toBe('wasm');
    expect(offline.crossOriginIsolated).toBe(true); // the kept page kept its COOP/COEP headers
    const offlineResult = await page.evaluate(([t, o]) => window.pii.redact(t, o), [texts, options] as const);
    expect(offlineResult.map((s) => s.text)).toEqual(onlineResult.map((s) => s.text));
    expect(offlineResult[0]!.text).toContain('[EMAIL]');

    // a second engine, a new worker (what a backend switch does): its script and wasm come from the copy
    const again = await page.evaluate(() => window.pii.start({ backend: 'wasm', numThreads: 1 }));
    expect(again.backend).toBe('wasm');
    const againResult = await page.evaluate(([t, o]) => window.pii.redact(t, o), [texts, options] as const);
    expect(againResult.map((s) => s.text)).toEqual(onlineResult.map((s) => s.text));

    // the model came from the model cache: nothing but its manifest (always asked first) was tried
    expect(blocked.filter((url) => url.includes('/models/') && !url.endsWith('/manifest.json'))).toEqual([]);
    console.info(`[browser] offline: model from the cache in ${offline.loadMs.toFixed(0)} ms (network: ${online.loadMs.toFixed(0)} ms); ${blocked.length} requests blocked`);
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);

    await page.evaluate(() => Promise.all([window.pii.clearModelCache(), window.pii.clearOfflineCache()]));
    expect((await page.evaluate(() => window.pii.cachedModelUrls())).urls).toEqual([]);
    expect(await page.evaluate(() => window.pii.offlineCachedUrls())).toEqual([]);
    await context.close();
  });

  it('reloads the demo, switches its backend and redacts with every request blocked', async () => {
    await buildWeb();
    const server = await startWebServer();
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await page.goto(server.demoUrl);
      await page.waitForSelector('body[data-state="done"]', { timeout: 90_000 });
      await page.waitForFunction(() => document.getElementById('offline')?.textContent === 'available offline', undefined, { timeout: 60_000 });
      await page.waitForFunction(() => /model ready/.test(document.getElementById('backend')?.textContent ?? ''), undefined, { timeout: 60_000 });
      const firstBackend = await page.textContent('#backend');
      await waitForOfflineCopies(page, [/\/bench\/web\/demo\.html$/, /\/bench\/web\/\.build\/demo\.js$/, /\/demo\.css$/, ...RUNTIME]);
      await goOffline(context, () => server.close());

      // reload: the page, its scripts, the worker and the wasm from the copy, the model from the model cache
      await page.reload();
      await page.waitForSelector('body[data-state="done"]', { timeout: 90_000 });
      expect(await page.textContent('#masked')).toContain('[EMAIL]');
      await page.waitForFunction(() => /model ready/.test(document.getElementById('backend')?.textContent ?? ''), undefined, { timeout: 60_000 });
      expect(await page.textContent('#backend')).toBe(firstBackend);

      // switch backend: a new engine worker, offline
      await page.evaluate(() => (document.body.dataset.state = 'idle'));
      await page.selectOption('#backend-choice', 'wasm');
      await page.waitForSelector('body[data-state="done"]', { timeout: 90_000 });
      await page.waitForFunction(() => /model ready · WASM/.test(document.getElementById('backend')?.textContent ?? ''), undefined, { timeout: 60_000 });

      // redact a new text
      await page.fill('#text', 'Write to ana.silva@example.org or call +1 (415) 555-0199.');
      await page.evaluate(() => (document.body.dataset.state = 'idle'));
      await page.click('#run');
      await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
      const masked = (await page.textContent('#masked')) ?? '';
      expect(masked).toContain('[EMAIL]');
      expect(masked).not.toContain('ana.silva@example.org');
      expect(await page.textContent('#offline')).toMatch(/offline/);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'demo-offline.png'), fullPage: false });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      await server.close().catch(() => undefined);
    }
  }, 300_000); // two model loads and three engine starts on a shared machine
});
