import { describe, expect, it } from 'vitest';
import { heuristicTypes } from '../../src/recognizers/registry.js';
import { found, values } from './helpers.js';

describe('ZA_ID_NUMBER', () => {
  it.each(['8001015009087', '800101 5009 087'])('finds %s at 1.0 (date + Luhn)', (value) => {
    expect(found(`ID ${value}`, 'ZA_ID_NUMBER')).toEqual([{ value, score: 1 }]);
  });
  it.each([['8001015009088'], ['8013015009081'], ['8001015009387'], ['x8001015009087']])('rejects %j', (text) => {
    expect(values(text, 'ZA_ID_NUMBER')).toEqual([]);
  });
});

describe('ZA_INCOME_TAX_NUMBER', () => {
  it.each(['9123456783', '3123456786'])('finds %s at 0.7 (Luhn)', (value) => {
    expect(found(`ref ${value}`, 'ZA_INCOME_TAX_NUMBER', { contextWindow: 0 })).toEqual([{ value, score: 0.7 }]);
  });
  it('lifts it after "tax reference"', () => {
    expect(found('SARS tax reference 9123456783', 'ZA_INCOME_TAX_NUMBER')).toEqual([{ value: '9123456783', score: 1 }]);
  });
  it.each([['9123456784'], ['4123456784'], ['912345678'], ['91234567830'], ['x9123456783']])('rejects %j (check digit, prefix, shape)', (text) => {
    expect(values(text, 'ZA_INCOME_TAX_NUMBER')).toEqual([]);
  });
});

describe('ZA_VAT_NUMBER', () => {
  it('finds a 10-digit number starting with 4 at 0.3', () => {
    expect(found('ref 4123456784', 'ZA_VAT_NUMBER', { contextWindow: 0 })).toEqual([{ value: '4123456784', score: 0.3 }]);
    expect(found('VAT no 4123456784', 'ZA_VAT_NUMBER')[0]?.score).toBeCloseTo(0.65);
  });
  it.each([['5123456784'], ['412345678'], ['41234567840'], ['x4123456784'], ['4123456784-1']])('rejects %j', (text) => {
    expect(values(text, 'ZA_VAT_NUMBER')).toEqual([]);
  });
});

describe('ZA_PASSPORT', () => {
  it.each(['A12345678', 'T87654321'])('finds %s at 0.2', (value) => {
    expect(found(`no. ${value}`, 'ZA_PASSPORT', { contextWindow: 0 })).toEqual([{ value, score: 0.2 }]);
  });
  it('lifts it after "passport"', () => {
    expect(found('passport M12345678', 'ZA_PASSPORT')[0]?.score).toBeCloseTo(0.55);
  });
  it.each([['B12345678'], ['A1234567'], ['A123456789'], ['a12345678'], ['XA12345678']])('rejects %j', (text) => {
    expect(values(text, 'ZA_PASSPORT')).toEqual([]);
  });
});

describe('ZA_COMPANY_REGISTRATION', () => {
  it.each([['2015/123456/07', 0.4], ['1998/004321/23', 0.4], ['CK1998/012345', 0.3], ['NR2003/000123', 0.3]])('finds %s at %d', (value, score) => {
    expect(found(`reg ${value}`, 'ZA_COMPANY_REGISTRATION', { contextWindow: 0 })).toEqual([{ value, score }]);
  });
  it.each([
    ['2099/123456/07'], // registered in the future
    ['K1700/123456'], // before 1800
    ['2015/12345/07'], // short sequence
    ['2015/123456/7'], // short type
    ['X1998/012345'], // unknown prefix
    ['1/2015/123456/07'], // glued to a path
  ])('rejects %j', (text) => {
    expect(values(text, 'ZA_COMPANY_REGISTRATION')).toEqual([]);
  });
});

describe('ZA_DRIVER_LICENSE', () => {
  it.each(['12345678AB12', '0123456789AB'])('finds %s at 0.3', (value) => {
    expect(found(`no. ${value}`, 'ZA_DRIVER_LICENSE', { contextWindow: 0 })).toEqual([{ value, score: 0.3 }]);
  });
  it.each([['123456789012'], ['12345AB'], ['12345678ab'], ['X12345678AB12'], ['1234567890ABCDEF']])('rejects %j', (text) => {
    expect(values(text, 'ZA_DRIVER_LICENSE')).toEqual([]);
  });
});

