/**
 * Browser test harness: a static server for the repo on 127.0.0.1 (random port) with the headers
 * that make a page cross-origin isolated, an optional strict CSP, the test pages bundled by rollup
 * into `test/browser/.build/` (with onnxruntime-web's runtime files beside them), and Debian's
 * Chromium driven by playwright-core.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM, launchChromium } from './chromium.js';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'rollup';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BUILD = join(ROOT, 'test', 'browser', '.build');
export const PAGES = join(ROOT, 'test', 'browser', 'pages');
export { CHROMIUM, CHROMIUM_ARGS, launchChromium } from './chromium.js';

/** Why browser tests are skipped here, or undefined when they can run. Printed by each suite. */
export const skipReason: string | undefined = existsSync(CHROMIUM)
  ? undefined
  : `browser tests skipped: ${CHROMIUM} is absent (apt-get install chromium; CI installs it)`;
if (skipReason) console.warn(`\n*** ${skipReason} ***\n`);

// ---------------------------------------------------------------------------------------------
// Server

export interface ServerOptions {
  /** COOP `same-origin` + COEP `require-corp`, which make pages `crossOriginIsolated`. @defaultValue true */
  isolated?: boolean;
  /** Send `Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'` (no eval, no inline script). */
  strictCsp?: boolean;
  /** Folder served at `/`. @defaultValue the repo */
  root?: string;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  origin: string;
  /** Paths requested so far, in order (for "was this served from the network" checks). */
  requests: string[];
  close(): Promise<void>;
}

export const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.csv': 'text/csv',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.css': 'text/css',
};

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const requests: string[] = [];
  const root = options.root ?? ROOT;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = normalize(join(root, path));
    if (relative(root, file).startsWith('..') || !file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    };
    if (options.isolated ?? true) {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
    }
    if (options.strictCsp) headers['content-security-policy'] = STRICT_CSP;
    const body = readFileSync(file);
    headers['content-length'] = String(body.byteLength);
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets would keep the "network" up
      }),
  };
}

/** URL path of a file under the repo. */
export function urlPath(absolute: string): string {
  return '/' + relative(ROOT, absolute).split(sep).join('/');
}

// ---------------------------------------------------------------------------------------------
// Browser

/** A test page with `window.pii` ready, and what it logged (console errors, page errors, workers' included). */
export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
}

export async function openTestPage(target: Browser | BrowserContext, url: string): Promise<OpenedPage> {
  const page = await target.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /content security policy/i.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.name}: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => typeof window.pii === 'object', undefined, { timeout: 30_000 });
  return { page, errors };
}

/** URL of a built test page on the server. */
export function pageUrl(server: TestServer, file = 'index.html'): string {
  return `${server.origin}${urlPath(BUILD)}/${file}`;
}

/** Workers the page runs besides the engine worker: onnxruntime's WASM threads. */
export function extraWorkers(page: Page): number {
  return Math.max(0, page.workers().length - 1);
}

// ---------------------------------------------------------------------------------------------
// Build

/**
 * Bundles the test pages (every `pages/*.ts`) and the worker into `.build/`, copies the pages'
 * HTML and onnxruntime-web's `.wasm`/`.mjs` next to them. Skipped when the sources have not
 * changed since the last build; a lock keeps parallel test files from building at once.
 */
export async function buildPages(): Promise<string> {
  const stamp = sourceStamp();
  const stampFile = join(BUILD, '.stamp');
  const lock = join(ROOT, 'test', 'browser', '.build.lock');
  for (;;) {
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return BUILD;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // another test file is building; stale locks (a killed run) expire after 3 minutes
      if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return BUILD;
    const tmp = `${BUILD}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    await bundle(tmp);
    rmSync(BUILD, { recursive: true, force: true });
    renameSync(tmp, BUILD);
    writeFileSync(stampFile, stamp);
    return BUILD;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function bundle(out: string): Promise<void> {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const commonjs = (await import('@rollup/plugin-commonjs')).default;
  const typescript = (await import('@rollup/plugin-typescript')).default;

  const input: Record<string, string> = { worker: join(ROOT, 'src', 'worker', 'worker.ts') };
  for (const f of readdirSync(PAGES)) if (f.endsWith('.ts')) input[f.slice(0, -3)] = join(PAGES, f);

  // The browser build's platform module and onnxruntime-web variant per backend, as in dist/.
  const { browserPlatform } = (await import(pathToFileURL(join(ROOT, 'rollup.config.mjs')).href)) as { browserPlatform: Plugin };

  const build = await rollup({
    input,
    plugins: [
      browserPlatform,
      nodeResolve({ browser: true, preferBuiltins: false }),
      commonjs(),
      typescript({
        tsconfig: join(ROOT, 'tsconfig.json'),
        include: ['src/**/*.ts', 'test/browser/pages/*.ts'],
        compilerOptions: { declaration: false, sourceMap: false, noEmitOnError: false, outDir: out, rootDir: ROOT },
        noEmitOnError: false,
      }),
    ],
    // Node-only branches (`await import('node:fs')`) are never reached in a page.
    external: (id) => id.startsWith('node:'),
    onwarn(warning, warn) {
      if (warning.code === 'EVAL' || warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      if (warning.code === 'UNRESOLVED_IMPORT' && String(warning.exporter ?? '').startsWith('node:')) return;
      warn(warning);
    },
  });
  // Every chunk sits beside the pages, so `new URL('./worker.js', import.meta.url)` finds the worker.
  await build.write({ dir: out, format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
  await build.close();

  for (const f of readdirSync(PAGES)) if (!f.endsWith('.ts')) copyFileSync(join(PAGES, f), join(out, f));
  const ortDist = join(ROOT, 'node_modules', 'onnxruntime-web', 'dist');
  for (const f of readdirSync(ortDist)) {
    if (!/^ort-wasm.*\.(wasm|mjs)$/.test(f)) continue;
    try {
      linkSync(join(ortDist, f), join(out, f)); // 85 MB of runtime: link, do not copy, when the disk allows
    } catch {
      copyFileSync(join(ortDist, f), join(out, f));
    }
  }
}

/** Hash of everything a build depends on. */
function sourceStamp(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const f of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else {
        hash.update(p);
        hash.update(readFileSync(p));
      }
    }
  };
  walk(join(ROOT, 'src'));
  walk(PAGES);
  hash.update(readFileSync(join(ROOT, 'node_modules', 'onnxruntime-web', 'package.json')));
  hash.update(readFileSync(import.meta.filename));
  hash.update(readFileSync(join(ROOT, 'rollup.config.mjs')));
  return hash.digest('hex');
}

/** Where screenshots go (gitignored with the build). */
export function screenshotPath(name: string): string {
  mkdirSync(join(BUILD, 'screenshots'), { recursive: true });
  return join(BUILD, 'screenshots', name);
}

/** The test pages built, one server and one Chromium for the calling `describe`, closed after it. */
export function useBrowserSession(options: ServerOptions = {}): { readonly server: TestServer; readonly browser: Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await buildPages();
    [server, browser] = await Promise.all([startServer(options), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the browser session is not started (use it inside tests)');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser session is not started (use it inside tests)');
      return browser;
    },
  };
}
