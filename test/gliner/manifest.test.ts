/**
 * A model folder's manifest.json: the shipped one matches the shipped files, and a URL load checks
 * every file against it; without one, only plausible model files are accepted. HTML pages (a
 * single-page app's fallback for a missing file) are never taken for a model file. Bytes a pii-local
 * step already hashed (the model cache, `vouched-bodies.ts`) are not hashed again; anything else is
 * still checked, and a vouched hash that is not the manifest's counts for nothing.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGliner } from '../../src/gliner/index.js';
import { parseManifest, type ModelManifest } from '../../src/gliner/manifest.js';
import { createModelFetch } from '../../src/browser/model-cache.js';
import { vouch, vouchedIntegrity } from '../../src/gliner/vouched-bodies.js';

const MODELS = join(import.meta.dirname, '..', '..', 'models');
const TINY = join(MODELS, 'fixtures', 'tiny-random');
const integrity = (bytes: Uint8Array) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`;

function manifestOf(dir: string, files: string[]): ModelManifest {
  return { files: Object.fromEntries(files.map((f) => [f, { size: readFileSync(join(dir, f)).byteLength, integrity: integrity(readFileSync(join(dir, f))) }])) };
}

describe('the bundled model manifest', () => {
  it('lists every model file with its size and SHA-256', () => {
    const dir = join(MODELS, 'pii-local-small');
    const parsed = parseManifest(readFileSync(join(dir, 'manifest.json')));
    if ('invalid' in parsed) throw new Error(parsed.invalid);
    const onnx = readdirSync(join(dir, 'onnx')).map((f) => `onnx/${f}`);
    const files = ['gliner_config.json', 'tokenizer.json', 'tokenizer_config.json', ...onnx];
    expect(parsed).toMatchObject(manifestOf(dir, files)); // rebuild with models/scripts/write-manifest.mjs
    expect(Object.keys(parsed.files).sort()).toEqual([...files].sort());
  });
});

describe('loading over HTTP with and without a manifest', () => {
  let server: Server;
  let base: string;
  /** What the server answers per path, besides the tiny model's own files; `html` = SPA fallback. */
  let overrides: Record<string, { body: Uint8Array | string; type: string }> = {};
  let spaFallback = false;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/model\//, '');
      const o = overrides[path];
      if (o) return void res.writeHead(200, { 'content-type': o.type }).end(o.body);
      let body: Buffer;
      try {
        body = readFileSync(join(TINY, path));
      } catch {
        if (spaFallback) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>app</title>');
        else res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/model/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const FILES = ['gliner_config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'];
  const json = (value: unknown) => ({ body: JSON.stringify(value), type: 'application/json' });

  it('loads when every file matches the manifest, behind an SPA fallback too', async () => {
    overrides = { 'manifest.json': json(manifestOf(TINY, FILES)) };
    spaFallback = true; // model_quantized.onnx & co. answer index.html: absent, not a broken model
    const model = await loadGliner(base, { backend: 'wasm' });
    expect(model.backend).toBe('wasm');
    await model.dispose();
    spaFallback = false;
  });

  it('refuses a file that differs from the manifest, saying so', async () => {
    const manifest = manifestOf(TINY, FILES);
    manifest.files['onnx/model.onnx']!.integrity = integrity(new Uint8Array([1, 2, 3]));
    overrides = { 'manifest.json': json(manifest) };
    await expect(loadGliner(base, { backend: 'wasm' })).rejects.toThrow(/onnx\/model\.onnx from the model .* does not match its manifest\.json \(its SHA-256 differs/);
    const short = manifestOf(TINY, FILES);
    short.files['tokenizer.json']!.size += 1;
    overrides = { 'manifest.json': json(short) };
    await expect(loadGliner(base, { backend: 'wasm' })).rejects.toThrow(/tokenizer\.json .*bytes where the manifest says/);
  });

  it('without a manifest, refuses an ONNX file that is not a graph', async () => {
    overrides = { 'onnx/model.onnx': { body: 'not a model at all', type: 'application/octet-stream' } };
    await expect(loadGliner(base, { backend: 'wasm' })).rejects.toThrow(/onnx\/model\.onnx from the model .* is not an ONNX graph/);
  });

  it('refuses a manifest that is not one', async () => {
    overrides = { 'manifest.json': json({ files: { 'tokenizer.json': { size: 1 } } }) };
    await expect(loadGliner(base, { backend: 'wasm' })).rejects.toThrow(/manifest\.json of the model .* is not a model manifest/);
  });

  it('the model cache vouches for the hash of what it downloaded', async () => {
    overrides = { 'manifest.json': json(manifestOf(TINY, FILES)) };
    const response = await createModelFetch()(`${base}tokenizer.json`);
    const bytes = new Uint8Array(readFileSync(join(TINY, 'tokenizer.json')));
    expect(vouchedIntegrity(response)).toBe(integrity(bytes));
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    const model = await loadGliner(base, { backend: 'wasm', fetch: createModelFetch() });
    await model.dispose();
  });

  /** A fetch that serves tokenizer_config.json with a newline made a space, vouched with `claimed`. */
  const altered = (claimed: (original: Uint8Array) => string | undefined): typeof fetch => async (input, init) => {
    const response = await fetch(input, init);
    if (!String(input).endsWith('/tokenizer_config.json')) return response;
    const original = new Uint8Array(await response.arrayBuffer());
    const bytes = original.slice();
    bytes[bytes.indexOf(0x0a)] = 0x20; // same size, still the same JSON
    const out = new Response(bytes, { status: 200, headers: { 'content-type': 'application/json' } });
    return vouch(out, claimed(original));
  };

  it('checks bytes nobody vouched for, and bytes vouched with another hash, against the manifest', async () => {
    overrides = { 'manifest.json': json(manifestOf(TINY, FILES)) };
    const refused = /tokenizer_config\.json from the model .* does not match its manifest\.json/;
    await expect(loadGliner(base, { backend: 'wasm', fetch: altered(() => undefined) })).rejects.toThrow(refused);
    await expect(loadGliner(base, { backend: 'wasm', fetch: altered((o) => integrity(o.subarray(1))) })).rejects.toThrow(refused);
  });

  it('takes vouched bytes without hashing them again', async () => {
    overrides = { 'manifest.json': json(manifestOf(TINY, FILES)) };
    // vouched with the manifest's hash (a step that hashed them says so): the loader believes it
    const model = await loadGliner(base, { backend: 'wasm', fetch: altered((o) => integrity(o)) });
    await model.dispose();
  });
});
