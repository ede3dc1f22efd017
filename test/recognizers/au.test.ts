import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('Australian identifiers', () => {
  it.each([
    ['AU_ABN', 'ABN', '51 824 753 556'],
    ['AU_ABN', 'ABN', '51824753556'],
    ['AU_ACN', 'ACN', '000 000 019'],
    ['AU_ACN', 'ACN', '005 499 981'],
    ['AU_TFN', 'TFN', '123 456 782'],
    ['AU_MEDICARE', 'Medicare', '2123 45670 1'],
    ['AU_MEDICARE', 'Medicare', '2123456701'],
  ])('%s: finds "%s %s" at 1.0 (checksum + context)', (type, word, value) => {
    expect(found(`${word} ${value}`, type)).toEqual([{ value, score: 1 }]);
  });

  it('scores a passing single check digit 0.7 without context (ACN, TFN and SIN share a shape)', () => {
    expect(found('no. 123 456 782', 'AU_TFN')).toEqual([{ value: '123 456 782', score: 0.7 }]);
    expect(found('no. 2123456701', 'AU_MEDICARE')).toEqual([{ value: '2123456701', score: 0.7 }]);
    // ABN's mod-89 check is strong enough on its own.
    expect(found('no. 51824753556', 'AU_ABN')).toEqual([{ value: '51824753556', score: 1 }]);
  });
  it.each([
    ['AU_ABN', '51 824 753 557'],
    ['AU_ACN', '000 000 018'],
    ['AU_TFN', '123 456 783'],
    ['AU_MEDICARE', '7123 45670 1'], // first digit 2–6
    ['AU_MEDICARE', '2123 45671 1'],
    ['AU_ABN', 'x51824753556'],
  ])('%s: rejects %s', (type, text) => {
    expect(values(text, type)).toEqual([]);
  });
});
