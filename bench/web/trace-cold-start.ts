/**
 * Where a warm cold start goes, thread by thread: opens the cold-start page (`cold-start.ts`) in a
 * browser profile of its own until its caches are warm, then once more under Chromium's tracing,
 * and prints the engine worker's timeline — its long tasks (wall and CPU), the load stages
 * (`pii-local …` User Timing entries), and the CPU V8's background threads spend compiling the
 * runtime's WebAssembly meanwhile — with the CPU of every thread in the window. On a 2-core
 * machine the last table says whether moving work to another thread can help at all. Tasks are
 * listed as Chromium's trace frames them: work run from promise continuations (the session's
 * creation, for one) may show only as the stage around it, and its CPU only in the thread's total.
 * The raw trace goes to `bench/results/cold-trace-<time>.json` (open it in chrome://tracing or
 * Perfetto).
 *
 *   npx tsx bench/web/trace-cold-start.ts [--warm 2] [--threads N] [--min-task 20]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/browser/chromium.js';
import { buildWeb, ROOT } from './build.js';
import { readColdStart, type ColdStartSample } from './read-cold-start.js';
import { startWebServer } from './serve.js';

const { values: args } = parseArgs({ options: { warm: { type: 'string', default: '2' }, threads: { type: 'string' }, 'min-task': { type: 'string', default: '20' } } });
const warmOpens = Number(args.warm);
const minTaskMs = Number(args['min-task']);
const threads = args.threads;
const CATEGORIES = ['devtools.timeline', 'v8', 'v8.wasm', 'blink.user_timing', 'loading', 'toplevel'];

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

await buildWeb({ log: (l) => console.error(l) });
const server = await startWebServer();
const profile = mkdtempSync(join(tmpdir(), 'pii-trace-profile-'));
// A persistent profile keeps the code cache between opens; tracing needs the browser's CDP endpoint.
const port = 9300 + Math.floor(Math.random() * 600);
const browserProcess = spawn(CHROMIUM, [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, `--remote-debugging-port=${port}`, 'about:blank'], { stdio: 'ignore' });
const outDir = join(ROOT, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
const tracePath = join(outDir, `cold-trace-${new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`);
let sample: ColdStartSample | undefined;
try {
  const browser = await connect(port);
  const context = browser.contexts()[0]!;
  const url = `${server.origin}/bench/web/cold-start.html?backend=wasm${threads ? `&threads=${Number(threads)}` : ''}`;
  for (let open = 0; open <= warmOpens + 1; open++) {
    const traced = open === warmOpens + 1;
    const page = await context.newPage();
    if (traced) await browser.startTracing(page, { path: tracePath, categories: CATEGORIES });
    sample = await readColdStart(page, url);
    console.error(`${open === 0 ? 'cold' : traced ? 'traced' : 'warm'}: ${Math.round(Number(sample?.total_ms))} ms`);
    if (traced) await browser.stopTracing();
    else await page.waitForTimeout(10_000); // Chromium writes the code cache seconds after a start
    await page.close();
  }
  await browser.close();
} finally {
  const exited = new Promise((resolve) => browserProcess.once('exit', resolve));
  browserProcess.kill();
  await exited;
  await server.close();
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  } catch {
    // a helper process may still write there: the temporary profile stays behind
  }
}

const events = (JSON.parse(readFileSync(tracePath, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
const threadName = new Map<string, string>();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}/${e.tid}`, e.args?.name ?? '?');
const key = (e: TraceEvent) => `${e.pid}/${e.tid}`;
const workers = [...threadName].filter(([, name]) => name === 'DedicatedWorker thread').map(([k]) => k);
/** A thread's top-level work: what it ran between waits. */
const tasks = (k: string) => outermost(events.filter((e) => key(e) === k && e.ph === 'X' && e.dur !== undefined));
// The engine worker is the dedicated worker that runs the most; onnxruntime's own threads idle at start-up.
const [worker, workerTasks] = workers
  .map((k) => [k, tasks(k)] as const)
  .sort((a, b) => sum(b[1], 'tdur') - sum(a[1], 'tdur'))[0] ?? [];
