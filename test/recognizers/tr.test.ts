import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('TR_NATIONAL_ID', () => {
  it.each(['10000000146', '12345678950'])('finds %s at 1.0', (value) => {
    expect(found(`TCKN ${value}`, 'TR_NATIONAL_ID')).toEqual([{ value, score: 1 }]);
  });
  it.each([['10000000147'], ['01234567890'], ['1000000014'], ['x10000000146']])('rejects %j', (text) => {
    expect(values(text, 'TR_NATIONAL_ID')).toEqual([]);
  });
});

describe('TR_LICENSE_PLATE', () => {
  it.each(['34 ABC 1234', '06 A 1234', '35 JK 12', '34-AB-123', '01ABC12'])('finds %s at 0.3', (value) => {
    expect(found(`araç ${value}.`, 'TR_LICENSE_PLATE', { contextWindow: 0 })).toEqual([{ value, score: 0.3 }]);
  });
  it('lifts it after "plaka"', () => {
    expect(found('plaka 34 ABC 1234', 'TR_LICENSE_PLATE')[0]?.score).toBeCloseTo(0.65);
  });
  it.each([['00 ABC 123'], ['82 ABC 123'], ['34 AQC 123'], ['34 ABCD 123'], ['34 ABC 12345'], ['34 ABC-123']])('rejects %j', (text) => {
    expect(values(text, 'TR_LICENSE_PLATE')).toEqual([]);
  });
});
