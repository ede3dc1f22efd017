/**
 * The model cache in Chromium, on both stores: the first GET streams from the network with
 * progress (monotone, constant total, ending at the total) and stores the body; the second is
 * served from the device, byte for byte, with every request blocked; failed responses are not
 * stored; `clearModelCache` empties the store. (The Cache API path under a real model load is in
 * offline.test.ts.)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestPage, pageUrl, ROOT, skipReason, useBrowserSession } from './harness.js';

const ONNX = 'models/pii-local-small/onnx/model_quantized.onnx';

describe.skipIf(skipReason !== undefined)('model cache in Chromium', () => {
  const session = useBrowserSession();

  it.each(['indexeddb', 'cache-api'] as const)('stores on first download and serves offline from %s', async (store) => {
    const context = await session.browser.newContext();
    const { page } = await openTestPage(context, pageUrl(session.server));
    const bytes = readFileSync(join(ROOT, ONNX));
    const digest = createHash('sha256').update(bytes).digest('hex');
    const url = `${session.server.origin}/${ONNX}`;
    const cacheName = `probe-${store}`;

    const first = await page.evaluate(([u, s, c]) => window.pii.fetchThroughCache(u, s, c), [url, store, cacheName] as const);
    expect(first).toMatchObject({ status: 200, size: bytes.byteLength, digest });
    const loaded = first.events.map((e) => e.loaded);
    expect([...loaded].sort((a, b) => a - b)).toEqual(loaded);
    expect(new Set(first.events.map((e) => e.total))).toEqual(new Set([bytes.byteLength]));
    expect(first.events.at(-1)).toMatchObject({ loaded: bytes.byteLength, total: bytes.byteLength, cached: false, file: 'model_quantized.onnx' });
    expect(first.events.length).toBeGreaterThan(2);
    expect(await page.evaluate(([c, s]) => window.pii.cachedModelUrls({ cacheName: c, store: s }), [cacheName, store] as const)).toEqual({ store, urls: [url] });

    // a missing file passes through and is not stored
    const missing = await page.evaluate(([u, s, c]) => window.pii.fetchThroughCache(u, s, c), [`${session.server.origin}/models/nope.onnx`, store, cacheName] as const);
    expect(missing.status).toBe(404);

    await context.route('**', (route) => route.abort('internetdisconnected'));
    const second = await page.evaluate(([u, s, c]) => window.pii.fetchThroughCache(u, s, c), [url, store, cacheName] as const);
    expect(second).toMatchObject({ status: 200, size: bytes.byteLength, digest, contentLength: String(bytes.byteLength) });
    expect(second.events).toEqual([{ file: 'model_quantized.onnx', url, loaded: bytes.byteLength, total: bytes.byteLength, cached: true }]);
    expect((await page.evaluate(([c, s]) => window.pii.cachedModelUrls({ cacheName: c, store: s }), [cacheName, store] as const)).urls).toEqual([url]);

    await page.evaluate((c) => window.pii.clearModelCache({ cacheName: c }), cacheName);
    expect((await page.evaluate(([c, s]) => window.pii.cachedModelUrls({ cacheName: c, store: s }), [cacheName, store] as const)).urls).toEqual([]);
    await context.close();
  });
});
