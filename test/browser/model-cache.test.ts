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
    // A download is read piece by piece by the loader (its progress); a hit is read whole.
    expect(first).toMatchObject({ status: 200, size: bytes.byteLength, digest, body: null });
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
    expect(second).toMatchObject({ status: 200, size: bytes.byteLength, digest, contentLength: String(bytes.byteLength), body: 'device' });
    expect(second.events).toEqual([{ file: 'model_quantized.onnx', url, loaded: bytes.byteLength, total: bytes.byteLength, cached: true }]);
    expect((await page.evaluate(([c, s]) => window.pii.cachedModelUrls({ cacheName: c, store: s }), [cacheName, store] as const)).urls).toEqual([url]);

    await page.evaluate((c) => window.pii.clearModelCache({ cacheName: c }), cacheName);
    expect((await page.evaluate(([c, s]) => window.pii.cachedModelUrls({ cacheName: c, store: s }), [cacheName, store] as const)).urls).toEqual([]);
    await context.close();
  });

  it('stores only what the manifest vouches for, and a new manifest replaces a stored file', async () => {
    const context = await session.browser.newContext();
    const { page } = await openTestPage(context, pageUrl(session.server));
    const base = `${session.server.origin}/models/pii-local-small/`;
    const cacheName = 'probe-manifest';
    const stored = () => page.evaluate((c) => window.pii.cachedModelUrls({ cacheName: c, store: 'cache-api' }), cacheName);
    const read = () => page.evaluate(([b, c]) => window.pii.readThroughCache(b, c), [base, cacheName] as const);

    // A single-page app's fallback answers index.html (200) for the ONNX file not deployed yet.
    const html = '<!doctype html><html><body>app</body></html>';
    await context.route('**/onnx/*.onnx', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    const broken = await read();
    expect(broken.ok).toBe(false);
    expect(broken.ok ? '' : broken.message).toMatch(/none of onnx\/model_quantized\.onnx.* was not found/);
    expect((await stored()).urls.filter((u) => u.endsWith('.onnx'))).toEqual([]);
    // The real file is deployed: the next load gets it (nothing bad was kept).
    await context.unroute('**/onnx/*.onnx');
    const fixed = await read();
    expect(fixed).toMatchObject({ ok: true, onnx: 'onnx/model_quantized.onnx', size: readFileSync(join(ROOT, ONNX)).byteLength });
    expect((await stored()).urls).toContain(`${base}onnx/model_quantized.onnx`);

    // Bytes that do not match the manifest are refused and not stored.
    await clearAndCheck(page, cacheName);
    const original = readFileSync(join(ROOT, 'models/pii-local-small/tokenizer_config.json'));
    const changed = Buffer.from(JSON.stringify({ ...JSON.parse(original.toString('utf8')), version_probe: 2 }));
    await context.route('**/tokenizer_config.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: changed }));
    const tampered = await read();
    expect(tampered.ok ? '' : tampered.message).toMatch(/tokenizer_config\.json .*does not match its manifest\.json/);
    expect((await stored()).urls).not.toContain(`${base}tokenizer_config.json`);
    await context.unroute('**/tokenizer_config.json');
    expect(await read()).toMatchObject({ ok: true });

    // A new version at the same URL: the new manifest makes the cache fetch the file again.
    const manifest = JSON.parse(readFileSync(join(ROOT, 'models/pii-local-small/manifest.json'), 'utf8')) as { files: Record<string, { size: number; integrity: string }> };
    manifest.files['tokenizer_config.json'] = { size: changed.byteLength, integrity: `sha256-${createHash('sha256').update(changed).digest('base64')}` };
    await context.route('**/manifest.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(manifest) }));
    await context.route('**/tokenizer_config.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: changed }));
    const updated = await read();
    expect(updated).toMatchObject({ ok: true });
    expect(updated.ok && updated.configKeys).toContain('version_probe');
    // Offline now: the new manifest and the new file are what the cache serves.
    await context.unroute('**/manifest.json');
    await context.unroute('**/tokenizer_config.json');
    await context.route('**', (route) => route.abort('internetdisconnected'));
    const offline = await read();
    expect(offline).toMatchObject({ ok: true });
    expect(offline.ok && offline.configKeys).toContain('version_probe');
    await context.close();
  });
});

async function clearAndCheck(page: import('playwright-core').Page, cacheName: string): Promise<void> {
  await page.evaluate((c) => window.pii.clearModelCache({ cacheName: c }), cacheName);
  expect((await page.evaluate((c) => window.pii.cachedModelUrls({ cacheName: c, store: 'cache-api' }), cacheName)).urls).toEqual([]);
}
