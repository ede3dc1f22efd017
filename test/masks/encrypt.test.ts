import { describe, expect, it } from 'vitest';
import { createMasker, deanonymize } from '../../src/masks/index.js';
import { KEY_A, KEY_B, spansIn } from './helpers.js';

const TOKEN = /⟦ENC:[A-Za-z0-9_-]+⟧/g;

describe('ENCRYPT', () => {
  it.each([
    ['Call Ann Lee now', [['Ann Lee', 'PERSON']]], // one span
    ['Ann Lee', [['Ann Lee', 'PERSON']]], // whole text
    ['AnnBob', [['Ann', 'PERSON'], ['Bob', 'PERSON']]], // adjacent spans
    ['😀 Zoë 👩‍👩‍👧 ⟦ENC:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA⟧', [['Zoë 👩‍👩‍👧', 'PERSON']]], // emoji and a look-alike token
    ['x ⟦ENC:abc⟧ y', [['⟦ENC:abc⟧', 'PERSON']]], // a value that looks like a token
  ] as Array<[string, Array<[string, string]>]>)('when %j then tokens replace the spans and deanonymize restores it', async (text, marks) => {
    const masker = createMasker({ encryptionKey: KEY_A });
    const spans = spansIn(text, ...marks);
    const out = await masker.mask(text, spans, { PERSON: 'ENCRYPT' });
    for (const [value] of marks) if (!text.replace(value, '').includes(value)) expect(out).not.toContain(value);
    expect(out.match(TOKEN)!.length).toBeGreaterThanOrEqual(marks.length);
    expect(await deanonymize(out, { encryptionKey: KEY_A })).toBe(text);
  });

  it('draws a fresh IV per value: equal values give different tokens', async () => {
    const text = 'Ann Ann';
    const out = await createMasker({ encryptionKey: KEY_A }).mask(text, spansIn(text, ['Ann', 'PERSON'], ['Ann', 'PERSON']), { PERSON: 'ENCRYPT' });
    const [a, b] = out.split(' ');
    expect(a).not.toBe(b);
  });

  it('with the wrong key, deanonymize leaves the tokens as they are', async () => {
    const text = 'Call Ann';
    const out = await createMasker({ encryptionKey: KEY_A }).mask(text, spansIn(text, ['Ann', 'PERSON']), { PERSON: 'ENCRYPT' });
    expect(await deanonymize(out, { encryptionKey: KEY_B })).toBe(out);
    expect(await deanonymize(out, {})).toBe(out);
  });

  it.each([
    [undefined, /ENCRYPT needs an encryption key/], // no key
    [Buffer.alloc(16).toString('base64'), /exactly 32 bytes/], // AES-128 size
    ['not base64!', /encryptionKey is not valid base64/], // garbage
  ])('when the key is %j then mask rejects with a message naming the key, not the text', async (key, message) => {
    const masker = createMasker(key === undefined ? {} : { encryptionKey: key });
    const error = await masker.mask('secret Ann', [{ start: 7, end: 10, label: 'PERSON', score: 1 }], { PERSON: 'ENCRYPT' }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/secret|Ann/);
  });

  it('accepts a WebCrypto key', async () => {
    const key = await crypto.subtle.importKey('raw', KEY_B, 'AES-GCM', false, ['encrypt', 'decrypt']);
    const out = await createMasker({ encryptionKey: key }).mask('Ann', [{ start: 0, end: 3, label: 'PERSON', score: 1 }], { PERSON: 'ENCRYPT' });
    expect(await deanonymize(out, { encryptionKey: KEY_B })).toBe('Ann');
  });
});
