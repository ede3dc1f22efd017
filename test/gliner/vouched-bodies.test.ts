/**
 * Bytes a pii-local step already hashed (the model cache, `vouched-bodies.ts`) are taken by the
 * loader without a second hash; anything else is still checked against the manifest, and a vouched
 * hash that is not the manifest's counts for nothing.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelFetch } from '../../src/browser/model-cache.js';
import { loadGliner } from '../../src/gliner/index.js';
import { vouch, vouchedIntegrity } from '../../src/gliner/vouched-bodies.js';

const TINY = join(import.meta.dirname, '..', '..', 'models', 'fixtures', 'tiny-random');
const FILES = ['gliner_config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'];
const integrity = (bytes: Uint8Array) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`;
const MANIFEST = JSON.stringify({
  files: Object.fromEntries(FILES.map((f) => [f, { size: readFileSync(join(TINY, f)).byteLength, integrity: integrity(readFileSync(join(TINY, f))) }])),
});

describe('vouched bodies', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/model\//, '');
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
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/model/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('the model cache vouches for the hash of what it downloaded', async () => {
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
    const claim = claimed(original);
    const out = new Response(bytes, { status: 200, headers: { 'content-type': 'application/json' } });
    return vouch(out, claim);
  };

  it('checks bytes nobody vouched for, and bytes vouched with another hash, against the manifest', async () => {
    const refused = /tokenizer_config\.json from the model .* does not match its manifest\.json/;
    await expect(loadGliner(base, { backend: 'wasm', fetch: altered(() => undefined) })).rejects.toThrow(refused);
    await expect(loadGliner(base, { backend: 'wasm', fetch: altered((o) => integrity(o.subarray(1))) })).rejects.toThrow(refused);
  });

  it('takes vouched bytes without hashing them again', async () => {
    // vouched with the manifest's hash (a step that hashed them says so): the loader believes it
    const model = await loadGliner(base, { backend: 'wasm', fetch: altered((o) => integrity(o)) });
    await model.dispose();
  });
});
