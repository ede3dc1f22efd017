import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('KR_RRN', () => {
  it('lifts a pre-2020 number with a valid check digit to 1.0', () => {
    expect(found('RRN 900101-1234568', 'KR_RRN')).toEqual([{ value: '900101-1234568', score: 1 }]);
    expect(found('x 9001011234568', 'KR_RRN')).toEqual([{ value: '9001011234568', score: 1 }]);
  });
  it('keeps a number whose last digits are random (post-2020) at 0.5', () => {
    expect(found('x 900101-1234567', 'KR_RRN', { contextWindow: 0 })).toEqual([{ value: '900101-1234567', score: 0.5 }]);
  });
  it.each([['901301-1234568'], ['900132-1234568'], ['900101-5234568'], ['x900101-1234568']])('rejects %j', (text) => {
    expect(values(text, 'KR_RRN')).toEqual([]);
  });
});
