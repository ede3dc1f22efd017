/**
 * A Vite build of a tiny app (`vite-app/`), built with Vite's JS API and run in Chromium: the worker
 * and onnxruntime's `.wasm` must be found by Vite from the library's `new URL(…, import.meta.url)`,
 * with WASM threads in the bundled worker, and the form's upload goes through `redactFile`.
 * Runs only when `vite` is installed (vitest brings it).
 */
import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV, TEXTS } from './corpus.js';
import { extraWorkers, launchChromium, ROOT, screenshotPath, skipReason, startServer, urlPath, type TestServer } from './harness.js';

const hasVite = existsSync(join(ROOT, 'node_modules', 'vite', 'package.json'));
const APP = join(ROOT, 'test', 'browser', 'vite-app');
const OUT = join(ROOT, 'test', 'browser', '.build-vite');
if (!hasVite) console.warn('\n*** Vite app test skipped: vite is not in node_modules ***\n');

describe.skipIf(skipReason !== undefined || !hasVite)('a Vite app using the worker engine', () => {
  let server: TestServer;
  let browser: Browser;
  let buildMs = 0;

  beforeAll(async () => {
    const { build } = await import('vite');
    const t0 = Date.now();
    await build({ root: APP, base: './', configFile: false, logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true, chunkSizeWarningLimit: 4096 }, worker: { format: 'es' } });
    buildMs = Date.now() - t0;
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('bundles the worker and the wasm, runs on WASM threads, and redacts the form upload', async () => {
    const assets = readdirSync(join(OUT, 'assets'));
    expect(assets.some((f) => /^worker-.*\.js$/.test(f))).toBe(true);
    expect(assets.some((f) => /^ort-wasm-simd-threaded.*\.wasm$/.test(f))).toBe(true);

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.origin}${urlPath(OUT)}/index.html`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    type App = { detect(t: string[]): Promise<{ backend: string; crossOriginIsolated: boolean; results: { spans: { label: string }[] }[] }> };
    const found = await page.evaluate((t) => (window as unknown as { viteApp: App }).viteApp.detect(t), TEXTS.slice(0, 2));
    expect(found.backend).toBe('wasm');
    expect(found.crossOriginIsolated).toBe(true);
    expect(found.results[0]!.spans.map((s) => s.label)).toContain('EMAIL');
    // the bundled worker started onnxruntime's threads from itself, and they stayed quiet
    const hardware = await page.evaluate(() => navigator.hardwareConcurrency);
    if (hardware > 1) expect(extraWorkers(page)).toBeGreaterThanOrEqual(1);

    // the form: pick a CSV, submit, and read what would be uploaded
    mkdirSync(join(OUT, 'fixtures'), { recursive: true });
    const csvPath = join(OUT, 'fixtures', 'contacts.csv');
    writeFileSync(csvPath, CSV);
    await page.setInputFiles('#file', csvPath);
    await page.click('button');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('redacted'));
    const upload = await page.evaluate(() => (window as unknown as { viteApp: { lastUpload(): Promise<{ name: string; type: string; text: string }> } }).viteApp.lastUpload());
    expect(upload.name).toBe('contacts.csv');
    expect(upload.type).toBe('text/csv');
    expect(upload.text.split('\r\n')[0]).toBe('id,name,email,notes');
    expect(upload.text).not.toContain('maria.gonzalez@example.com');
    await page.screenshot({ path: screenshotPath('vite-app.png') });
    console.info(`[browser] Vite build ${buildMs} ms; assets: ${assets.join(', ')}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
