import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('IN_AADHAAR', () => {
  it.each(['2341 2341 2346', '234123412346', '4991 1866 5246'])('finds %s at 1.0 (Verhoeff)', (value) => {
    expect(found(`Aadhaar ${value}`, 'IN_AADHAAR')).toEqual([{ value, score: 1 }]);
  });
  it.each([['2341 2341 2347'], ['1341 2341 2346'], ['2341 2341-2346'], ['x234123412346']])('rejects %j', (text) => {
    expect(values(text, 'IN_AADHAAR')).toEqual([]);
  });
});

describe('IN_PAN', () => {
  it('finds a PAN at 0.5', () => {
    expect(found('id ABCPE1234F.', 'IN_PAN', { contextWindow: 0 })).toEqual([{ value: 'ABCPE1234F', score: 0.5 }]);
  });
  it.each([['ABCDE1234F'], ['ABCPE12345'], ['xABCPE1234F']])('rejects %j', (text) => {
    expect(values(text, 'IN_PAN')).toEqual([]);
  });
});
