import { describe, expect, it } from 'vitest';
import { createMasker } from '../../src/masks/index.js';
import { redact } from '../../src/masks/redact.js';
import { spansIn } from './helpers.js';

describe('REDACT', () => {
  it.each([
    ['Call Ann Lee now', [['Ann Lee', 'PERSON']], 'Call [PERSON] now'], // middle of text
    ['Ann Lee called', [['Ann Lee', 'PERSON']], '[PERSON] called'], // span at start
    ['mail: a@b.co', [['a@b.co', 'EMAIL']], 'mail: [EMAIL]'], // span at end
    ['Ann Lee', [['Ann Lee', 'PERSON']], '[PERSON]'], // span is the whole text
    ['AnnBob', [['Ann', 'PERSON'], ['Bob', 'PERSON']], '[PERSON][PERSON]'], // adjacent spans
    ['😀 Zoë 👩‍👩‍👧 ok', [['Zoë 👩‍👩‍👧', 'PERSON']], '😀 [PERSON] ok'], // emoji inside and around
    ['nothing here', [], 'nothing here'], // empty spans list
    ['', [], ''], // empty text
  ] as Array<[string, Array<[string, string]>, string]>)('when %j then %j', async (text, marks, expected) => {
    expect(await createMasker().mask(text, spansIn(text, ...marks), { PERSON: 'REDACT', EMAIL: 'REDACT' })).toBe(expected);
  });

  it('is the default rule for types not in the config', async () => {
    const text = 'Ann at a@b.co';
    expect(await createMasker().mask(text, spansIn(text, ['Ann', 'PERSON'], ['a@b.co', 'EMAIL']), {})).toBe('[PERSON] at [EMAIL]');
  });

  it('writes the caller’s name for the type', async () => {
    const text = 'mail a@b.co';
    const out = await createMasker().mask(text, spansIn(text, ['a@b.co', 'EMAIL']), {}, (t) => (t === 'EMAIL' ? 'email' : t));
    expect(out).toBe('mail [email]');
  });

  it('takes no parameters', () => {
    expect(() => redact.validate({})).not.toThrow();
    expect(() => redact.validate({ label: 'X' })).toThrow(/REDACT has no parameter "label"/);
  });
});
