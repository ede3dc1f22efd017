import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('SE_PERSONAL_NUMBER', () => {
  it.each(['811218-9876', '19811218-9876', '8112189876', '811278-9873'])('finds %s at 1.0', (value) => {
    expect(found(`personnummer ${value}`, 'SE_PERSONAL_NUMBER')).toEqual([{ value, score: 1 }]);
  });
  it.each([['811218-9875'], ['811318-9876'], ['17811218-9876'], ['x811218-9876'], ['811218-98760']])('rejects %j', (text) => {
    expect(values(text, 'SE_PERSONAL_NUMBER')).toEqual([]);
  });
});
