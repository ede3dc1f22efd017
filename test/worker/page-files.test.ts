import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHost } from '../../src/worker/host.js';
import { createPageFiles, pageFetch } from '../../src/worker/page-files.js';
import { fromWireError } from '../../src/worker/wire-errors.js';
import { toWire } from '../../src/worker/pack-texts.js';
import type { HostBridge, HostEvent } from '../../src/worker/protocol.js';
import type { FileProgress } from '../../src/gliner/read-body.js';

const MODEL_DIR = join(import.meta.dirname, '..', '..', 'models', 'pii-local-small');

/** A static host for the bundled model's folder; `/spa/` answers every path with an HTML page. */
let server: Server;
let origin: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    requests.push(path);
    if (path.startsWith('/spa/')) {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>app</p>');
      return;
    }
    try {
      const bytes = await readFile(join(MODEL_DIR, path.replace(/^\/model\//, '')));
      res.writeHead(200, { 'content-type': path.endsWith('.json') ? 'application/json' : 'application/octet-stream', 'content-length': bytes.byteLength }).end(bytes);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function hostReading(files: ReturnType<typeof createPageFiles>, model: string) {
  const events: HostEvent[] = [];
  const bridge: HostBridge = {
    event: (e) => void events.push(e),
    flush() {},
    modelFile: (url, integrity) => files.modelFile(url, integrity),
    complete: async () => ({ ok: false, error: { name: 'EngineError', code: 'llm_not_configured', message: 'none' } }),
  };
  const host = createEngineHost();
  host.init({ model, modelOptions: { backend: 'wasm' }, loadCall: 0 }, bridge);
  return { host, events };
}

describe('model files read on the page for the worker', () => {
  it('reads each file once, ahead of the worker, and the worker loads and runs the model from them', async () => {
    requests.length = 0;
    const progress: FileProgress[] = [];
    const files = createPageFiles({ fetch: pageFetch(false), onProgress: (p) => progress.push(p) });
    const model = `${origin}/model/`;
    files.prefetch(model, 'wasm', undefined);
    const { host } = hostReading(files, model);
    const ready = await host.ready(1);
    expect(ready.ok).toBe(true);
    expect([...requests].sort()).toEqual(
      ['/model/gliner_config.json', '/model/manifest.json', '/model/onnx/model_quantized.onnx', '/model/tokenizer.json', '/model/tokenizer_config.json'],
    );
    const onnx = progress.filter((p) => p.file === 'onnx/model_quantized.onnx');
    expect(onnx.length).toBeGreaterThan(1); // read piece by piece on the page
    expect(onnx.at(-1)!.loaded).toBe(onnx.at(-1)!.total);

    const reply = await host.detect(2, toWire(['Please call Maria Gonzalez at 415-555-0199.']).wire, { method: 'gliner+heuristics', types: ['PERSON', 'PHONE_NUMBER'], threshold: 0.4, reportProgress: false });
    expect(reply.ok && reply.value[0]!.spans.map((s) => s.label)).toContain('PHONE_NUMBER');
    await host.dispose();
  });

  it('without a read-ahead, answers the worker file by file', async () => {
    requests.length = 0;
    const files = createPageFiles({ fetch: pageFetch(false) });
    const { host } = hostReading(files, `${origin}/model/`);
    expect((await host.ready(1)).ok).toBe(true);
    expect(requests).toContain('/model/onnx/model_quantized.onnx');
    await host.dispose();
  });

  it('an HTML page answering for the files is a missing model, not a model', async () => {
    const files = createPageFiles({ fetch: pageFetch(false) });
    files.prefetch(`${origin}/spa/`, 'wasm', undefined);
    const { host } = hostReading(files, `${origin}/spa/`);
    const reply = await host.ready(1);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.message).toMatch(/manifest|gliner_config\.json was not found/);
  });

  it('a network failure on the page fails the load with a reason', async () => {
    const files = createPageFiles({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    const { host } = hostReading(files, `${origin}/model/`);
    const reply = await host.ready(1);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.message).toMatch(/could not be fetched .*network error/);
  });

  it('an aborted load reports an abort', async () => {
    const controller = new AbortController();
    controller.abort();
    const files = createPageFiles({ fetch: pageFetch(false), signal: controller.signal });
    const { host } = hostReading(files, `${origin}/model/`);
    const reply = await host.ready(1);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && fromWireError(reply.error)).toMatchObject({ code: 'aborted' });
  });
});