describe('ZA_TRAFFIC_REGISTER_NUMBER', () => {
  it('finds 13 digits that are not a valid ID number at 0.05', () => {
    expect(found('no. 1234567890123', 'ZA_TRAFFIC_REGISTER_NUMBER', { contextWindow: 0 })).toEqual([{ value: '1234567890123', score: 0.05 }]);
    expect(found('traffic register number 1234567890123', 'ZA_TRAFFIC_REGISTER_NUMBER')[0]?.score).toBeCloseTo(0.4);
  });
  it.each([['8001015009087'], ['123456789012'], ['12345678901234']])('rejects %j (a valid ID number, or wrong length)', (text) => {
    expect(values(text, 'ZA_TRAFFIC_REGISTER_NUMBER')).toEqual([]);
  });
});

describe('ZA_LICENSE_PLATE', () => {
  it.each(['BX42FTGP', 'DR 17 KM GP', 'HFT 456 WP', '123 ABC EC', 'ND 123 ZN'])('finds %s at 0.3', (value) => {
    expect(found(`car ${value} parked`, 'ZA_LICENSE_PLATE', { contextWindow: 0 })).toEqual([{ value, score: 0.3 }]);
  });
  it.each([['BX42FTXX'], ['bx42ftgp'], ['BX42FTGPX'], ['1BX42FTGP'], ['B4GP']])('rejects %j', (text) => {
    expect(values(text, 'ZA_LICENSE_PLATE')).toEqual([]);
  });
});

describe('ZA_MOBILE_NUMBER / ZA_TELEPHONE_NUMBER', () => {
  it.each(['082 555 0143', '+27 72 555 0143', '0615550143', '0027 84 555 0143', '+27 (0)82 555 0143'])('mobile %s at 0.4', (value) => {
    expect(found(`on ${value} now`, 'ZA_MOBILE_NUMBER', { contextWindow: 0 })).toEqual([{ value, score: 0.4 }]);
    expect(values(`on ${value} now`, 'ZA_TELEPHONE_NUMBER')).toEqual([]);
  });
  it.each(['011 555 0143', '(021) 555-0143', '087 555 0143', '0800555014', '+27 31 555 0143'])('telephone %s at 0.4', (value) => {
    expect(found(`on ${value} now`, 'ZA_TELEPHONE_NUMBER', { contextWindow: 0 })).toEqual([{ value, score: 0.4 }]);
    expect(values(`on ${value} now`, 'ZA_MOBILE_NUMBER')).toEqual([]);
  });
  it('lifts them after "cell" / "tel"', () => {
    expect(found('cell 082 555 0143', 'ZA_MOBILE_NUMBER')[0]?.score).toBeCloseTo(0.75);
    expect(found('tel 011 555 0143', 'ZA_TELEPHONE_NUMBER')[0]?.score).toBeCloseTo(0.75);
  });
  it.each([['092 555 0143'], ['082 555 01433'], ['+1 82 555 0143'], ['x082 555 0143'], ['82 555 0143'], ['(082 555 0143']])('rejects %j', (text) => {
    expect([...values(text, 'ZA_MOBILE_NUMBER'), ...values(text, 'ZA_TELEPHONE_NUMBER')]).toEqual([]);
  });
});

describe('za pack', () => {
  it('switches every ZA type on for en-ZA only', () => {
    const za = ['ZA_ID_NUMBER', 'ZA_INCOME_TAX_NUMBER', 'ZA_VAT_NUMBER', 'ZA_PASSPORT', 'ZA_COMPANY_REGISTRATION', 'ZA_DRIVER_LICENSE', 'ZA_TRAFFIC_REGISTER_NUMBER', 'ZA_LICENSE_PLATE', 'ZA_MOBILE_NUMBER', 'ZA_TELEPHONE_NUMBER'];
    const on = heuristicTypes({ locales: ['en-ZA'] });
    for (const t of za) expect(on).toContain(t);
    const off = heuristicTypes();
    for (const t of za) expect(off).not.toContain(t);
  });
});
