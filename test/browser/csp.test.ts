/**
 * Strict CSP: the page, the worker and onnxruntime's threads run under
 * `script-src 'self' 'wasm-unsafe-eval'` (no eval, no `new Function`, no inline or blob scripts).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TYPES, TEXTS } from './corpus.js';
import { buildPages, launchChromium, openTestPage, pageUrl, screenshotPath, skipReason, startServer, STRICT_CSP, type TestServer } from './harness.js';

describe.skipIf(skipReason !== undefined)(`strict CSP (${STRICT_CSP})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    await buildPages();
    [server, browser] = await Promise.all([startServer({ strictCsp: true }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the model and redacts in the worker without eval', async () => {
    const { page, errors } = await openTestPage(browser, pageUrl(server));
    // the policy is in force: code from strings is refused in this page
    expect(await page.evaluate(() => window.pii.evalAllowed())).toBe(false);
    expect(await page.evaluate(() => window.pii.workerEval())).toBe('refused: EvalError');
    const started = await page.evaluate(() => window.pii.start({ backend: 'wasm' }));
    expect(started.backend).toBe('wasm');
    expect(started.crossOriginIsolated).toBe(true);
    const texts = TEXTS.slice(0, 4);
    const masked = await page.evaluate(([t, types]) => window.pii.redact(t, { method: 'gliner+heuristics', types, threshold: 0.5 }), [texts, ALL_TYPES] as const);
    expect(masked.every((s) => s.error === undefined)).toBe(true);
    expect(masked[0]!.text).toContain('[EMAIL]');
    expect(masked[3]!.text).toContain('[IBAN_CODE]');
    await page.evaluate(([t, m]) => window.pii.render(t, m.map((s) => ({ spans: s.spans })), m.map((s) => s.text ?? '')), [texts, masked] as const);
    await page.screenshot({ path: screenshotPath('strict-csp.png'), fullPage: true });
    // no violation reported by the page, nor any other error (a worker that tried eval and caught
    // the refusal would not show here: the proof for workers is that inference ran under the policy)
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => window.piiErrors)).toEqual([]);
    await page.close();
  });
});
