/**
 * The package tested as installed: `npm pack` (which builds dist/), then a fresh project outside the
 * repo installs the tarball (`project.ts`) and uses it the way the README says:
 * - a Node script imports 'pii-local' and redacts a string and a CSV with the bundled model, and
 *   the installed `pii-local` command redacts a CSV file;
 * - a Vite app and a rollup app (`apps/`) are built by the project's own Vite and rollup, served
 *   cross-origin isolated, and redact a string and a CSV in headless Chromium.
 * The builds must be quiet about pii-local: no `node:` built-ins to stub, no source maps pointing at
 * missing sources, no copy of the library emitted as an asset.
 *
 * `PII_LOCAL_TARBALL=/path/to/pii-local-x.y.z.tgz` tests that tarball instead of packing the repo;
 * `PII_LOCAL_KEEP=1` keeps the project folder (its path is printed).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extraWorkers, launchChromium, skipReason, startServer, type TestServer } from '../browser/harness.js';
import { installProject, packTarball, type Project, type Tarball } from './project.js';

const run = promisify(execFile);
const APPS = join(import.meta.dirname, 'apps');

const TEXT = 'Dear Maria Gonzalez, please call +1 (415) 555-0199 or write to maria.gonzalez@example.com.';
const CSV = [
  'id,name,email,notes',
  '1,Maria Gonzalez,maria.gonzalez@example.com,Call +1 (415) 555-0199 after 5pm',
  '2,John Smith,john.smith@example.org,nothing to see here',
  '',
].join('\r\n');

/** What every consumer must get back: the e-mails tagged, the names gone, the CSV's shape kept. */
function expectRedactedText(masked: string): void {
  expect(masked).toContain('[EMAIL]');
  expect(masked).not.toContain('maria.gonzalez@example.com');
  expect(masked).not.toContain('Maria Gonzalez');
  expect(masked).toMatch(/^Dear \S/);
}

function expectRedactedCsv(masked: string): void {
  const lines = masked.split(/\r?\n/);
  expect(lines[0]).toBe('id,name,email,notes');
  expect(lines.filter((l) => l !== '')).toHaveLength(3);
  for (const secret of ['Maria Gonzalez', 'maria.gonzalez@example.com', 'John Smith', 'john.smith@example.org']) expect(masked).not.toContain(secret);
  expect(masked).toContain('[EMAIL]');
  expect(masked).toContain('nothing to see here');
}

/**
 * The environment of a user's shell: without vitest's variables, since `NODE_ENV=test` alone makes
 * Vite keep quiet about the very warnings this file looks for.
 */
function userEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
  return { ...env, NO_COLOR: '1' };
}

