import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('ZA_ID_NUMBER', () => {
  it.each(['8001015009087', '800101 5009 087'])('finds %s at 1.0 (date + Luhn)', (value) => {
    expect(found(`ID ${value}`, 'ZA_ID_NUMBER')).toEqual([{ value, score: 1 }]);
  });
  it.each([['8001015009088'], ['8013015009081'], ['8001015009387'], ['x8001015009087']])('rejects %j', (text) => {
    expect(values(text, 'ZA_ID_NUMBER')).toEqual([]);
  });
});
