/**
 * The page reads a URL model's files for its worker (`model-prefetch.ts`) and the worker's loader
 * takes them from there (`page-files.ts`): the same model loads as from the URL itself, a file the
 * page did not read is fetched by the worker, failures reach the loader as a fetch's would, and
 * bytes that nobody vouched for are still checked against the manifest.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGliner } from '../../src/gliner/index.js';
import { vouchedBody } from '../../src/gliner/vouched-bodies.js';
import { filesToPrefetch, prefetchModelFiles } from '../../src/worker/model-prefetch.js';
import { pageFiles } from '../../src/worker/page-files.js';
import type { PrefetchedFile } from '../../src/worker/protocol.js';

const TINY = join(import.meta.dirname, '..', '..', 'models', 'fixtures', 'tiny-random');
const FILES = ['gliner_config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'];
const integrity = (bytes: Uint8Array) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`;
const MANIFEST = JSON.stringify({
  files: Object.fromEntries(FILES.map((f) => [f, { size: readFileSync(join(TINY, f)).byteLength, integrity: integrity(readFileSync(join(TINY, f))) }])),
});
const TEXT = 'Maria Gonzalez flew from Lisbon to Boston with Acme Corp.';
const LABELS = ['person', 'location', 'organization'];

describe('model files read by the page for the worker', () => {
  let server: Server;
  let base: string;
  const served: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/model\//, '');
      served.push(path);
      if (path === 'manifest.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(MANIFEST);
      let body: Buffer;
      try {
        body = readFileSync(join(TINY, path));
      } catch {
        return void res.writeHead(404).end();
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/model`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('loads the same model as from the URL; the worker fetches what the page did not read', async () => {
    const files = filesToPrefetch(base, 'auto')!;
    expect([...files.values()].slice(0, 5)).toEqual(['manifest.json', 'gliner_config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']);
    expect([...files.values()]).toContain('onnx/model.onnx');
    const progress: Record<string, { loaded: number; total?: number }[]> = {};
    const read = await Promise.all(prefetchModelFiles(files, { modelCache: false, onProgress: (p) => (progress[p.file] ??= []).push(p) }));
    const byName = new Map(read.map((f) => [files.get(f.url)!, f]));
    // the tiny model has only model.onnx, which its manifest lists: the page reads that one alone
    expect(read.filter((f) => f.body !== undefined).map((f) => files.get(f.url))).toEqual(['manifest.json', 'gliner_config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']);
    expect(byName.get('onnx/model_quantized.onnx')).toMatchObject({ failure: 'skipped' });
    expect(served.filter((p) => p.endsWith('.onnx'))).toEqual(['onnx/model.onnx']);
    for (const name of ['gliner_config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']) {
      const file = byName.get(name)!;
      expect(new Uint8Array(file.body!)).toEqual(new Uint8Array(readFileSync(join(TINY, name))));
      const last = progress[name]!.at(-1)!;
      expect(last.loaded).toBe(file.body!.byteLength);
      expect(last.total).toBe(file.body!.byteLength);
    }

    let starts = 0;
    const fellBack: string[] = [];
    const fromPage = pageFiles([...files.keys()], (input, init) => (fellBack.push(String(input)), fetch(input, init)), () => starts++);
    read.forEach((f) => fromPage.provide(f));
    const viaPage = await loadGliner(base, { backend: 'wasm', fetch: fromPage.fetch });
    const direct = await loadGliner(base, { backend: 'wasm' });
    try {
      expect(await viaPage.predict([TEXT], LABELS, { threshold: 0 })).toEqual(await direct.predict([TEXT], LABELS, { threshold: 0 }));
      expect(starts).toBe(1);
      // the worker asked the server only for the candidates the page skipped, before the one it read
      const names = fellBack.map((u) => u.slice(base.length + 1));
      expect(names).toEqual([...files.values()].slice(4, [...files.values()].indexOf('onnx/model.onnx')));
    } finally {
      await Promise.all([viaPage.dispose(), direct.dispose()]);
    }
  });

  it('answers a fetch made before the file arrives, vouching for what the page checked', async () => {
    const url = `${base}/tokenizer.json`;
    const fromPage = pageFiles([url], fetch, () => {});
    const pending = fromPage.fetch(url);
    const bytes = new Uint8Array([123, 125]);
    fromPage.provide({ url, status: 200, contentType: 'application/json', body: bytes.slice().buffer, integrity: integrity(bytes) });
    const response = await pending;
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(vouchedBody(response)).toEqual({ bytes, integrity: integrity(bytes) });
  });

  it('fails as a fetch would: network error, abort, HTTP status; and stops waiting on abort', async () => {
    const urls = ['a', 'b', 'c', 'd'].map((f) => `${base}/${f}`);
    const fromPage = pageFiles(urls, fetch, () => {});
    const answers: PrefetchedFile[] = [
      { url: urls[0]!, status: 0, failure: 'network' },
      { url: urls[1]!, status: 0, failure: 'aborted' },
      { url: urls[2]!, status: 404 },
    ];
    answers.forEach((f) => fromPage.provide(f));
    await expect(fromPage.fetch(urls[0]!)).rejects.toBeInstanceOf(TypeError);
    await expect(fromPage.fetch(urls[1]!)).rejects.toMatchObject({ name: 'AbortError' });
    expect((await fromPage.fetch(urls[2]!)).status).toBe(404);
    const controller = new AbortController();
    const waiting = fromPage.fetch(urls[3]!, { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('still checks against the manifest the bytes nobody vouched for', async () => {
    const files = filesToPrefetch(base, 'wasm')!;
    const read = await Promise.all(prefetchModelFiles(files, { modelCache: false }));
    const tokenizer = read.find((f) => f.url.endsWith('/tokenizer.json'))!;
    const bytes = new Uint8Array(tokenizer.body!);
    bytes[bytes.length - 2] = bytes[bytes.length - 2] === 0x20 ? 0x0a : 0x20; // same size, other bytes
    const fromPage = pageFiles([...files.keys()], fetch, () => {});
    read.forEach((f) => fromPage.provide(f));
    await expect(loadGliner(base, { backend: 'wasm', fetch: fromPage.fetch })).rejects.toThrow(/tokenizer\.json from the model .* does not match its manifest\.json/);
  });

  it('reads only models served over http(s)', () => {
    expect(filesToPrefetch({ onnx: new Uint8Array(1) })).toBeUndefined();
    expect(filesToPrefetch('/models/x/')).toBeUndefined();
    expect([...filesToPrefetch('https://cdn.example/m/', 'webgpu')!.values()][4]).toBe('onnx/model_fp16.onnx');
  });
});
