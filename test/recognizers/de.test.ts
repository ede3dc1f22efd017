import { describe, expect, it } from 'vitest';
import { validateDeTaxId } from '../../src/recognizers/de/index.js';
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

describe('DE_TAX_NUMBER', () => {
  it.each([
    ['0893081508152', 0.5],
    ['181/815/08155', 0.4],
    ['21/815/08150', 0.2],
    ['133/8150/8159', 0.2],
  ])('finds %s at %d', (value, score) => {
    expect(found(`Nr. ${value}.`, 'DE_TAX_NUMBER', { contextWindow: 0 })).toEqual([{ value, score }]);
  });
  it('lifts a slashed number after "Steuernummer"', () => {
    expect(scoreOf('Steuernummer 21/815/08150', 'DE_TAX_NUMBER', '21/815/08150')).toBeCloseTo(0.55);
  });
  it.each([['1793081508152'], ['0093081508152'], ['181/815/081550'], ['1/815/08155'], ['181-815-08155']])('rejects %j', (text) => {
    expect(values(text, 'DE_TAX_NUMBER')).toEqual([]);
  });
});

describe('DE_PASSPORT', () => {
  it.each(['CF4R7K2N6', 'J52T91X02'])('finds %s at 1.0 (ICAO check digit)', (value) => {
    expect(found(`Reisepass ${value}`, 'DE_PASSPORT')).toEqual([{ value, score: 1 }]);
  });
  it.each([['CF4R7K2N5'], ['AF4R7K2N6'], ['CF4R7K2NA'], ['CF4R7K2N66'], ['L01X00T47']])('rejects %j', (text) => {
    expect(values(text, 'DE_PASSPORT')).toEqual([]);
  });
});

describe('DE_SOCIAL_SECURITY', () => {
  it.each(['65180372M043', '12551189K214'])('finds %s at 1.0 (VKVV check digit)', (value) => {
    expect(found(`RVNR ${value}`, 'DE_SOCIAL_SECURITY')).toEqual([{ value, score: 1 }]);
  });
  it.each([['65180372M042'], ['65320372M043'], ['65181372M043'], ['65180372m043'], ['6518037M043']])('rejects %j', (text) => {
    expect(values(text, 'DE_SOCIAL_SECURITY')).toEqual([]);
  });
});

describe('DE_HEALTH_INSURANCE', () => {
  it('scores a checksum-valid KVNR 0.7 bare, 1.0 after "Krankenkasse"', () => {
    expect(found('Nr. M482139079', 'DE_HEALTH_INSURANCE', { contextWindow: 0 })).toEqual([{ value: 'M482139079', score: 0.7 }]);
    expect(found('Krankenkasse M482139079', 'DE_HEALTH_INSURANCE')).toEqual([{ value: 'M482139079', score: 1 }]);
  });
  it.each([['M482139078'], ['M48213907'], ['MM482139079'], ['m482139079']])('rejects %j', (text) => {
    expect(values(text, 'DE_HEALTH_INSURANCE')).toEqual([]);
  });
});

describe('DE_KFZ', () => {
  it.each(['B AB 1234', 'M-XY-99', 'HH-AB 12', 'KA EF 1H', 'MIL E 1234E', 'LÖ AB 7'])('finds %s at 0.3', (value) => {
    expect(found(`Wagen ${value} steht`, 'DE_KFZ', { contextWindow: 0 })).toEqual([{ value, score: 0.3 }]);
  });
  it.each([['B AB 0123'], ['B AB 12345'], ['ABCD E 12'], ['B ABC 12'], ['b ab 12']])('rejects %j', (text) => {
    expect(values(text, 'DE_KFZ')).toEqual([]);
  });
});

