import { describe, expect, it } from 'vitest';
import { createMasker } from '../../src/masks/index.js';
import { keep } from '../../src/masks/keep.js';
import { spansIn } from './helpers.js';

describe('KEEP', () => {
  it.each([
    ['Call Ann Lee now', [['Ann Lee', 'PERSON']]], // one span
    ['😀Zoë👩‍👩‍👧', [['Zoë', 'PERSON']]], // between emoji
    ['AnnBob', [['Ann', 'PERSON'], ['Bob', 'PERSON']]], // adjacent spans
    ['plain', []], // no spans
  ] as Array<[string, Array<[string, string]>]>)('when %j then the text is unchanged', async (text, marks) => {
    expect(await createMasker().mask(text, spansIn(text, ...marks), { PERSON: 'KEEP' })).toBe(text);
  });

  it('takes no parameters', () => {
    expect(() => keep.validate({ x: 1 })).toThrow(/KEEP has no parameter "x"/);
  });
});
