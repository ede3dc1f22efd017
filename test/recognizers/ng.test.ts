import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('NG_NIN', () => {
  it('scores a Verhoeff-valid NIN 0.7 bare, 1.0 after "NIN"', () => {
    expect(found('no. 50719462384', 'NG_NIN', { contextWindow: 0 })).toEqual([{ value: '50719462384', score: 0.7 }]);
    expect(found('NIN 50719462384', 'NG_NIN')).toEqual([{ value: '50719462384', score: 1 }]);
  });
  it.each([['50719462385'], ['5071946238'], ['507194623840'], ['11111111111'], ['x50719462384']])('rejects %j', (text) => {
    expect(values(text, 'NG_NIN')).toEqual([]);
  });
});

describe('NG_VEHICLE_REGISTRATION', () => {
  it.each(['ABC-123DE', 'KJA 456FG', 'LND789AB'])('finds %s at 0.5', (value) => {
    expect(found(`car ${value}.`, 'NG_VEHICLE_REGISTRATION', { contextWindow: 0 })).toEqual([{ value, score: 0.5 }]);
  });
  it.each([['AB-123DE'], ['ABC-1234DE'], ['ABC-123D'], ['abc-123de']])('rejects %j', (text) => {
    expect(values(text, 'NG_VEHICLE_REGISTRATION')).toEqual([]);
  });
});
