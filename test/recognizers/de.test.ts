import { describe, expect, it } from 'vitest';
import { validateDeTaxId } from '../../src/recognizers/de.js';
import { found, scoreOf, values } from './helpers.js';

describe('DE_TAX_ID', () => {
  it.each(['86 095 742 719', '86095742719'])('finds %s at 1.0 (occurrence rule + ISO 7064)', (value) => {
    expect(found(`Steuer-ID ${value}`, 'DE_TAX_ID')).toEqual([{ value, score: 1 }]);
  });
  it.each([['86 095 742 718'], ['06095742719'], ['12345678903'], ['x86095742719']])('rejects %j', (text) => {
    expect(values(text, 'DE_TAX_ID')).toEqual([]);
  });
  it('needs exactly one repeated digit among the first ten', () => {
    expect(validateDeTaxId('86095742719')).toBe(true);
    expect(validateDeTaxId('11111111111')).toBe(false);
  });
});

describe('DE_ID_CARD', () => {
  it('keeps a bare card number at 0.01, 0.4 after "Personalausweis"', () => {
    expect(scoreOf('Nr. L01X00T47', 'DE_ID_CARD', 'L01X00T47', { contextWindow: 0 })).toBe(0.01);
    expect(scoreOf('Personalausweis L01X00T47', 'DE_ID_CARD', 'L01X00T47')).toBeCloseTo(0.4);
  });
  it('lifts a number with its ICAO check digit to 1.0', () => {
    expect(found('Ausweis T220001293', 'DE_ID_CARD')).toEqual([{ value: 'T220001293', score: 1 }]);
  });
  it.each([['T220001294'], ['LMNPRTVWX'], ['A01X00T47'], ['L01X00T4']])('rejects %j', (text) => {
    expect(values(text, 'DE_ID_CARD')).toEqual([]);
  });
});
