/**
 * The demo page (bench/web/demo.html, served by bench/web/serve.ts as `npm run demo` does) in
 * Chromium: it asks for the library's default types, says what it is doing (loading the model,
 * scanning, time left), paste a text with a name and an e-mail, run, check the highlights and the
 * masked output, change a type's mask (the old result greyed meanwhile), drop a CSV (previewed in
 * the input panel, read in the file worker) and download its anonymized copy, and keep the page
 * responsive with progress and an estimate on a long input (the old result cleared). Offline use is
 * in offline.test.ts. Screenshots go to test/browser/.out/demo/ (gitignored; look at them).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../bench/web/build.js';
import { startWebServer, type WebServer } from '../../bench/web/serve.js';
import { defaultTypes } from '../../src/engine/default-types.js';
import { planFor } from '../../src/engine/methods.js';
import { launchChromium, ROOT, skipReason } from './harness.js';

/** Screenshots live apart from `.build/`, which the harness replaces whenever it rebuilds. */
const SHOTS = join(ROOT, 'test', 'browser', '.out', 'demo');
function shot(name: string): string {
  mkdirSync(SHOTS, { recursive: true });
  return join(SHOTS, name);
}

const NAME = 'John Smith';
const EMAIL = 'john.smith@example.com';
const TEXT = `Hello, my name is ${NAME} and you can write to me at ${EMAIL} about the order.`;

