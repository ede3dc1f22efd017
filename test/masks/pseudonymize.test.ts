import { describe, expect, it } from 'vitest';
import { createMasker, deanonymize } from '../../src/masks/index.js';
import { spansIn } from './helpers.js';

const config = { PERSON: 'PSEUDONYMIZE', EMAIL: 'PSEUDONYMIZE' };

describe('PSEUDONYMIZE', () => {
  it.each([
    ['Ann met Bob', [['Ann', 'PERSON'], ['Bob', 'PERSON']], '<PERSON_1> met <PERSON_2>'], // numbered in order of first sight
    ['Ann, then Ann', [['Ann', 'PERSON'], ['Ann', 'PERSON']], '<PERSON_1>, then <PERSON_1>'], // same value, same token
    ['Ann a@b.co', [['Ann', 'PERSON'], ['a@b.co', 'EMAIL']], '<PERSON_1> <EMAIL_1>'], // counters per type
    ['AnnBob', [['Ann', 'PERSON'], ['Bob', 'PERSON']], '<PERSON_1><PERSON_2>'], // adjacent spans
    ['<PERSON_1> is Ann', [['Ann', 'PERSON']], '<PERSON_1> is <PERSON_2>'], // a look-alike in the text is skipped
    ['😀Zoë👩‍👩‍👧😀', [['Zoë👩‍👩‍👧', 'PERSON']], '😀<PERSON_1>😀'], // emoji around and inside
  ] as Array<[string, Array<[string, string]>, string]>)('when %j then %j, and deanonymize restores it', async (text, marks, expected) => {
    const masker = createMasker();
    const out = await masker.mask(text, spansIn(text, ...marks), config);
    expect(out).toBe(expected);
    expect(await deanonymize(out, { pseudonymMap: masker.pseudonymMap() })).toBe(text);
  });

  it('stays consistent across the texts of one masker and returns the map', async () => {
    const masker = createMasker();
    const a = await masker.mask('Ann', [{ start: 0, end: 3, label: 'PERSON', score: 1 }], config);
    const b = await masker.mask('Bob and Ann', spansIn('Bob and Ann', ['Bob', 'PERSON'], ['Ann', 'PERSON']), config);
    expect(a).toBe('<PERSON_1>');
    expect(b).toBe('<PERSON_2> and <PERSON_1>');
    expect(masker.pseudonymMap()).toEqual({ '<PERSON_1>': 'Ann', '<PERSON_2>': 'Bob' });
  });

  it('uses the caller’s type name, folded to a token-safe word', async () => {
    const masker = createMasker();
    const out = await masker.mask('Ann', [{ start: 0, end: 3, label: 'PERSON', score: 1 }], config, () => 'first name');
    expect(out).toBe('<first_name_1>');
  });

  it('continues a map from an earlier job', async () => {
    const masker = createMasker({ pseudonymMap: { '<PERSON_1>': 'Ann', '<PERSON_7>': 'Bob' } });
    const text = 'Ann and Cy';
    expect(await masker.mask(text, spansIn(text, ['Ann', 'PERSON'], ['Cy', 'PERSON']), config)).toBe('<PERSON_1> and <PERSON_8>');
  });

  it('restores an original that itself looks like a token, verbatim (one pass)', async () => {
    const masker = createMasker();
    const text = 'x <PERSON_9> y Bob';
    const out = await masker.mask(text, spansIn(text, ['<PERSON_9>', 'PERSON'], ['Bob', 'PERSON']), config);
    expect(await deanonymize(out, { pseudonymMap: masker.pseudonymMap() })).toBe(text);
  });
});
