import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMasker } from '../../src/masks/index.js';
import { hash } from '../../src/masks/hash.js';
import { KEY_A, KEY_B, spansIn } from './helpers.js';

const hmacHex = (key: Uint8Array | Buffer, value: string) => createHmac('sha256', key).update(value, 'utf8').digest('hex');

describe('HASH', () => {
  it.each([
    ['a@b.co', {}, 16], // default length
    ['a@b.co', { length: 64 }, 64], // the whole digest
    ['Zoë 👩‍👩‍👧', { length: 8 }, 8], // UTF-8 of astral characters
  ] as Array<[string, Record<string, unknown>, number]>)('when %j with %j then it is HMAC-SHA-256 hex of length %i', async (value, params, length) => {
    const text = `[${value}]`;
    const out = await createMasker({ hashKey: KEY_A }).mask(text, spansIn(text, [value, 'EMAIL']), { EMAIL: { strategy: 'HASH', params } });
    expect(out).toBe(`[${hmacHex(Buffer.from(KEY_A, 'base64'), value).slice(0, length)}]`);
  });

  it('accepts the key as bytes, base64 or URL-safe base64, with the same result', async () => {
    const bytes = new Uint8Array(32).map((_, i) => i * 7 + 250);
    const text = 'a@b.co';
    const spans = spansIn(text, [text, 'EMAIL']);
    const b64 = Buffer.from(bytes).toString('base64');
    const url = b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const outs = await Promise.all([bytes, b64, url].map((k) => createMasker({ hashKey: k }).mask(text, spans, { EMAIL: 'HASH' })));
    expect(new Set(outs).size).toBe(1);
    expect(outs[0]).toBe(hmacHex(bytes, text).slice(0, 16));
  });

  it('links equal values under one key, not across keys', async () => {
    const text = 'a@b.co a@b.co';
    const spans = spansIn(text, ['a@b.co', 'EMAIL'], ['a@b.co', 'EMAIL']);
    const [x, y] = (await createMasker({ hashKey: KEY_A }).mask(text, spans, { EMAIL: 'HASH' })).split(' ');
    expect(x).toBe(y);
    expect(await createMasker({ hashKey: KEY_B }).mask(text, spans, { EMAIL: 'HASH' })).not.toBe(`${x} ${y}`);
  });

  it('without a key, uses a random per-masker key: stable within the masker, different across maskers', async () => {
    const text = 'a@b.co';
    const spans = spansIn(text, [text, 'EMAIL']);
    const m = createMasker();
    const first = await m.mask(text, spans, { EMAIL: 'HASH' });
    expect(await m.mask(text, spans, { EMAIL: 'HASH' })).toBe(first);
    expect(await createMasker().mask(text, spans, { EMAIL: 'HASH' })).not.toBe(first);
  });

  it.each([
    ['!!', /hashKey is not valid base64/], // not base64
    [Buffer.alloc(8).toString('base64'), /hashKey must be at least 16 bytes/], // too short
  ])('when the key is %j then mask rejects naming hashKey', async (key, message) => {
    await expect(createMasker({ hashKey: key }).mask('a@b.co', [{ start: 0, end: 6, label: 'EMAIL', score: 1 }], { EMAIL: 'HASH' })).rejects.toThrow(message);
  });

  it.each([[{ length: 7 }], [{ length: 65 }], [{ length: '16' }], [{ salt: 'x' }]])('when params are %j then validate throws', (params) => {
    expect(() => hash.validate(params)).toThrow(/HASH/);
  });
});
