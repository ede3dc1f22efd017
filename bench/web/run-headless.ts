/**
 * Runs the in-browser benchmark page in headless Chromium and prints its table (markdown), the
 * pii-local / GLiNER.js ratio and the WASM thread speed-up. The raw results are also written as
 * JSON to `bench/results/browser.json` and the page as `bench/results/browser.png` (gitignored).
 *
 *   npm run bench:browser             # = npx tsx bench/web/run-headless.ts
 *   npx tsx bench/web/run-headless.ts [--runs 3] [--backends wasm-1,wasm-n,webgpu] [--no-peer] [--verbose]
 *                                     [--step-timeout-sec 300] [--webgpu-samples 4] [--timeout-min 60]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../test/browser/harness.js';
import { buildWeb, ROOT } from './build.js';
import { toMarkdown, type BenchResults } from './report.js';
import { startWebServer } from './serve.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const query = new URLSearchParams({ autorun: '1', runs: arg('runs') ?? '3' });
const backends = arg('backends');
if (backends) query.set('backends', backends);
if (process.argv.includes('--no-peer')) query.set('peer', '0');
if (process.argv.includes('--verbose')) query.set('verbose', '1');
const webgpuSamples = arg('webgpu-samples');
if (webgpuSamples) query.set('webgpuSamples', webgpuSamples);
const stepTimeout = arg('step-timeout-sec');
if (stepTimeout) query.set('stepTimeoutSec', stepTimeout);
const timeoutMs = Number(arg('timeout-min') ?? 60) * 60_000;

const started = performance.now();
await buildWeb({ log: (l) => console.error(l) });
const server = await startWebServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (msg) => {
    const text = msg.text();
    if (text.startsWith('[bench]')) console.error(`${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s ${text}`);
    // onnxruntime's own warnings (node placement) are noise here
    else if (msg.type() === 'error' && !text.includes('W:onnxruntime')) console.error(`[page error] ${text.slice(0, 300)}`);
  });
  page.on('pageerror', (error) => console.error(`[page exception] ${error.message.slice(0, 300)}`));
  const url = `${server.benchUrl}?${query}`;
  console.error(`opening ${url}`);
  await page.goto(url);
  await page.waitForFunction(() => window.__benchResults !== undefined || window.__benchError !== undefined, undefined, { timeout: timeoutMs, polling: 1000 });
  const error = await page.evaluate(() => window.__benchError);
  if (error !== undefined) throw new Error(`the benchmark page failed: ${error}`);
  const results = (await page.evaluate(() => window.__benchResults)) as BenchResults;
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'browser.json'), JSON.stringify(results, null, 2) + '\n');
  await page.screenshot({ path: join(dir, 'browser.png'), fullPage: true });
  console.log(`Chromium ${browser.version()} (headless) · ${results.env.userAgent}`);
  console.log(toMarkdown(results));
  console.log(`\n(total ${(results.durationMs / 1000).toFixed(0)} s; JSON in bench/results/browser.json, page in bench/results/browser.png)`);
} finally {
  await browser.close();
  await server.close();
}