if (worker === undefined || workerTasks === undefined) throw new Error('no worker thread in the trace');
const t0 = Math.min(...workerTasks.map((e) => e.ts));
const ms = (us: number) => Math.round(us / 1000);
const end = Math.max(...workerTasks.map((e) => e.ts + (e.dur ?? 0)));

const rows: [number, string][] = [];
for (const e of workerTasks) if ((e.dur ?? 0) >= minTaskMs * 1000) rows.push([e.ts, `${e.name} ${ms(e.dur!)} ms (CPU ${ms(e.tdur ?? 0)})`]);
for (const e of events) {
  if (e.cat === 'blink.user_timing' && e.name.startsWith('pii-local ') && (e.ph === 'b' || e.ph === 'X')) rows.push([e.ts, `stage ${e.name.slice(10)} starts`]);
  if (e.cat === 'blink.user_timing' && e.name.startsWith('pii-local ') && e.ph === 'e') rows.push([e.ts, `stage ${e.name.slice(10)} ends`]);
}
const compileCpu = new Map<number, number>();
for (const e of events) {
  if (e.pid !== Number(worker.split('/')[0]) || key(e) === worker || e.ph !== 'X') continue;
  if (e.name !== 'wasm.ExecuteCompilationUnits' && e.name !== 'V8.TurbofanTask' && e.name !== 'V8.MaglevTask') continue;
  const bucket = Math.floor((e.ts - t0) / 250_000);
  compileCpu.set(bucket, (compileCpu.get(bucket) ?? 0) + (e.tdur ?? e.dur ?? 0));
}
const cpuByThread = new Map<string, number>();
for (const [k, name] of threadName) {
  const top = outermost(events.filter((e) => key(e) === k && e.ph === 'X' && e.tdur !== undefined && e.ts >= t0 && e.ts <= end));
  const cpu = sum(top, 'tdur');
  if (cpu >= 5000) cpuByThread.set(`${name} (${k})`, cpu);
}

console.log(`# Cold start traced in Chromium (warm caches), ${new Date().toISOString()}`);
console.log('');
console.log(`Stages as the page reported them: ${JSON.stringify(sample)}`);
console.log('');
console.log(`## The engine worker's thread (ms from its first task; tasks of ${minTaskMs} ms and more)`);
console.log('');
for (const [ts, what] of rows.sort((a, b) => a[0] - b[0])) console.log(`- ${String(ms(ts - t0)).padStart(5)}: ${what}`);
console.log('');
console.log('## V8 background compiles of the worker process, CPU ms per 250 ms');
console.log('');
console.log([...compileCpu].sort((a, b) => a[0] - b[0]).map(([b, us]) => `${b * 250}: ${ms(us)}`).join(', '));
console.log('');
console.log(`## CPU per thread while the worker ran (${ms(end - t0)} ms)`);
console.log('');
for (const [name, us] of [...cpuByThread].sort((a, b) => b[1] - a[1])) console.log(`- ${name}: ${ms(us)} ms`);
console.log(`- all threads: ${ms([...cpuByThread.values()].reduce((a, b) => a + b, 0))} ms`);
console.log('');
console.log(`Raw trace: ${tracePath}`);

function sum(list: TraceEvent[], field: 'tdur' | 'dur'): number {
  return list.reduce((total, e) => total + (e[field] ?? 0), 0);
}

/** Events not inside another of the list (a thread's top-level work). */
function outermost(list: TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let until = -Infinity;
  for (const e of [...list].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    if (e.ts >= until) {
      out.push(e);
      until = e.ts + (e.dur ?? 0);
    }
  }
  return out;
}

async function connect(debugPort: number) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`);
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
