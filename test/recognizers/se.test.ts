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

describe('SE_ORGANISATIONSNUMMER', () => {
  it.each([['556281-4375', 0.7], ['5562814375', 0.7]])('finds %s at %d (Luhn)', (value, score) => {
    expect(found(`org ${value}`, 'SE_ORGANISATIONSNUMMER', { contextWindow: 0 })).toEqual([{ value, score }]);
  });
  it('reaches 1.0 after "organisationsnummer"', () => {
    expect(found('organisationsnummer 556281-4375', 'SE_ORGANISATIONSNUMMER')).toEqual([{ value: '556281-4375', score: 1 }]);
  });
  it.each([['556281-4376'], ['551281-4375'], ['556281-437'], ['5562814375-1']])('rejects %j', (text) => {
    expect(values(text, 'SE_ORGANISATIONSNUMMER')).toEqual([]);
  });
  it('is never a personnummer (third digit ≥ 2 is no month)', () => {
    expect(values('556281-4375', 'SE_PERSONAL_NUMBER')).toEqual([]);
  });
});
