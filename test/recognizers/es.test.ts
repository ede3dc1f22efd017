import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('ES_NIF', () => {
  it.each(['12345678Z', '12345678-Z', '00000000T', '2222222-P', '2222222P', '02222222P'])('finds %s at 1.0 (mod 23 letter)', (value) => {
    expect(found(`DNI ${value}`, 'ES_NIF')).toEqual([{ value, score: 1 }]);
  });
  it.each([['12345678A'], ['1234567Z'], ['x12345678Z'], ['12345678Zz']])('rejects %j', (text) => {
    expect(values(text, 'ES_NIF')).toEqual([]);
  });
});

describe('ES_NIE', () => {
  it.each(['X1234567L', 'Y1234567X', 'Z-1234567-R'])('finds %s at 1.0', (value) => {
    expect(found(`NIE ${value}`, 'ES_NIE')).toEqual([{ value, score: 1 }]);
  });
  it.each([['X1234567A'], ['W1234567L'], ['X123456L']])('rejects %j', (text) => {
    expect(values(text, 'ES_NIE')).toEqual([]);
  });
});

describe('ES_PASSPORT', () => {
  it.each(['PAA123456', 'XD654321'])('keeps %s at 0.05, 0.4 after "pasaporte"', (value) => {
    expect(found(`no. ${value}`, 'ES_PASSPORT', { contextWindow: 0 })).toEqual([{ value, score: 0.05 }]);
    expect(found(`pasaporte ${value}`, 'ES_PASSPORT')[0]?.score).toBeCloseTo(0.4);
  });
  it.each([['PAAA123456'], ['PAA12345'], ['PAA1234567'], ['P123456']])('rejects %j', (text) => {
    expect(values(text, 'ES_PASSPORT')).toEqual([]);
  });
});
