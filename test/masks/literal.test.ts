import { describe, expect, it } from 'vitest';
import { createMasker } from '../../src/masks/index.js';
import { spansIn } from './helpers.js';

describe('literal replacement (the anonymization-run form)', () => {
  it.each([
    ['<EMAIL>', 'mail a@b.co today', 'mail <EMAIL> today'], // the run's usual form
    ['', 'mail a@b.co today', 'mail  today'], // empty string deletes the value
    ['🙈', 'mail a@b.co', 'mail 🙈'], // emoji replacement
    ['redact', 'mail a@b.co', 'mail redact'], // lower-case strategy word is a literal
    ['$&$1', 'mail a@b.co', 'mail $&$1'], // replacement patterns are not interpreted
  ])('when the rule is %j then %j becomes %j', async (rule, text, expected) => {
    expect(await createMasker().mask(text, spansIn(text, ['a@b.co', 'EMAIL']), { EMAIL: rule })).toBe(expected);
  });

  it('REPLACE with a value parameter is the same as a literal (for strings that are strategy words)', async () => {
    const text = 'mail a@b.co';
    const out = await createMasker().mask(text, spansIn(text, ['a@b.co', 'EMAIL']), { EMAIL: { strategy: 'REPLACE', params: { value: 'KEEP' } } });
    expect(out).toBe('mail KEEP');
  });
});

describe('a strategy-shaped word is refused, not written as a literal', () => {
  it.each([
    ['REDCT', /unknown strategy "REDCT" for EMAIL; did you mean REDACT\?/],
    ['SCRAMBLE', /unknown strategy "SCRAMBLE" for EMAIL; one of REDACT, REPLACE/],
    ['REDACTED', /did you mean REDACT\?/],
  ])('%s', async (rule, message) => {
    const text = 'mail a@b.co';
    await expect(createMasker().mask(text, spansIn(text, ['a@b.co', 'EMAIL']), { EMAIL: rule })).rejects.toThrow(message);
  });

  it('the object form still writes any string', async () => {
    const text = 'mail a@b.co';
    expect(await createMasker().mask(text, spansIn(text, ['a@b.co', 'EMAIL']), { EMAIL: { strategy: 'REPLACE', params: { value: 'REDCT' } } })).toBe('mail REDCT');
  });
});
