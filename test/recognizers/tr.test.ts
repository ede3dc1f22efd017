import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('TR_NATIONAL_ID', () => {
  it.each(['10000000146', '12345678950'])('finds %s at 1.0', (value) => {
    expect(found(`TCKN ${value}`, 'TR_NATIONAL_ID')).toEqual([{ value, score: 1 }]);
  });
  it.each([['10000000147'], ['01234567890'], ['1000000014'], ['x10000000146']])('rejects %j', (text) => {
    expect(values(text, 'TR_NATIONAL_ID')).toEqual([]);
  });
});
