/**
 * The benchmark page (bench/web/bench.html) in Chromium, served as `npm run demo` serves it: a
 * short run on the corpus's first samples gives pii-local and GLiNER.js rows on WASM 1 thread with
 * the ratio, the stage breakdown and the cold start, and the tables the page shows are the ones
 * `npm run bench:browser` writes as markdown. And `npm run bench:browser` itself starts outside
 * vitest, so nothing it imports may import vitest.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../bench/web/build.js';
import { toMarkdown, type BenchResults } from '../../bench/web/report.js';
import { startWebServer, type WebServer } from '../../bench/web/serve.js';
import { launchChromium, ROOT, skipReason } from './harness.js';

/** Relative modules `file` imports, transitively, with the bare specifiers each one names. */
function importGraph(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)].map((m) => (m[1] ?? m[2])!);
  seen.set(file, specifiers.filter((s) => !s.startsWith('.')));
  for (const s of specifiers) if (s.startsWith('.')) importGraph(resolve(dirname(file), s.replace(/\.js$/, '.ts')), seen);
  return seen;
}

describe('npm run bench:browser', () => {
  it('imports nothing that imports vitest (it runs outside the test runner)', () => {
    const graph = importGraph(join(ROOT, 'bench', 'web', 'run-headless.ts'));
    const withVitest = [...graph].filter(([, bare]) => bare.some((b) => b === 'vitest' || b.startsWith('vitest/'))).map(([f]) => f);
    expect(withVitest).toEqual([]);
    expect(graph.size).toBeGreaterThan(3);
  });
});

describe.skipIf(skipReason !== undefined)('benchmark page', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const progressLines: string[] = [];

  beforeAll(async () => {
    await buildWeb();
    [server, browser] = await Promise.all([startWebServer(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.text().startsWith('[bench] step')) progressLines.push(m.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('measures pii-local and GLiNER.js on WASM, 1 thread: words/s, ratio, stages, cold start', async () => {
    await page.goto(`${server.benchUrl}?autorun=1&runs=1&samples=6&warmup=2&backends=wasm-1`);
    await page.waitForFunction(() => window.__benchResults !== undefined || window.__benchError !== undefined, undefined, { timeout: 240_000, polling: 500 });
    expect(await page.evaluate(() => window.__benchError)).toBeUndefined();
    const results = (await page.evaluate(() => window.__benchResults)) as BenchResults;

    expect(results.errors).toEqual([]);
    expect(results.env.hardwareConcurrency).toBeGreaterThanOrEqual(1);
    expect(results.corpus.samples).toBe(6);
    const byName = new Map(results.rows.map((r) => [`${r.impl} ${r.method} ${r.backend}`, r]));
    expect([...byName.keys()]).toEqual(['pii-local heuristics js', 'pii-local gliner wasm-1', 'pii-local gliner+heuristics wasm-1', 'GLiNER.js gliner wasm-1']);

    const ours = byName.get('pii-local gliner wasm-1')!;
    const peer = byName.get('GLiNER.js gliner wasm-1')!;
    for (const r of [ours, peer]) {
      expect(r.wordsPerSec).toBeGreaterThan(0);
      expect(r.stages?.runMs).toBeGreaterThan(0);
      expect(r.stages?.messagingMs).toBeGreaterThanOrEqual(0);
      expect(r.cold?.loadMs).toBeGreaterThan(0);
      expect(r.cold?.firstMs).toBeGreaterThan(0);
      expect(r.cold?.workerStartMs).toBeGreaterThanOrEqual(0);
    }
    expect(ours.stages?.prepareMs).toBeGreaterThanOrEqual(0);
    expect(ours.stages?.decodeMs).toBeGreaterThanOrEqual(0);
    expect(byName.get('pii-local gliner+heuristics wasm-1')!.stages?.heuristicsMs).toBeGreaterThanOrEqual(0);
    // same model files, texts and labels: the two implementations find (nearly) the same spans
    expect(peer.agreement).toBeGreaterThan(0.9);

    // steps are numbered and counted from the start
    expect(progressLines[0]).toMatch(/^\[bench\] step 1\/5: /);
    expect(progressLines.at(-1)).toMatch(/^\[bench\] step 5\/5: /);

    // the page shows the headline table, both charts and the machine's thread count
    const summary = await page.textContent('#summary');
    expect(summary).toContain('pii-local ÷ GLiNER.js');
    expect(summary).toMatch(/×\d+\.\d\d/);
    expect(await page.locator('#chart svg').count()).toBe(1);
    expect(await page.locator('#stages-chart svg').count()).toBe(1);
    expect(await page.textContent('#setup')).toMatch(/\d+ logical CPUs \(navigator\.hardwareConcurrency\)/);
    expect(await page.textContent('#progress')).toMatch(/^done in \d+ s$/);

    const markdown = toMarkdown(results);
    for (const title of ['pii-local vs GLiNER.js', 'All rows', 'Where a warm corpus pass goes', 'Cold start']) expect(markdown).toContain(`**${title}`);
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
