import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('PL_PESEL', () => {
  it.each(['44051401359', '02070803628'])('finds %s at 1.0 (date + checksum)', (value) => {
    expect(found(`PESEL ${value}`, 'PL_PESEL')).toEqual([{ value, score: 1 }]);
  });
  it.each([['44051401358'], ['44131401350'], ['4405140135'], ['x44051401359']])('rejects %j', (text) => {
    expect(values(text, 'PL_PESEL')).toEqual([]);
  });
});