describe.skipIf(skipReason !== undefined)('demo page', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await buildWeb();
    server = await startWebServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // every text the status line shows, from the first one on
    await page.addInitScript(() => {
      const log: string[] = [];
      (window as unknown as { statusLog: string[] }).statusLog = log;
      document.addEventListener('DOMContentLoaded', () => {
        const status = document.getElementById('status')!;
        new MutationObserver(() => log.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
      });
    });
    await page.goto(server.demoUrl);
    // the page scans its example text on load, once the worker is up
    await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Runs the current input and waits for this run's result. */
  async function runAndWait(): Promise<void> {
    await page.evaluate(() => (document.body.dataset.state = 'idle'));
    await page.click('#run');
    await page.waitForSelector('body[data-state="done"]', { timeout: 30_000 });
  }

  /** The status line's texts since the last call. */
  async function statusLog(): Promise<string[]> {
    return page.evaluate(() => (window as unknown as { statusLog: string[] }).statusLog.splice(0));
  }

  /** Records the class and content of the result panels at every change, until `stop`. */
  async function watchPanels(): Promise<{ stop: () => Promise<{ stale: boolean; marks: number; placeholder: string; masked: string }[]> }> {
    await page.evaluate(() => {
      const entities = document.getElementById('entities')!;
      const masked = document.getElementById('masked')!;
      const seen: unknown[] = [];
      const observer = new MutationObserver(() =>
        seen.push({
          stale: entities.classList.contains('stale') && masked.classList.contains('stale'),
          marks: entities.querySelectorAll('mark').length,
          placeholder: entities.querySelector('.empty')?.textContent ?? '',
          masked: masked.textContent ?? '',
        }),
      );
      for (const el of [entities, masked]) observer.observe(el, { attributes: true, childList: true, characterData: true, subtree: true });
      (window as unknown as { panels: { observer: MutationObserver; seen: unknown[] } }).panels = { observer, seen };
    });
    return {
      stop: () =>
        page.evaluate(() => {
          const panels = (window as unknown as { panels: { observer: MutationObserver; seen: { stale: boolean; marks: number; placeholder: string; masked: string }[] } }).panels;
          panels.observer.disconnect();
          return panels.seen;
        }),
    };
  }

  it('says what it is doing: loading the model, then scanning, then what it found', async () => {
    const log = await statusLog(); // from the first load on
    const loading = log.findIndex((t) => /^loading model \d+\.\d\/\d+\.\d MB/.test(t));
    const scanning = log.findIndex((t) => /^scanning \d+\/\d+ texts?/.test(t));
    expect(loading, log.join(' | ')).toBeGreaterThanOrEqual(0);
    expect(scanning, log.join(' | ')).toBeGreaterThan(loading);
    expect(log.at(-1)).toMatch(/^\d+ entit(y|ies) · \d+ ms/);
    expect(log.filter((t) => /first run waits/.test(t))).toEqual([]);
    // the offline copy is in place once the model is
    await page.waitForFunction(() => document.getElementById('offline')?.textContent === 'available offline', undefined, { timeout: 30_000 });
  });

  it("asks for the library's default types", async () => {
    const shown = async () => (await page.$$eval('#types [data-type]', (rows) => rows.map((r) => (r as HTMLElement).dataset.type!))).sort();
    expect(await shown()).toEqual([...defaultTypes(planFor('gliner+heuristics'), undefined, true)].sort());
    await page.selectOption('#method', 'gliner');
    expect(await shown()).toEqual([...defaultTypes(planFor('gliner'), undefined, true)].sort());
    await page.evaluate(() => (document.body.dataset.state = 'idle'));
    await page.selectOption('#method', 'gliner+heuristics');
    await page.waitForSelector('body[data-state="done"]', { timeout: 30_000 });
  });

  it('shows where the model runs', async () => {
    await page.waitForFunction(() => /model ready/.test(document.getElementById('backend')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const badge = await page.textContent('#backend');
    // served with COOP/COEP: WASM gets the page's threads
    expect(badge).toMatch(/model ready · (WebGPU|WASM · \d+ threads? \(cross-origin isolated\))/);
    await page.screenshot({ path: shot('demo-example.png'), fullPage: true });
  });

  it('highlights the e-mail and the name of a pasted text and masks them', async () => {
    await page.fill('#text', TEXT);
    await runAndWait();

    const marks = await page.$$eval('#entities mark.ent', (ms) =>
      ms.map((m) => ({ type: (m as HTMLElement).dataset.type, value: m.firstChild?.textContent ?? '', score: Number((m as HTMLElement).dataset.score) })),
    );
    const email = marks.find((m) => m.type === 'EMAIL');
    expect(email).toEqual({ type: 'EMAIL', value: EMAIL, score: expect.any(Number) });
    expect(email!.score).toBeGreaterThanOrEqual(0.3);
    // each mark carries a visible "TYPE score" tag and a colour from the legend
    expect(await page.textContent('#entities mark[data-type="EMAIL"] .tag')).toMatch(/^EMAIL \d\.\d\d$/);
    expect(await page.textContent('#types [data-type="EMAIL"] .count')).toBe('1');

    const masked = (await page.textContent('#masked')) ?? '';
    expect(masked).toContain('[EMAIL]');
    expect(masked).not.toContain(EMAIL);
    expect(masked).toContain('about the order.');

    // The name needs the GLiNER model (the heuristics have no pattern for names). While the
    // bundled model is being retrained it may miss it; when it finds it, it must be whole and masked.
    const person = marks.find((m) => m.type === 'PERSON');
    if (person) {
      expect(person.value).toBe(NAME);
      expect(masked).toContain('[PERSON]');
      expect(masked).not.toContain(NAME);
    } else {
      console.warn('demo test: the model found no PERSON in the pasted text (model being retrained?)');
    }
    await page.screenshot({ path: shot('demo-pasted.png'), fullPage: true });

    // pasted text downloads as what is shown
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('anonymized.txt');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(masked);
    expect(pageErrors).toEqual([]);
  });

  it('applies the mask chosen for a type, greying the old result meanwhile', async () => {
    await page.evaluate(() => (document.body.dataset.state = 'idle'));
    const panels = await watchPanels();
    await page.selectOption('#types [data-type="EMAIL"] select', 'PSEUDONYMIZE');
    await page.waitForSelector('body[data-state="done"]', { timeout: 30_000 });
    const seen = await panels.stop();
    expect(seen[0]).toMatchObject({ stale: true }); // same input: greyed first, not blanked
    expect(seen[0]!.masked).toContain('[EMAIL]');
    expect(seen.at(-1)).toMatchObject({ stale: false });
    expect(await page.getAttribute('#entities', 'class')).not.toContain('stale');
    const masked = (await page.textContent('#masked')) ?? '';
    expect(masked).toContain('<EMAIL_1>');
    expect(masked).not.toContain(EMAIL);
    await page.evaluate(() => (document.body.dataset.state = 'idle'));
    await page.selectOption('#types [data-type="EMAIL"] select', 'REDACT');
    await page.waitForSelector('body[data-state="done"]', { timeout: 30_000 });
    expect(await page.textContent('#masked')).toContain('[EMAIL]');
  });

  it('anonymizes a dropped CSV, previewed in the input panel, and downloads it in the same format', async () => {
    const csv = `id,note\n1,Write to ${EMAIL} today\n2,Nothing personal here\n3,"Call 415-555-0199, then mail ana.silva@example.org"\n`;
    await page.evaluate(() => (document.body.dataset.state = 'idle'));
    await page.setInputFiles('#file', { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForSelector('#entities .record', { timeout: 30_000 });
    await page.waitForSelector('body[data-state="done"]', { timeout: 30_000 });
    expect(await page.textContent('#file-info')).toContain('CSV, 3 records');
    // the input panel shows the file's records where the text box was
    expect(await page.isVisible('#text')).toBe(false);
    expect(await page.isVisible('#file-preview')).toBe(true);
    expect(await page.$$eval('#file-preview th', (ths) => ths.map((th) => th.textContent))).toEqual(['#', 'id', 'note']);
    const rows = await page.$$eval('#file-preview tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(['1', '1', `Write to ${EMAIL} today`]);
    // read in the file worker (started from the demo's own script), not on the page's thread
    expect(await page.getAttribute('#file-info', 'data-parsed-in')).toBe('pii-local-demo-files');
    expect(page.workers().some((w) => w.url().endsWith('/bench/web/.build/demo.js'))).toBe(true);
    const records = await page.$$eval('#entities .record', (els) => els.map((e) => e.textContent));
    expect(records).toContain('record 1 · note');
    expect(await page.$$eval('#entities mark[data-type="EMAIL"]', (ms) => ms.length)).toBe(2);
    await page.screenshot({ path: shot('demo-csv.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('notes.anonymized.csv');
    const out = readFileSync((await download.path())!, 'utf8');
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('id,note');
    expect(out).not.toContain(EMAIL);
    expect(out).not.toContain('ana.silva@example.org');
    expect(lines[1]).toMatch(/^(1|\[[A-Z_]+\]),.*\[EMAIL\] today$/); // the model may also tag the id (as an age) or a word of the note
    expect(lines[2]).toMatch(/^(2|\[AGE\]),Nothing personal here$/); // the bundled model may call a lone id an age (model card, known weaknesses)
    await page.evaluate(() => (document.body.dataset.state = 'idle'));
    await page.click('#file-close');
    expect(await page.isVisible('#file-info')).toBe(false);
    expect(await page.isVisible('#file-preview')).toBe(false);
    expect(await page.isVisible('#text')).toBe(true);
    expect(await page.inputValue('#text')).toBe(TEXT); // the pasted text comes back
    await page.waitForSelector('body[data-state="done"]', { timeout: 30_000 });
  });

  it('stays responsive and shows progress and the time left on a long input, the old result cleared', async () => {
    const long = Array.from({ length: 80 }, (_, i) => `Line ${i}: the customer wrote from user${i}@example.com about invoice ${1000 + i} and asked for a call back.`).join('\n');
    await statusLog();
    const panels = await watchPanels();
    await page.fill('#text', long);
    await page.evaluate(() => (document.body.dataset.state = 'idle'));
    await page.click('#run');
    await page.waitForSelector('body[data-state="busy"]');
    // The main thread answers while the worker scans. One frame can be late on a busy 2-core machine
    // (the compositor shares the cores with the worker), so the median of several frames is judged:
    // a page that scanned on its main thread would stall every one of them.
    const frameMs = await page.evaluate(async () => {
      const gaps: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        await new Promise((resolve) => requestAnimationFrame(resolve));
        gaps.push(performance.now() - t0);
      }
      return gaps.sort((a, b) => a - b)[3]!;
    });
    expect(frameMs).toBeLessThan(500);
    expect(await page.isVisible('#progress')).toBe(true);
    await page.waitForFunction(() => / left$/.test(document.getElementById('status')?.textContent ?? '') || document.body.dataset.state !== 'busy', undefined, { timeout: 45_000 });
    await page.screenshot({ path: shot('demo-long-busy.png'), fullPage: false });
    await page.waitForSelector('body[data-state="done"]', { timeout: 45_000 });
    expect(await page.getAttribute('#progress', 'max')).not.toBe('1'); // the text went in several pieces
    expect(await page.$$eval('#entities mark[data-type="EMAIL"]', (ms) => ms.length)).toBe(80);
    // another input: the previous result is taken away at once, not left beside the new input
    const seen = await panels.stop();
    expect(seen[0]).toMatchObject({ marks: 0, placeholder: 'Scanning…', masked: '' });
    // counted in pieces, with an estimate of the time left once the first piece is done
    const log = await statusLog();
    expect(log.some((t) => /^scanning \d+\/\d+ texts · ~\d+ (s|min) left$/.test(t)), log.join(' | ')).toBe(true);
    await page.screenshot({ path: shot('demo-long.png'), fullPage: false });
    expect(pageErrors).toEqual([]);
  });
});
