import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('FI_PERSONAL_IDENTITY_CODE', () => {
  it.each(['131052-308T', '010105A123P'])('finds %s at 1.0', (value) => {
    expect(found(`hetu ${value}`, 'FI_PERSONAL_IDENTITY_CODE')).toEqual([{ value, score: 1 }]);
  });
  it.each([
    ['131052-308U'], // control character
    ['310252-308T'], // 31 February
    ['290200+123A'], // 29 Feb 1800 (not a leap year) — Presidio's old bug
    ['131052-308'],
    ['x131052-308T'],
  ])('rejects %j', (text) => {
    expect(values(text, 'FI_PERSONAL_IDENTITY_CODE')).toEqual([]);
  });
});
