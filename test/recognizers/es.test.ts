import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('ES_NIF', () => {
  it.each(['12345678Z', '12345678-Z', '00000000T'])('finds %s at 1.0 (mod 23 letter)', (value) => {
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
