import { describe, expect, it } from 'vitest';
import { validateFiscalCode } from '../../src/recognizers/it/index.js';
import { found, values } from './helpers.js';

describe('IT_FISCAL_CODE', () => {
  it.each(['RSSMRA85M01H501Q', 'MRTMTT91D08F205J'])('finds %s at 1.0 (check character)', (value) => {
    expect(found(`CF ${value}`, 'IT_FISCAL_CODE')).toEqual([{ value, score: 1 }]);
  });
  it.each([['RSSMRA85M01H501A'], ['RSSMRA85Z01H501Q'], ['RSSMRA85M01H501'], ['xRSSMRA85M01H501Q']])('rejects %j', (text) => {
    expect(values(text, 'IT_FISCAL_CODE')).toEqual([]);
  });
  it('validateFiscalCode handles omocodia letters', () => {
    expect(validateFiscalCode('RSSMRA85M01H501Q')).toBe(true);
  });
});

describe('IT_VAT_CODE', () => {
  it.each(['07148520369', 'IT07148520369'])('scores %s 0.7 bare (Luhn), 1.0 after "partita IVA"', (value) => {
    expect(found(`no. ${value}`, 'IT_VAT_CODE', { contextWindow: 0 })).toEqual([{ value, score: 0.7 }]);
    expect(found(`partita IVA ${value}`, 'IT_VAT_CODE')).toEqual([{ value, score: 1 }]);
  });
  it.each([['07148520368'], ['00000000000'], ['0714852036'], ['x07148520369']])('rejects %j', (text) => {
    expect(values(text, 'IT_VAT_CODE')).toEqual([]);
  });
});

describe('IT_DRIVER_LICENSE', () => {
  it.each(['RM1234567X', 'U1H123456Z'])('finds %s at 0.2', (value) => {
    expect(found(`no. ${value}`, 'IT_DRIVER_LICENSE', { contextWindow: 0 })).toEqual([{ value, score: 0.2 }]);
  });
  it.each([['RM123456X'], ['RM12345678X'], ['U1A1234567Z'], ['1M1234567X']])('rejects %j', (text) => {
    expect(values(text, 'IT_DRIVER_LICENSE')).toEqual([]);
  });
});

describe('IT_PASSPORT and IT_IDENTITY_CARD (context does the work)', () => {
  it('keep a bare number at 0.01 and reach 0.4 after their own context word', () => {
    expect(found('no. YA1234567', 'IT_PASSPORT', { contextWindow: 0 })).toEqual([{ value: 'YA1234567', score: 0.01 }]);
    expect(found('passaporto YA1234567', 'IT_PASSPORT')[0]?.score).toBeCloseTo(0.4);
    expect(found('carta di identità CA12345DE', 'IT_IDENTITY_CARD')[0]?.score).toBeCloseTo(0.4);
    expect(found('passaporto YA1234567', 'IT_IDENTITY_CARD')[0]?.score).toBeCloseTo(0.01);
  });
  it.each([['AB 1234567'], ['1234567AB'], ['AB12345CD']])('IT_IDENTITY_CARD finds %j', (value) => {
    expect(values(`doc ${value}`, 'IT_IDENTITY_CARD')).toEqual([value]);
  });
  it.each([['YA123456'], ['YA12345678'], ['1234567ABC']])('rejects %j', (text) => {
    expect(values(text, 'IT_PASSPORT')).toEqual([]);
    expect(values(text, 'IT_IDENTITY_CARD')).toEqual([]);
  });
});
