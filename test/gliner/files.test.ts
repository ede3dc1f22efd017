import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onnxCandidates, openSource, type FileProgress } from '../../src/gliner/files.js';
import { loadGliner } from '../../src/gliner/index.js';

const MODELS = join(import.meta.dirname, '..', '..', 'models');
const TINY = join(MODELS, 'fixtures', 'tiny-random');
const SMALL = join(MODELS, 'pii-local-small');

describe('onnxCandidates', () => {
  it('prefers int8 files on wasm and fp16 then fp32 on webgpu, onnx/ before the root', () => {
    expect(onnxCandidates('wasm').slice(0, 4)).toEqual(['onnx/model_quantized.onnx', 'model_quantized.onnx', 'onnx/model_int8.onnx', 'model_int8.onnx']);
    expect(onnxCandidates('webgpu').slice(0, 4)).toEqual(['onnx/model_fp16.onnx', 'model_fp16.onnx', 'onnx/model.onnx', 'model.onnx']);
    expect(onnxCandidates('wasm').indexOf('onnx/model.onnx')).toBeGreaterThan(onnxCandidates('wasm').indexOf('onnx/model_uint8.onnx'));
  });

  it('limits an explicit variant to its own files', () => {
    expect(onnxCandidates('wasm', 'fp32')).toEqual(['onnx/model.onnx', 'model.onnx']);
    expect(onnxCandidates('webgpu', 'int8')).toContain('onnx/model_quantized.onnx');
    expect(onnxCandidates('webgpu', 'int8')).not.toContain('onnx/model.onnx');
  });
});

describe('folder sources', () => {
  it('picks the quantized file of the bundled model and the fp32 file of the fixture', async () => {
    expect((await openSource(SMALL).onnx(onnxCandidates('wasm'))).file).toBe('onnx/model_quantized.onnx');
    expect((await openSource(TINY).onnx(onnxCandidates('wasm'))).file).toBe('onnx/model.onnx');
  });

  it('reads file: URLs from disk and reports each file once complete', async () => {
    const events: FileProgress[] = [];
    const reader = openSource(pathToFileURL(`${TINY}/`), { onProgress: (p) => events.push(p) });
    expect(await reader.json('gliner_config.json', true)).toMatchObject({ class_token_index: 733 });
    expect(await reader.json('absent.json', false)).toBeUndefined();
    expect(events).toEqual([{ file: 'gliner_config.json', loaded: events[0]!.loaded, total: events[0]!.loaded }]);
  });
});

describe('URL sources', () => {
  let server: Server;
  let base: string;
  const requested: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/model\//, '');
      requested.push(path);
      try {
        const body = readFileSync(join(TINY, path));
        res.writeHead(200, { 'content-length': body.byteLength });
        // two writes, so progress has more than one step
        res.write(body.subarray(0, body.byteLength >> 1));
        res.end(body.subarray(body.byteLength >> 1));
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/model`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('loads a model over HTTP, skipping absent variants, with monotone progress per file', async () => {
    const events: FileProgress[] = [];
    const model = await loadGliner(base, { onProgress: (p) => events.push(p), backend: 'wasm' });
    const onnx = events.filter((e) => e.file === 'onnx/model.onnx');
    const size = readFileSync(join(TINY, 'onnx', 'model.onnx')).byteLength;
    expect(onnx.at(-1)).toEqual({ file: 'onnx/model.onnx', loaded: size, total: size });
    expect(onnx.map((e) => e.loaded)).toEqual([...onnx.map((e) => e.loaded)].sort((a, b) => a - b));
    expect(requested).toContain('onnx/model_quantized.onnx'); // tried first, answered 404
    const [spans] = await model.predict(['Jean Dupont from Lyon works for Airbus.'], ['person', 'location', 'street address', 'organization'], { threshold: 0.5 });
    expect(spans!.length).toBeGreaterThan(0);
    await model.dispose();
  });

  it('reports a missing config with its file name, not a network error', async () => {
    await expect(loadGliner(`${base}/nowhere`)).rejects.toMatchObject({ reason: 'file_missing' });
  });

  it('uses the fetch it is given', async () => {
    const seen: string[] = [];
    const reader = openSource(new URL(`${base}/`), { fetch: (input, init) => { seen.push(String(input)); return fetch(input, init); } });
    await reader.json('tokenizer_config.json', true);
    expect(seen).toEqual([`${base}/manifest.json`, `${base}/tokenizer_config.json`]); // the manifest first, once
  });
});

describe('contents sources', () => {
  it('accepts parsed objects or JSON bytes for the JSON files', async () => {
    const config = JSON.parse(readFileSync(join(TINY, 'gliner_config.json'), 'utf8')) as object;
    const reader = openSource({ config, tokenizer: new Uint8Array(readFileSync(join(TINY, 'tokenizer.json'))), onnx: new Uint8Array(4) });
    expect(await reader.json('gliner_config.json', true)).toBe(config);
    expect(await reader.json('tokenizer.json', true)).toHaveProperty('model');
    expect(await reader.json('tokenizer_config.json', false)).toBeUndefined();
  });

  it('refuses JSON bytes that do not parse, without quoting them', async () => {
    const reader = openSource({ config: new TextEncoder().encode('{"secret": '), tokenizer: {}, onnx: new Uint8Array(4) });
    const error = await reader.json('gliner_config.json', true).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ reason: 'file_unreadable' });
    expect((error as Error).message).not.toContain('secret');
  });
});

describe('backend choice', () => {
  it('recognizes int8 file names, which auto keeps off WebGPU', async () => {
    const { isInt8File } = await import('../../src/gliner/files.js');
    expect(isInt8File('onnx/model_quantized.onnx')).toBe(true);
    expect(isInt8File('model_int8.onnx')).toBe(true);
    expect(isInt8File('onnx/model_fp16.onnx')).toBe(false);
    expect(isInt8File('onnx/model.onnx')).toBe(false);
  });

  it('says which step failed when an explicit webgpu backend cannot open (Node has no WebGPU)', async () => {
    const error = await loadGliner(TINY, { backend: 'webgpu' }).then(
      async (m) => { await m.dispose(); return undefined; },
      (e: unknown) => e as Error,
    );
    expect(error).toMatchObject({ code: 'model_load_failed', reason: 'session_failed' });
    expect(error!.message).toMatch(/on webgpu/);
  });

  it('resolves auto to wasm in Node', async () => {
    const model = await loadGliner(TINY);
    expect(model.backend).toBe('wasm');
    await model.dispose();
  });
});

describe('aborting a load', () => {
  it('rejects with code aborted when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(loadGliner(TINY, { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
  });

  it('rejects with code aborted when aborted between files', async () => {
    const controller = new AbortController();
    const load = loadGliner(TINY, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(load).rejects.toMatchObject({ code: 'aborted' });
  });
});