/** Runs `node script` in `cwd` with `input` on stdin; resolves with its stdout. */
function node(cwd: string, script: string, input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('node', [script], { cwd, env: userEnv(), maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${script} failed: ${stderr.slice(-2000)}`)) : resolve(stdout),
    );
    child.stdin!.end(input);
  });
}

let tarball: Tarball;
let project: Project;
const timings: string[] = [];

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  try {
    return await work();
  } finally {
    timings.push(`${label} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

beforeAll(async () => {
  const given = process.env.PII_LOCAL_TARBALL;
  tarball = given
    ? { path: given, size: statSync(given).size, unpackedSize: 0, files: [] }
    : await timed('npm pack', () => packTarball(join(tmpdir(), `pii-local-pack-${process.pid}`)));
  project = await timed('npm ci', () => installProject(tarball.path));
});

afterAll(() => {
  console.info(
    `[install] tarball ${(tarball?.size / 1e6).toFixed(1)} MB, ${tarball?.files.length} files; ` +
      `installed ${project?.offline ? 'offline from the npm cache' : 'with the registry (the npm cache lacked a package)'}; ${timings.join(', ')}`,
  );
  if (process.env.PII_LOCAL_KEEP) return void console.info(`[install] kept ${project?.dir}`); // to debug an app by hand
  if (project) rmSync(project.dir, { recursive: true, force: true });
  if (tarball && !process.env.PII_LOCAL_TARBALL) rmSync(join(tarball.path, '..'), { recursive: true, force: true });
});

describe('the tarball', () => {
  it('ships the browser build, the Node build, the worker, the CLI and the types, without source maps', () => {
    if (tarball.files.length === 0) return; // a given tarball: its listing is not known
    const dist = tarball.files.map((f) => f.path).filter((p) => p.startsWith('dist/')).sort();
    expect(dist).toEqual(['dist/cli.js', 'dist/index.d.ts', 'dist/index.js', 'dist/node.js', 'dist/offline-sw.js', 'dist/worker.js']);
  });

  it("keeps Node's built-ins out of the browser build", () => {
    const dist = join(project.dir, 'node_modules', 'pii-local', 'dist');
    for (const file of ['index.js', 'worker.js']) expect(readFileSync(join(dist, file), 'utf8'), file).not.toMatch(/['"]node:/);
  });
});

describe('a Node consumer', () => {
  it("imports 'pii-local' (the Node build) and redacts a string and a CSV with the bundled model", async () => {
    cpSync(join(APPS, 'node', 'consumer.mjs'), join(project.dir, 'consumer.mjs'));
    const out = await timed('node consumer', () => node(project.dir, 'consumer.mjs', JSON.stringify({ text: TEXT, csv: CSV })));
    const result = JSON.parse(out) as { resolved: string; text: { status: string; masked: string[] }; csv: { status: string; masked: string[] } };
    expect(result.resolved).toMatch(/\/node_modules\/pii-local\/dist\/node\.js$/);
    expect(result.text.status).toBe('SUCCEEDED');
    expect(result.text.masked).toHaveLength(1);
    expectRedactedText(result.text.masked[0]!);
    expect(result.csv.status).toBe('SUCCEEDED');
    expectRedactedCsv(['id,name,email,notes', ...result.csv.masked, ''].join('\r\n'));
  });

  it('runs the installed pii-local command on a CSV file', async () => {
    writeFileSync(join(project.dir, 'contacts.csv'), CSV);
    const bin = join(project.dir, 'node_modules', '.bin', 'pii-local');
    await timed('pii-local redact', () => run(bin, ['redact', '--input', 'contacts.csv', '--output', 'contacts.redacted.csv'], { cwd: project.dir, env: userEnv() }));
    expectRedactedCsv(readFileSync(join(project.dir, 'contacts.redacted.csv'), 'utf8'));
  });
});

/** What the apps in `apps/` put on `window.app`. */
interface App {
  info(): Promise<{ backend: string; crossOriginIsolated: boolean; offline?: boolean }>;
  redactString(text: string): Promise<{ status: string; masked: string[] }>;
  redactCsv(csv: string): Promise<{ name: string; type: string; text: string }>;
}

/** Warnings a bundler printed that concern pii-local (its own lines, not the app's chunk sizes). */
function warningsAboutPiiLocal(log: string): string[] {
  return log
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => /externalized|browser compatibility|sourcemap|source map|missing source|node_modules\/pii-local/i.test(l));
}

describe.skipIf(skipReason !== undefined)('web apps built from the installed package', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Serves the built app, checks that it redacts a string and a CSV without a page error, and says what ran. */
  async function runApp(root: string, { offline = false } = {}): Promise<{ backend: string; isolated: boolean; threads: number; cores: number; requests: string[] }> {
    const server: TestServer = await startServer({ root });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    try {
      await page.goto(`${server.origin}/index.html`);
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
      const info = await page.evaluate(() => (window as unknown as { app: App }).app.info());
      const text = await page.evaluate((t) => (window as unknown as { app: App }).app.redactString(t), TEXT);
      const csv = await page.evaluate((c) => (window as unknown as { app: App }).app.redactCsv(c), CSV);
      expect(text.status).toBe('SUCCEEDED');
      expect(text.masked).toHaveLength(1);
      expectRedactedText(text.masked[0]!);
      expect(csv.name).toBe('contacts.csv');
      expect(csv.type).toBe('text/csv');
      expectRedactedCsv(csv.text);
      expect(errors).toEqual([]);
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      if (offline) {
        // The network gone after the first visit: the page, its worker, the wasm and the model come
        // from the device (offline service worker + model cache), and it still redacts.
        expect(info.offline).toBe(true);
        await page.context().route('**', (route) => route.abort('internetdisconnected'));
        const failed: string[] = [];
        page.on('requestfailed', (r) => failed.push(new URL(r.url()).pathname));
        errors.length = 0;
        await page.reload();
        await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
        const again = await page.evaluate((c) => (window as unknown as { app: App }).app.redactCsv(c), CSV);
        expectRedactedCsv(again.text);
        // Only what is asked of the network first and then served from the device may fail: the
        // model's manifest (revalidated on every load, from the worker too) and the favicon.
        expect(failed.filter((p) => !/\/manifest\.json$|\/favicon\.ico$/.test(p)), 'requests that failed offline').toEqual([]);
        expect(errors.filter((e) => !/^Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED)/.test(e))).toEqual([]);
      }
      return { backend: info.backend, isolated: info.crossOriginIsolated, threads: extraWorkers(page), cores, requests: server.requests };
    } finally {
      await page.close();
      await server.close();
    }
  }

  it('Vite: builds quietly, and the app redacts in the browser', async () => {
    const app = join(project.dir, 'vite-app');
    cpSync(join(APPS, 'vite'), app, { recursive: true });
    // the README's step: the model is served by the app (Vite copies public/ as is)
    cpSync(join(project.dir, 'node_modules', 'pii-local', 'models', 'pii-local-small'), join(app, 'public', 'models', 'pii-local-small'), { recursive: true });
    cpSync(join(project.dir, 'node_modules', 'pii-local', 'dist', 'offline-sw.js'), join(app, 'public', 'offline-sw.js'));
    const vite = join(project.dir, 'node_modules', 'vite', 'bin', 'vite.js');
    const { stdout, stderr } = await timed('vite build', () => run('node', [vite, 'build'], { cwd: app, env: userEnv() }));
    expect(warningsAboutPiiLocal(stdout + stderr)).toEqual([]);

    const assets = readdirSync(join(app, 'dist', 'assets'));
    expect(assets.filter((f) => f.includes('browser-external'))).toEqual([]);
    expect(assets.some((f) => /^worker-.*\.js$/.test(f))).toBe(true);
    expect(assets.some((f) => /^ort-wasm-simd-threaded.*\.wasm$/.test(f))).toBe(true);
    // the library is bundled, never copied verbatim as an asset
    const library = new Set(['index.js', 'worker.js', 'node.js'].map((f) => readFileSync(join(project.dir, 'node_modules', 'pii-local', 'dist', f), 'utf8')));
    const copies = assets.filter((f) => f.endsWith('.js') && library.has(readFileSync(join(app, 'dist', 'assets', f), 'utf8')));
    expect(copies, 'assets that are verbatim copies of a pii-local dist file').toEqual([]);

    const ran = await timed('vite app in Chromium', () => runApp(join(app, 'dist'), { offline: true }));
    expect(ran.backend).toBe('wasm');
    // the WASM-only runtime (14 MB), not the WebGPU one (28 MB), when WebGPU is not used
    expect(ran.requests.filter((r) => /ort-wasm-simd-threaded[^/]*\.wasm$/.test(r)).length).toBeGreaterThan(0);
    expect(ran.requests.filter((r) => /jsep|asyncify|jspi/.test(r))).toEqual([]);
    expect(ran.isolated).toBe(true);
    // onnxruntime started its WASM threads from the bundled worker
    if (ran.cores > 1) expect(ran.threads).toBeGreaterThanOrEqual(1);
  });

  it('rollup: builds quietly, and the app redacts in the browser', async () => {
    const app = join(project.dir, 'rollup-app');
    cpSync(join(APPS, 'rollup'), app, { recursive: true });
    const rollup = join(project.dir, 'node_modules', 'rollup', 'dist', 'bin', 'rollup');
    const { stdout, stderr } = await timed('rollup build', () => run('node', [rollup, '-c'], { cwd: app, env: userEnv() }));
    expect(warningsAboutPiiLocal(stdout + stderr)).toEqual([]);
    expect(existsSync(join(app, 'dist', 'worker.js'))).toBe(true);

    // the README's steps: the page, onnxruntime's runtime files and the model are served by the app
    const dist = join(app, 'dist');
    cpSync(join(app, 'index.html'), join(dist, 'index.html'));
    const ort = join(project.dir, 'node_modules', 'onnxruntime-web', 'dist');
    for (const f of ['ort-wasm-simd-threaded.wasm', 'ort-wasm-simd-threaded.mjs']) cpSync(join(ort, f), join(dist, 'ort', f));
    cpSync(join(project.dir, 'node_modules', 'pii-local', 'models', 'pii-local-small'), join(dist, 'models', 'pii-local-small'), { recursive: true });

    const ran = await timed('rollup app in Chromium', () => runApp(dist));
    expect(ran.backend).toBe('wasm');
    expect(ran.isolated).toBe(true);
    if (ran.cores > 1) expect(ran.threads).toBeGreaterThanOrEqual(1);
    // the WASM-only runtime (14 MB), not the WebGPU one (28 MB), when WebGPU is not used
    expect(ran.requests).toEqual(expect.arrayContaining(['/ort/ort-wasm-simd-threaded.mjs', '/ort/ort-wasm-simd-threaded.wasm']));
    expect(ran.requests.filter((r) => /jsep|asyncify|jspi/.test(r))).toEqual([]);
  });
});
