import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('PH_TIN', () => {
  it.each([['123-456-782', 0.7], ['123-456-782-000', 0.7], ['348152073', 0.7], ['409182734000', 0.7]])('finds %s at %d', (value, score) => {
    expect(found(`no. ${value}`, 'PH_TIN', { contextWindow: 0 })).toEqual([{ value, score }]);
  });
  it('lifts it after "TIN"', () => {
    expect(found('TIN 123-456-782', 'PH_TIN')).toEqual([{ value: '123-456-782', score: 1 }]);
  });
  it.each([['123-456-783'], ['348152074'], ['1234-567-82'], ['12345678']])('rejects %j (check digit, shape)', (text) => {
    expect(values(text, 'PH_TIN')).toEqual([]);
  });
});

describe('PH_PASSPORT', () => {
  it.each([['P1234567A'], ['EB1234567']])('finds %s at 0.1', (value) => {
    expect(found(`no. ${value}`, 'PH_PASSPORT', { contextWindow: 0 })).toEqual([{ value, score: 0.1 }]);
  });
  it('lifts it after "pasaporte"', () => {
    expect(found('pasaporte P1234567A', 'PH_PASSPORT')[0]?.score).toBeCloseTo(0.45);
  });
  it.each([['P1234567'], ['P12345678A'], ['EB12345678'], ['p1234567a'], ['XP1234567A']])('rejects %j', (text) => {
    expect(values(text, 'PH_PASSPORT')).toEqual([]);
  });
});

describe('PH_UMID', () => {
  it.each([['0111-2345678-9', 0.5], ['011123456789', 0.3]])('finds %s at %d', (value, score) => {
    expect(found(`no. ${value}`, 'PH_UMID', { contextWindow: 0 })).toEqual([{ value, score }]);
  });
  it('lifts it after "UMID CRN"', () => {
    expect(found('UMID CRN 0111-2345678-9', 'PH_UMID')[0]?.score).toBeCloseTo(0.85);
  });
  it.each([['0111-234567-89'], ['111-2345678-9'], ['0111-2345678-90'], ['01112345678'], ['0111234567890'], ['x011123456789'], ['0111-2345678-9.5']])('rejects %j (shape)', (text) => {
    expect(values(text, 'PH_UMID')).toEqual([]);
  });
});
