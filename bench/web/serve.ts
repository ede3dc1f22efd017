/**
 * Serves the demo and benchmark pages: builds them (bench/web/build.ts), then serves the repository
 * on 127.0.0.1 with the headers that make the pages cross-origin isolated (COOP `same-origin`, COEP
 * `require-corp`: needed for WASM threads) and the right MIME types for `.wasm` and `.mjs`. The
 * demo's service worker, `/bench/web/offline-sw.js`, is pii-local's offline service worker
 * (`src/browser/offline-sw-entry.ts`) bundled on request into one classic script, the file the
 * package ships as `offline-sw.js`; it sits beside the pages so that its scope covers them.
 *
 *   npm run demo                      # = npx tsx bench/web/serve.ts
 *   npx tsx bench/web/serve.ts --port 8790 [--no-isolation]
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { buildWeb, ROOT } from './build.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

export interface WebServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  demoUrl: string;
  benchUrl: string;
  close(): Promise<void>;
}

export interface WebServerOptions {
  /** 0 picks a free port. @defaultValue 0 */
  port?: number;
  /** Send COOP/COEP so pages are `crossOriginIsolated` (WASM threads). @defaultValue true */
  isolated?: boolean;
}

/** Serves the repository (files only; no directory listings; nothing outside the repository). */
export async function startWebServer(options: WebServerOptions = {}): Promise<WebServer> {
  const isolated = options.isolated ?? true;
  const server: Server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path === '/') {
      res.writeHead(302, { location: '/bench/web/demo.html' }).end();
      return;
    }
    if (path === OFFLINE_SW_PATH) {
      offlineWorkerScript().then(
        (code) => res.writeHead(200, { 'content-type': TYPES['.js']!, 'cache-control': 'no-cache', 'content-length': String(Buffer.byteLength(code)) }).end(req.method === 'HEAD' ? undefined : code),
        (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`cannot build the offline service worker: ${(error as Error).message}`),
      );
      return;
    }
    const file = normalize(join(ROOT, path));
    const inside = !relative(ROOT, file).startsWith('..') && file.startsWith(ROOT + sep);
    let size = -1;
    let mtime = 0;
    try {
      const st = statSync(file);
      if (st.isFile()) [size, mtime] = [st.size, st.mtimeMs];
    } catch {
      // absent
    }
    if (!inside || size < 0 || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // Revalidated on every use, as a static host does (an ETag, then 304): the browser keeps its
    // HTTP cache, and with it the compiled code it caches for a .wasm, as on a real deployment.
    const etag = `"${size.toString(16)}-${Math.floor(mtime).toString(16)}"`;
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      etag,
    };
    if (isolated) {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
      headers['cross-origin-resource-policy'] = 'same-origin';
    }
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    headers['content-length'] = String(size);
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    demoUrl: `${origin}/bench/web/demo.html`,
    benchUrl: `${origin}/bench/web/bench.html`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Where the demo registers its service worker (`registerOfflineWorker('offline-sw.js')` in demo.ts). */
export const OFFLINE_SW_PATH = '/bench/web/offline-sw.js';
const OFFLINE_SW_ENTRY = join(ROOT, 'src', 'browser', 'offline-sw-entry.ts');

let offlineSw: { stamp: string; code: Promise<string> } | undefined;

/**
 * `offline-sw-entry.ts` and what it imports (nothing at run time but `offline-sw.ts`) as one classic
 * script: rollup with TypeScript's transpiler (no type check: `tsc` does that). Built again when a
 * source changed.
 */
function offlineWorkerScript(): Promise<string> {
  const sources = [OFFLINE_SW_ENTRY, join(ROOT, 'src', 'browser', 'offline-sw.ts')];
  const stamp = sources.map((f) => statSync(f).mtimeMs).join();
  if (offlineSw?.stamp !== stamp) {
    const code = (async () => {
      const { rollup } = await import('rollup');
      const ts = (await import('typescript')).default;
      const build = await rollup({
        input: OFFLINE_SW_ENTRY,
        plugins: [
          {
            name: 'typescript-transpile',
            resolveId: (source, importer) => (importer && source.startsWith('.') ? resolve(dirname(importer), source.replace(/\.js$/, '.ts')) : null),
            load: (id) => (id.endsWith('.ts') ? readFileSync(id, 'utf8') : null),
            transform: (source, id) =>
              id.endsWith('.ts')
                ? ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true } }).outputText
                : null,
          },
        ],
      });
      const { output } = await build.generate({ format: 'iife' });
      await build.close();
      return output[0].code;
    })();
    offlineSw = { stamp, code };
    code.catch(() => (offlineSw = undefined)); // a later request tries again
  }
  return offlineSw!.code;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  await buildWeb({ log: (l) => console.log(l) });
  const port = Number(arg('port') ?? process.env.PORT ?? 8790);
  const server = await startWebServer({ port, isolated: !process.argv.includes('--no-isolation') });
  console.log(`demo:      ${server.demoUrl}`);
  console.log(`benchmark: ${server.benchUrl}`);
  console.log('(Ctrl+C to stop)');
}
