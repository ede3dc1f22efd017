import { describe, expect, it } from 'vitest';
import { createMasker, MaskSpanError, validateMaskConfig, validateMaskerOptions, MaskConfigError } from '../../src/masks/index.js';
import type { MaskConfig } from '../../src/masks/index.js';
import type { Span } from '../../src/types.js';
import { KEY_A } from './helpers.js';

const span = (start: number, end: number, label = 'PERSON'): Span => ({ start, end, label, score: 1 });

describe('createMasker().mask: the span contract', () => {
  it.each([
    ['unsorted', 'Ann Bob', [span(4, 7), span(0, 3)]],
    ['overlapping', 'Ann Bob', [span(0, 5), span(4, 7)]],
    ['past the end', 'Ann', [span(0, 4)]],
    ['negative', 'Ann', [span(-1, 2)]],
    ['reversed', 'Ann', [span(2, 1)]],
  ])('when spans are %s then it rejects with a MaskSpanError that holds no text', async (_case, text, spans) => {
    const error = await createMasker().mask(text, spans, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MaskSpanError);
    expect((error as Error).message).not.toMatch(/Ann|Bob/);
  });

  it('skips empty spans', async () => {
    expect(await createMasker().mask('Ann', [span(1, 1)], {})).toBe('Ann');
  });

  it('widens an edge that falls inside a surrogate pair to the whole code point', async () => {
    const text = 'a😀b';
    expect(await createMasker().mask(text, [span(2, 4)], {})).toBe('a[PERSON]');
    expect(await createMasker().mask(text, [span(0, 2)], {})).toBe('[PERSON]b');
    // Two spans that meet inside the pair: the first takes the code point, the second keeps the rest.
    expect(await createMasker().mask(text, [span(1, 2), span(2, 4, 'EMAIL')], {})).toBe('a[PERSON][EMAIL]');
  });

  it('leaves the text between spans untouched, byte for byte', async () => {
    const text = ' \u200B😀 Ann \r\n\t Bob \uFEFF';
    const out = await createMasker().mask(text, [span(5, 8), span(13, 16)], {});
    expect(out).toBe(' \u200B😀 [PERSON] \r\n\t [PERSON] \uFEFF');
  });

  it('uses defaultRule for types absent from the config', async () => {
    const masker = createMasker({ defaultRule: 'KEEP' });
    expect(await masker.mask('Ann a@b.co', [span(0, 3), span(4, 10, 'EMAIL')], { EMAIL: 'REDACT' })).toBe('Ann [EMAIL]');
  });

  it('mixes strategies per type in one text', async () => {
    const text = 'Ann a@b.co 4111111111111111';
    const out = await createMasker({ hashKey: KEY_A }).mask(text, [span(0, 3), span(4, 10, 'EMAIL'), span(11, 27, 'CREDIT_CARD')], {
      PERSON: 'PSEUDONYMIZE',
      EMAIL: '<EMAIL>',
      CREDIT_CARD: { strategy: 'MASK', params: { keep: 4 } },
    });
    expect(out).toBe('<PERSON_1> <EMAIL> ************1111');
  });
});

describe('createMasker().maskNow', () => {
  const text = 'Ann a@b.co Bob';
  const spans = [span(0, 3), span(4, 10, 'EMAIL'), span(11, 14)];

  it('returns the masked text itself when every rule it applies is synchronous', () => {
    const out = createMasker({ seed: 3 }).maskNow(text, spans, { PERSON: 'PSEUDONYMIZE', EMAIL: 'MASK' });
    expect(typeof out).toBe('string');
    expect(out).toBe('<PERSON_1> ****** <PERSON_2>');
  });

  it('returns a promise from the first asynchronous rule on, with what mask gives', async () => {
    const config: MaskConfig = { PERSON: 'PSEUDONYMIZE', EMAIL: 'HASH' };
    const out = createMasker({ hashKey: KEY_A }).maskNow(text, spans, config);
    expect(out).toBeInstanceOf(Promise);
    expect(await out).toBe(await createMasker({ hashKey: KEY_A }).mask(text, spans, config));
  });

  it('throws (rather than rejects) on spans that break the merge guarantee', () => {
    expect(() => createMasker().maskNow('Ann Bob', [span(4, 7), span(0, 3)], {})).toThrow(MaskSpanError);
  });
});

describe('validateMaskConfig', () => {
  it.each([
    [{ PERSON: 'REDACT', EMAIL: 'REPLACE', CREDIT_CARD: { strategy: 'MASK', params: { keep: 4 } } }], // strategies
    [{ EMAIL: '<EMAIL>', PERSON: '' }], // literals
    [{}], // empty
  ] as Array<[MaskConfig]>)('when %j then it passes', (config) => {
    expect(() => validateMaskConfig(config)).not.toThrow();
  });

  it.each([
    [{ EMAIL: { strategy: 'SHRED' } }, 'EMAIL', /unknown strategy "SHRED"; one of REDACT, REPLACE, MASK, HASH, ENCRYPT, PSEUDONYMIZE, KEEP/],
    [{ EMAIL: { strategy: 'MASK', params: { colour: 'red' } } }, 'EMAIL.params.colour', /EMAIL: MASK has no parameter "colour"/],
    [{ EMAIL: { strategy: 'HASH', params: { length: 2 } } }, 'EMAIL.params.length', /HASH parameter length must be an integer from 8 to 64/],
    [{ EMAIL: { strategy: 'MASK', params: 'x' } }, 'EMAIL.params', /must be an object/],
    [{ EMAIL: { strategy: 'MASK', extra: 1 } }, 'EMAIL', /unknown key "extra"/],
    [{ EMAIL: 42 }, 'EMAIL', /must be a strategy name/],
  ] as Array<[Record<string, unknown>, string, RegExp]>)('when %j then MaskConfigError with field %s', (config, field, message) => {
    const error = (() => {
      try {
        validateMaskConfig(config as never);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(MaskConfigError);
    expect((error as MaskConfigError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
  });

  it('a bad rule rejects mask before any text is touched', async () => {
    await expect(createMasker().mask('Ann', [span(0, 3)], { PERSON: { strategy: 'MASK', params: { keep: -1 } } })).rejects.toBeInstanceOf(MaskConfigError);
  });
});

describe('validateMaskerOptions', () => {
  it.each([
    [{ hashKey: '!!' }, 'hashKey'],
    [{ encryptionKey: Buffer.alloc(3).toString('base64') }, 'encryptionKey'],
    [{ seed: 1.5 }, 'seed'],
  ])('when %j then it names %s', (options, field) => {
    expect(() => validateMaskerOptions(options)).toThrow(expect.objectContaining({ field }));
  });

  it('passes good keys', () => {
    expect(() => validateMaskerOptions({ hashKey: KEY_A, encryptionKey: KEY_A, seed: 3 })).not.toThrow();
  });
});
