import { describe, expect, it } from 'vitest';
import { createMasker, deanonymize } from '../../src/masks/index.js';
import { KEY_A, spansIn } from './helpers.js';

describe('deanonymize', () => {
  it('restores a text masked with ENCRYPT and PSEUDONYMIZE together', async () => {
    const text = 'Ann Lee (a@b.co) paid with 4111 1111 1111 1111 😀';
    const masker = createMasker({ encryptionKey: KEY_A });
    const spans = spansIn(text, ['Ann Lee', 'PERSON'], ['a@b.co', 'EMAIL'], ['4111 1111 1111 1111', 'CREDIT_CARD']);
    const out = await masker.mask(text, spans, { PERSON: 'PSEUDONYMIZE', EMAIL: 'ENCRYPT', CREDIT_CARD: 'REDACT' });
    expect(await deanonymize(out, { encryptionKey: KEY_A, pseudonymMap: masker.pseudonymMap() })).toBe('Ann Lee (a@b.co) paid with [CREDIT_CARD] 😀');
  });

  it('leaves tokens that are not in the map', async () => {
    expect(await deanonymize('<PERSON_1> and <PERSON_2>', { pseudonymMap: { '<PERSON_2>': 'Bob' } })).toBe('<PERSON_1> and Bob');
  });

  it('leaves text without tokens unchanged', async () => {
    const text = 'plain ⟦ENC: not a token⟧ <x> 😀';
    expect(await deanonymize(text, { encryptionKey: KEY_A, pseudonymMap: {} })).toBe(text);
  });

  it('does not look up inherited keys of the map', async () => {
    expect(await deanonymize('<constructor_1>', { pseudonymMap: {} })).toBe('<constructor_1>');
  });
});
