/**
 * Runs the in-browser benchmark page in headless Chromium and prints its table (markdown), the
 * pii-local / GLiNER.js ratio and the WASM thread speed-up. The raw results are also written as
 * JSON to `bench/results/browser.json` (gitignored).
 *
 *   npm run bench:browser             # = npx tsx bench/web/run-headless.ts
 *   npx tsx bench/web/run-headless.ts [--runs 3] [--backends wasm-1,wasm-n,webgpu] [--no-peer] [--timeout-min 30]
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
const timeoutMs = Number(arg('timeout-min') ?? 30) * 60_000;

await buildWeb({ log: (l) => console.error(l) });
const server = await startWebServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on('console', (msg) => {
    const text = msg.text();
    if (text.startsWith('[bench]')) console.error(text);
    else if (msg.type() === 'error') console.error(`[page error] ${text.slice(0, 300)}`);
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
  console.log(`Chromium ${browser.version()} (headless) · ${results.env.userAgent}`);
  console.log(toMarkdown(results));
  console.log(`\n(total ${(results.durationMs / 1000).toFixed(0)} s; JSON in bench/results/browser.json)`);
} finally {
  await browser.close();
  await server.close();
}
