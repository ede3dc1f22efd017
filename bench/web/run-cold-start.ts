/**
 * Cold start in headless Chromium, as a visitor meets it: the cold-start page (`cold-start.ts`) in
 * a browser profile of its own, served as a static host serves files (ETag revalidation, COOP/COEP).
 * - cold: an empty profile, so nothing cached (HTTP cache, compiled WebAssembly, model cache);
 * - warm: the page opened again in the same browser (a new tab, a new worker);
 * - warm after restart: the browser closed and started again on the same profile, as a visitor
 *   coming back another day.
 * Each page stays open `--visit` seconds after its first result, as a visitor's page would:
 * Chromium writes the runtime's compiled WebAssembly to its code cache only some seconds after the
 * hot functions are optimized (measured here: not within 3 s, by 6 s with two WASM threads, never
 * with one), so a page closed at once leaves the next start to compile it all again (first result
 * ~430 ms instead of ~40). `--visit 0` measures that case.
 * Medians of `--runs` per warm kind; prints markdown and writes `bench/results/cold-start-<time>.{json,md}`.
 * The target (issues 16, 17): ≤ 1.5 s to the first result with a warm HTTP cache.
 *
 * `--warmup N`: N more redactions (a longer text) after the first result, as a busy visitor's page
 * runs: with one WASM thread, Chromium wrote the runtime's code cache after 20 (not after 5).
 *
 *   npm run bench:cold:browser        # = npx tsx bench/web/run-cold-start.ts [--runs 5] [--visit 10] [--warmup 0] [--backend wasm|webgpu] [--threads N] [--out DIR]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/browser/chromium.js';
import { buildWeb, ROOT } from './build.js';
import { readColdStart, type ColdStartSample } from './read-cold-start.js';
import { startWebServer } from './serve.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const runs = Number(arg('runs') ?? 5);
const visitMs = 1000 * Number(arg('visit') ?? 10);
const warmup = Number(arg('warmup') ?? 0);
const backend = arg('backend') === 'webgpu' ? 'webgpu' : 'wasm';
const outDir = resolve(arg('out') ?? join(ROOT, 'bench', 'results'));

const STAGES = ['page_script_ms', 'worker_start_ms', 'runtime_ms', 'model_file_ms', 'tokenizer_ms', 'session_ms', 'ready_ms', 'first_result_ms', 'total_ms'] as const;

await buildWeb({ log: (l) => console.error(l) });
const server = await startWebServer();
const profile = mkdtempSync(join(tmpdir(), 'pii-cold-profile-'));
const threads = arg('threads');
const url = `${server.origin}/bench/web/cold-start.html?backend=${backend}${threads ? `&threads=${Number(threads)}` : ''}${warmup ? `&warmup=${warmup}` : ''}`;
const launch = () => chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });

async function open(context: BrowserContext): Promise<ColdStartSample> {
  const page = await context.newPage();
  try {
    const sample = await readColdStart(page, url);
    if (visitMs > 0) await page.waitForTimeout(visitMs);
    return sample;
  } finally {
    await page.close();
  }
}

const loadBefore = loadavg()[0]!;
const results: Record<string, ColdStartSample[]> = { cold: [], warm: [], 'warm after restart': [] };
try {
  let context = await launch();
  results.cold!.push(await open(context));
  console.error(`cold: ${Math.round(Number(results.cold![0]!.total_ms))} ms`);
  for (let r = 0; r < runs; r++) results.warm!.push(await open(context));
  console.error(`warm: ${results.warm!.map((s) => Math.round(Number(s.total_ms))).join(', ')} ms`);
  for (let r = 0; r < runs; r++) {
    await context.close();
    context = await launch();
    results['warm after restart']!.push(await open(context));
  }
  console.error(`warm after restart: ${results['warm after restart']!.map((s) => Math.round(Number(s.total_ms))).join(', ')} ms`);
  await context.close();
} finally {
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const cell = (samples: ColdStartSample[], k: string) => {
  const xs = samples.map((s) => s[k]).filter((v): v is number => typeof v === 'number');
  return xs.length ? Math.round(median(xs)).toLocaleString('en') : '—';
};
const markdown = [
  `# pii-local cold start in Chromium, ${new Date().toISOString()}`,
  '',
  `Backend ${backend}, ${threads ? `${threads} thread(s)` : 'default threads'}; 1-minute load average ${loadBefore.toFixed(2)} before the run. Cold: one run on an empty profile; warm: medians of ${runs}. Each page ${warmup ? `ran ${warmup} more redactions and ` : ''}stayed open ${visitMs / 1000} s after its first result (Chromium writes compiled WebAssembly to its code cache seconds after a start).`,
  '',
  `| start | ${STAGES.map((s) => s.replace(/_ms$/, '').replaceAll('_', ' ')).join(' | ')} |`,
  `|---|${STAGES.map(() => '--:').join('|')}|`,
  ...Object.entries(results).map(([kind, samples]) => `| ${kind} | ${STAGES.map((k) => cell(samples, k)).join(' | ')} |`),
  '',
  'ms. page script: navigation to the page script running (before pii-local starts); from there the clock starts at `createWorkerEngine()`.',
  'runtime, model file, tokenizer and session are measured in the worker and overlap; ready: the model ready on the page; first result: the first `redactText`; total: ready + first result.',
].join('\n');
console.log(markdown);
mkdirSync(outDir, { recursive: true });
const base = join(outDir, `cold-start-${new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}`);
writeFileSync(`${base}.json`, JSON.stringify({ backend, loadAverage: loadBefore, results }, null, 2) + '\n');
writeFileSync(`${base}.md`, markdown + '\n');
