import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('Australian identifiers', () => {
  it.each([
    ['AU_ABN', '51 824 753 556'],
    ['AU_ABN', '51824753556'],
    ['AU_ACN', '000 000 019'],
    ['AU_ACN', '005 499 981'],
    ['AU_TFN', '123 456 782'],
    ['AU_MEDICARE', '2123 45670 1'],
    ['AU_MEDICARE', '2123456701'],
  ])('%s: finds %s at 1.0 (checksum)', (type, value) => {
    expect(found(`no. ${value}`, type)).toEqual([{ value, score: 1 }]);
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
