/**
 * Runs the in-browser benchmark page in headless Chromium, prints its progress while it runs and
 * its tables (markdown) at the end, and writes them as `browser-<time>.json` (the raw results,
 * shape in `report.ts`), `browser-<time>.md` and a screenshot `browser-<time>.png` into
 * `bench/results/` (gitignored) or `--out DIR`.
 *
 *   npm run bench:browser             # = npx tsx bench/web/run-headless.ts
 *   npx tsx bench/web/run-headless.ts [--runs 3] [--cold-runs 1] [--backends wasm-1,wasm-n,webgpu] [--webgpu | --no-webgpu]
 *                                     [--warmup N] [--samples N] [--webgpu-samples 2] [--no-peer] [--verbose]
 *                                     [--step-timeout-sec 300] [--timeout-min 20] [--out DIR]
 *
 * WebGPU rows run only on a real adapter; headless Chromium without a GPU offers SwiftShader, a
 * fallback (CPU) adapter, which `--webgpu` uses anyway (on its first 2 samples per pass).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { launchChromium } from '../../test/browser/chromium.js';
import { buildWeb, ROOT } from './build.js';
import { toMarkdown, type BenchResults } from './report.js';
import { startWebServer } from './serve.js';

const round2 = (n: number) => Math.round(n * 100) / 100;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const query = new URLSearchParams({ autorun: '1', runs: arg('runs') ?? '3' });
for (const [option, param] of [
  ['cold-runs', 'coldRuns'],
  ['backends', 'backends'],
  ['warmup', 'warmup'],
  ['samples', 'samples'],
  ['webgpu-samples', 'webgpuSamples'],
  ['step-timeout-sec', 'stepTimeoutSec'],
] as const) {
  const value = arg(option);
  if (value !== undefined) query.set(param, value);
}
if (flag('webgpu')) query.set('webgpu', '1');
if (flag('no-webgpu')) query.set('webgpu', '0');
if (flag('no-peer')) query.set('peer', '0');
if (flag('verbose')) query.set('verbose', '1');
const timeoutMs = Number(arg('timeout-min') ?? 20) * 60_000;
const outDir = resolve(arg('out') ?? join(ROOT, 'bench', 'results'));

const started = performance.now();
// Other processes on the machine slow every row alike, and the all-threads rows most: say how busy it was.
const loadBefore = loadavg()[0]!;
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s`;
await buildWeb({ log: (l) => console.error(`${elapsed()} ${l}`) });
const server = await startWebServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (msg) => {
    const text = msg.text();
    if (text.startsWith('[bench]')) console.error(`${elapsed()} ${text}`);
    // onnxruntime's own warnings (node placement) are noise here
    else if (msg.type() === 'error' && !text.includes('W:onnxruntime')) console.error(`[page error] ${text.slice(0, 300)}`);
  });
  page.on('pageerror', (error) => console.error(`[page exception] ${error.message.slice(0, 300)}`));
  const url = `${server.benchUrl}?${query}`;
  console.error(`${elapsed()} opening ${url}`);
  await page.goto(url);
  await page.waitForFunction(() => window.__benchResults !== undefined || window.__benchError !== undefined, undefined, { timeout: timeoutMs, polling: 1000 });
  const error = await page.evaluate(() => window.__benchError);
  if (error !== undefined) throw new Error(`the benchmark page failed: ${error}`);
  const results = (await page.evaluate(() => window.__benchResults)) as BenchResults;

  mkdirSync(outDir, { recursive: true });
  const stamp = results.startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const base = join(outDir, `browser-${stamp}`);
  const wallS = (performance.now() - started) / 1000;
  results.host = { cpus: cpus().length, loadAverage: [round2(loadBefore), round2(loadavg()[0]!)], chromium: browser.version() };
  const markdown = [
    `# pii-local in-browser benchmark, ${results.startedAt}`,
    '',
    `Chromium ${browser.version()} (headless) · ${results.env.userAgent}`,
    '',
    `Host: ${results.host.cpus} CPUs, 1-minute load average ${results.host.loadAverage[0]} before the run and ${results.host.loadAverage[1]} after ` +
      '(above the CPU count, other processes competed with the benchmark, the all-threads rows most).',
    '',
    toMarkdown(results),
    '',
    `Page run ${(results.durationMs / 1000).toFixed(0)} s; \`npm run bench:browser\` ${wallS.toFixed(0)} s with the build and the browser start.`,
  ].join('\n');
  writeFileSync(`${base}.json`, JSON.stringify(results, null, 2) + '\n');
  writeFileSync(`${base}.md`, markdown + '\n');
  await page.screenshot({ path: `${base}.png`, fullPage: true });
  console.log(markdown);
  console.log(`\nwritten: ${[`${base}.json`, `${base}.md`, `${base}.png`].map((f) => relative(process.cwd(), f)).join(', ')}`);
} finally {
  await browser.close();
  await server.close();
}
