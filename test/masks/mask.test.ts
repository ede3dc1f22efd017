import { describe, expect, it } from 'vitest';
import { createMasker } from '../../src/masks/index.js';
import { mask } from '../../src/masks/mask.js';
import type { MaskParams } from '../../src/masks/mask.js';
import { spansIn } from './helpers.js';

const run = (text: string, value: string, params: Partial<MaskParams>) =>
  createMasker().mask(text, spansIn(text, [value, 'CREDIT_CARD']), { CREDIT_CARD: { strategy: 'MASK', params } });

describe('MASK', () => {
  it.each([
    ['card 4111 1111 1111 1111', '4111 1111 1111 1111', {}, 'card *******************'], // default: every character
    ['card 4111 1111 1111 1111', '4111 1111 1111 1111', { keep: 4 }, 'card ***************1111'], // keep the last 4
    ['card 4111111111111111.', '4111111111111111', { keep: 4, fromEnd: false }, 'card 4111************.'], // keep the first 4
    ['x 12345678 y', '12345678', { char: '#', keep: 2 }, 'x ######78 y'], // other char
    ['x 1234 y', '1234', { keep: 4 }, 'x **34 y'], // keep capped at half the value
    ['x 12 y', '12', { char: '🙈' }, 'x 🙈🙈 y'], // emoji mask char
    ['😀Zoë👩‍👩‍👧😀', 'Zoë👩‍👩‍👧', { keep: 1 }, '😀***👩‍👩‍👧😀'], // a ZWJ family is one character
    ['e\u0301t\u00e9', 'e\u0301t\u00e9', {}, '***'], // a combining accent stays with its letter
  ] as Array<[string, string, Partial<MaskParams>, string]>)('when %j with %j then %j', async (text, value, params, expected) => {
    expect(await run(text, value, params)).toBe(expected);
  });

  it.each([
    [{ char: '' }, 'char'], // empty char
    [{ char: '**' }, 'char'], // two chars
    [{ char: 5 }, 'char'], // not a string
    [{ keep: -1 }, 'keep'], // negative
    [{ keep: 1.5 }, 'keep'], // not an integer
    [{ fromEnd: 'yes' }, 'fromEnd'], // not a boolean
    [{ chars_to_mask: 3 }, 'chars_to_mask'], // Presidio's name is not ours
  ] as Array<[Record<string, unknown>, string]>)('when params are %j then validate names %s', (params, name) => {
    expect(() => mask.validate(params)).toThrow(new RegExp(name));
  });
});
