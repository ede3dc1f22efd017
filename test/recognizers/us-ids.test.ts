import { describe, expect, it } from 'vitest';
import { validateAba, validateDea } from '../../src/recognizers/us/index.js';
import { recognize } from '../../src/recognizers/registry.js';
import { found, scoreOf, values } from './helpers.js';

describe('US_ITIN', () => {
  it.each([
    ['912-70-1234', 0.5],
    ['912 92 1234', 0.5],
    ['912701234', 0.3],
    ['912-701234', 0.05],
    ['91270-1234', 0.05],
  ])('finds %s at %d', (value, score) => {
    expect(found(`no ${value} x`, 'US_ITIN', { contextWindow: 0 })).toEqual([{ value, score }]);
  });
  it.each([['912-93-1234'], ['912-66-1234'], ['812-70-1234'], ['912-70-12345'], ['a912-70-1234']])('rejects %j', (text) => {
    expect(values(text, 'US_ITIN')).toEqual([]);
  });
});

describe('US_PASSPORT', () => {
  it('scores a letter + 8 digits 0.1, and 0.45 after "passport"', () => {
    expect(scoreOf('id A12345678', 'US_PASSPORT', 'A12345678', { contextWindow: 0 })).toBe(0.1);
    expect(scoreOf('passport no. A12345678', 'US_PASSPORT', 'A12345678')).toBeCloseTo(0.45);
  });
  it.each([['A1234567'], ['AB12345678'], ['a12345678'], ['A123456789']])('rejects %j', (text) => {
    expect(values(text, 'US_PASSPORT')).toEqual([]);
  });
});

describe('US_DRIVER_LICENSE', () => {
  it('needs digits: plain words and short codes are not licences (Presidio #1063)', () => {
    expect(values('INTRODUCTORY offer on A1 and H1 visas', 'US_DRIVER_LICENSE')).toEqual([]);
  });
  it('scores letters + digits 0.2, lifted to 0.55 by "driver\'s license"', () => {
    expect(scoreOf('id D1234567', 'US_DRIVER_LICENSE', 'D1234567', { contextWindow: 0 })).toBe(0.2);
    expect(scoreOf("driver's license D1234567", 'US_DRIVER_LICENSE', 'D1234567')).toBeCloseTo(0.55);
  });
  it('does not boost on a context word hidden in another word ("lic" in "duplicate", Presidio #1061)', () => {
    expect(scoreOf('duplicate D1234567', 'US_DRIVER_LICENSE', 'D1234567')).toBe(0.2);
  });
});

describe('US_BANK_NUMBER', () => {
  it('scores 8–17 digits 0.05, 0.4 after "account"', () => {
    expect(scoreOf('ref 123456789012', 'US_BANK_NUMBER', '123456789012', { contextWindow: 0 })).toBe(0.05);
    expect(scoreOf('account number 123456789012', 'US_BANK_NUMBER', '123456789012')).toBeCloseTo(0.4);
  });
  it.each([['1234567'], ['123456789012345678'], ['00000000'], ['x12345678']])('rejects %j', (text) => {
    expect(values(text, 'US_BANK_NUMBER')).toEqual([]);
  });
});

describe('ABA_ROUTING_NUMBER', () => {
  it.each(['011000015', '021000021', '0110-0001-5'])('finds %s at 1.0 (3-7-1 checksum)', (value) => {
    expect(found(`routing ${value}`, 'ABA_ROUTING_NUMBER')).toEqual([{ value, score: 1 }]);
  });
  it.each([['011000016'], ['411000015'], ['0110000150'], ['000000000']])('rejects %j', (text) => {
    expect(values(text, 'ABA_ROUTING_NUMBER')).toEqual([]);
  });
  it('validateAba', () => {
    expect(validateAba('021000021')).toBe(true);
    expect(validateAba('021000022')).toBe(false);
  });
});

describe('MEDICAL_LICENSE (DEA number)', () => {
  it('finds a DEA number with a valid check digit at 1.0', () => {
    expect(found('DEA AB1234563', 'MEDICAL_LICENSE')).toEqual([{ value: 'AB1234563', score: 1 }]);
  });
  it.each([['AB1234564'], ['IB1234563'], ['AB123456'], ['xAB1234563']])('rejects %j', (text) => {
    expect(values(text, 'MEDICAL_LICENSE')).toEqual([]);
  });
  it('reads a 9 in second place as part of the prefix, not of the number', () => {
    expect(found('DEA M91234563', 'MEDICAL_LICENSE')).toEqual([{ value: 'M91234563', score: 1 }]);
    expect(values('DEA M91234564', 'MEDICAL_LICENSE')).toEqual([]);
  });
  it('validateDea', () => {
    expect(validateDea('AB1234563')).toBe(true);
    expect(validateDea('AB1234560')).toBe(false);
  });
});

describe('US_MBI', () => {
  it.each([['2FH5-UA6-NP31', 0.5], ['8AN3CD2EF45', 0.3]])('finds %s at %d', (value, score) => {
    expect(found(`id ${value}`, 'US_MBI', { contextWindow: 0 })).toEqual([{ value, score }]);
  });
  it.each([['0FH5-UA6-NP31'], ['2SH5-UA6-NP31'], ['2FH5UA6NP3'], ['2FH5-UA6NP31'], ['2FHA-UA6-NP31']])('rejects %j', (text) => {
    expect(values(text, 'US_MBI')).toEqual([]);
  });
  it('is off by default (as in Presidio)', () => {
    expect(recognize('Medicare 2FH5-UA6-NP31').map((s) => s.label)).not.toContain('US_MBI');
  });
});

describe('US_NPI', () => {
  it.each([['1487302659', 0.7], ['1487-302-659', 0.7], ['1487 302 659', 0.7]])('finds %s at %d (Luhn with the 80840 prefix)', (value, score) => {
    expect(found(`id ${value}`, 'US_NPI', { contextWindow: 0 })).toEqual([{ value, score }]);
  });
  it('reaches 1.0 after "NPI"', () => {
    expect(found('NPI 1487302659', 'US_NPI')).toEqual([{ value: '1487302659', score: 1 }]);
  });
  it.each([['1487302658'], ['3487302659'], ['148730265'], ['1111111111'], ['1111111112'], ['148-730-2659']])('rejects %j', (text) => {
    expect(values(text, 'US_NPI')).toEqual([]);
  });
});
