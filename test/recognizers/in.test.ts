import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('IN_AADHAAR', () => {
  it.each(['2341 2341 2346', '234123412346', '4991 1866 5246', '2341-2341-2346', '2341:2341:2346'])('finds %s at 1.0 (Verhoeff)', (value) => {
    expect(found(`Aadhaar ${value}`, 'IN_AADHAAR')).toEqual([{ value, score: 1 }]);
  });
  it.each([['2341 2341 2347'], ['1341 2341 2346'], ['2341 2341-2346'], ['2341:2341 2346'], ['x234123412346']])('rejects %j', (text) => {
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

describe('IN_GSTIN', () => {
  it.each(['29KLMPR4821Q1ZV', '07QWERT5093H2ZJ', '33AB1DE7781K1Z4'])('finds %s at 1.0 (state code + embedded PAN shape)', (value) => {
    expect(found(`no. ${value}`, 'IN_GSTIN', { contextWindow: 0 })).toEqual([{ value, score: 1 }]);
  });
  it.each([['38KLMPR4821Q1ZV'], ['00KLMPR4821Q1ZV'], ['29K12M34821Q1ZV'], ['29KLMPR4821Q1YV'], ['29KLMPR4821Q1Z']])('rejects %j', (text) => {
    expect(values(text, 'IN_GSTIN')).toEqual([]);
  });
});

describe('IN_VOTER', () => {
  it.each([['ABC1234567', 0.4], ['AZC1234567', 0.3]])('finds %s at %d', (value, score) => {
    expect(found(`id ${value}`, 'IN_VOTER', { contextWindow: 0 })).toEqual([{ value, score }]);
  });
  it.each([['AB1234567'], ['ABC123456'], ['ABCD1234567'], ['1BC1234567']])('rejects %j', (text) => {
    expect(values(text, 'IN_VOTER')).toEqual([]);
  });
});

describe('IN_PASSPORT', () => {
  it.each(['A1234567', 'K23 45671'])('finds %s at 0.1, 0.45 after "passport"', (value) => {
    expect(found(`no. ${value}`, 'IN_PASSPORT', { contextWindow: 0 })).toEqual([{ value, score: 0.1 }]);
    expect(found(`passport ${value}`, 'IN_PASSPORT')[0]?.score).toBeCloseTo(0.45);
  });
  it.each([['A0234567'], ['A1234560'], ['A123456'], ['AB1234567']])('rejects %j', (text) => {
    expect(values(text, 'IN_PASSPORT')).toEqual([]);
  });
});

describe('IN_VEHICLE_REGISTRATION', () => {
  it.each([['KA01AB1234', 1], ['MH 12 DE 1433', 1], ['DL3CAB1234', 1], ['22BH1234AA', 0.85], ['15B123456K', 0.85], ['77CD12', 0.4]])('finds %s at %d', (value, score) => {
    expect(found(`car ${value}.`, 'IN_VEHICLE_REGISTRATION', { contextWindow: 0 })).toEqual([{ value, score }]);
  });
  it.each([['ZZ01AB1234'], ['KA01AB0000'], ['KA00AB1234'], ['22BH1234IA'], ['KA 01AB-1234']])('rejects %j', (text) => {
    expect(values(text, 'IN_VEHICLE_REGISTRATION')).toEqual([]);
  });
});