describe('DE_HANDELSREGISTER', () => {
  it.each(['HRB 123456', 'HRA12345', 'HRB 7'])('finds %s at 0.5', (value) => {
    expect(found(`eingetragen ${value}.`, 'DE_HANDELSREGISTER', { contextWindow: 0 })).toEqual([{ value, score: 0.5 }]);
  });
  it.each([['HRC 12345'], ['HRB 1234567'], ['XHRB 1234']])('rejects %j', (text) => {
    expect(values(text, 'DE_HANDELSREGISTER')).toEqual([]);
  });
});

describe('DE_PLZ', () => {
  it('keeps a bare postcode at 0.05 and lifts it after "PLZ"', () => {
    expect(found('in 10115 Berlin', 'DE_PLZ', { contextWindow: 0 })).toEqual([{ value: '10115', score: 0.05 }]);
    expect(scoreOf('PLZ 01067', 'DE_PLZ', '01067')).toBeCloseTo(0.4);
  });
  it.each([['00123'], ['123456'], ['1011'], ['10115a']])('rejects %j', (text) => {
    expect(values(text, 'DE_PLZ')).toEqual([]);
  });
});

describe('DE_LANR and DE_BSNR (both nine digits)', () => {
  it('scores a LANR with a valid check digit 0.3 bare, 0.65 after "LANR"', () => {
    expect(found('Nr. 318402358', 'DE_LANR', { contextWindow: 0 })).toEqual([{ value: '318402358', score: 0.3 }]);
    expect(scoreOf('LANR 318402358', 'DE_LANR', '318402358')).toBeCloseTo(0.65);
  });
  it.each([['318402458'], ['000000000'], ['31840235']])('rejects LANR %j', (text) => {
    expect(values(text, 'DE_LANR')).toEqual([]);
  });
  it('scores a BSNR 0.3 with a known KV region, 0.2 otherwise, more after "BSNR"', () => {
    expect(found('Nr. 721234567', 'DE_BSNR', { contextWindow: 0 })).toEqual([{ value: '721234567', score: 0.3 }]);
    expect(found('Nr. 991234567', 'DE_BSNR', { contextWindow: 0 })).toEqual([{ value: '991234567', score: 0.2 }]);
    expect(scoreOf('BSNR 721234567', 'DE_BSNR', '721234567')).toBeCloseTo(0.65);
  });
  it.each([['000000000'], ['7212345678']])('rejects BSNR %j', (text) => {
    expect(values(text, 'DE_BSNR')).toEqual([]);
  });
});

describe('DE_VAT_ID', () => {
  it.each(['DE274691359', 'DE 274691359', 'DE 274 691 359', 'DE-274-691-359', 'DE.274.691.359'])('finds %s at 1.0 (ISO 7064 MOD 11,10)', (value) => {
    expect(found(`USt-IdNr ${value}`, 'DE_VAT_ID')).toEqual([{ value, score: 1 }]);
  });
  it('keeps a number failing the unpublished check at 0.5 (Presidio\'s non-strict default)', () => {
    expect(found('Nr. DE274691358', 'DE_VAT_ID', { contextWindow: 0 })).toEqual([{ value: 'DE274691358', score: 0.5 }]);
  });
  it.each([['DE27469135'], ['DE2746913590'], ['AT274691359'], ['XDE274691359']])('rejects %j', (text) => {
    expect(values(text, 'DE_VAT_ID')).toEqual([]);
  });
});

describe('DE_FUEHRERSCHEIN', () => {
  it.each(['MU12345678B', 'B012345678A', 'KO98765432C'])('finds %s at 0.35', (value) => {
    expect(found(`Nr. ${value}`, 'DE_FUEHRERSCHEIN', { contextWindow: 0 })).toEqual([{ value, score: 0.35 }]);
  });
  it('lifts it after "Führerschein"', () => {
    expect(scoreOf('Führerschein MU12345678B', 'DE_FUEHRERSCHEIN', 'MU12345678B')).toBeCloseTo(0.7);
  });
  it.each([['MU1234567B'], ['1U12345678B'], ['MU12345678BC']])('rejects %j', (text) => {
    expect(values(text, 'DE_FUEHRERSCHEIN')).toEqual([]);
  });
});
