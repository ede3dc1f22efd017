/**
 * Serves the demo and benchmark pages: builds them (bench/web/build.ts), then serves the repository
 * on 127.0.0.1 with the headers that make the pages cross-origin isolated (COOP `same-origin`, COEP
 * `require-corp`: needed for WASM threads) and the right MIME types for `.wasm` and `.mjs`.
 *
 *   npm run demo                      # = npx tsx bench/web/serve.ts
 *   npx tsx bench/web/serve.ts --port 8790 [--no-isolation]
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, sep } from 'node:path';
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
    const file = normalize(join(ROOT, path));
    const inside = !relative(ROOT, file).startsWith('..') && file.startsWith(ROOT + sep);
    let size = -1;
    try {
      const st = statSync(file);
      if (st.isFile()) size = st.size;
    } catch {
      // absent
    }
    if (!inside || size < 0 || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': String(size),
      'cache-control': 'no-cache',
    };
    if (isolated) {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
      headers['cross-origin-resource-policy'] = 'same-origin';
    }
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
