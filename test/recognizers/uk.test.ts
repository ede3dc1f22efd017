import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('UK_NHS', () => {
  it.each(['943 476 5919', '943-476-5919', '9434765919'])('finds %s at 1.0 (mod 11)', (value) => {
    expect(found(`NHS ${value}`, 'UK_NHS')).toEqual([{ value, score: 1 }]);
  });
  it('scores a valid number 0.7 without context (one 10-digit number in 11 passes mod 11)', () => {
    expect(found('ref 943 476 5919', 'UK_NHS')).toEqual([{ value: '943 476 5919', score: 0.7 }]);
  });
  it.each([['943 476 5918'], ['943 476-5919'], ['94347659190'], ['0000000000'], ['a9434765919']])('rejects %j', (text) => {
    expect(values(text, 'UK_NHS')).toEqual([]);
  });
});

describe('UK_NINO', () => {
  it.each(['AB 12 34 56 C', 'AB123456C', 'JG 10 37 59 A', 'PR 123612C', 'hh 01 02 03 d', 'tw987654a'])('finds %s at 0.5', (value) => {
    expect(found(`ref ${value}.`, 'UK_NINO', { contextWindow: 0 })).toEqual([{ value, score: 0.5 }]);
  });
  it.each([['GB123456A'], ['nt 99 88 77 a'], ['DA123456A'], ['AO123456A'], ['AB123456E'], ['AB  12 34 56 C'], ['XAB123456C'], ['UV 98 76 54 B']])('rejects %j', (text) => {
    expect(values(text, 'UK_NINO')).toEqual([]);
  });
});

describe('UK_POSTCODE', () => {
  it.each([['SW1A 1AA', 0.35], ['M1 1AE', 0.35], ['EC1A 1BB', 0.35], ['W1A 0AX', 0.35], ['SW1A1AA', 0.1]])('finds %s at %d', (value, score) => {
    expect(found(`at ${value}, London`, 'UK_POSTCODE', { contextWindow: 0 })).toEqual([{ value, score }]);
  });
  it.each([['QW1A 1AA'], ['SW1A 1CA'], ['SW1A 11A'], ['xSW1A 1AA']])('rejects %j', (text) => {
    expect(values(text, 'UK_POSTCODE')).toEqual([]);
  });
});

describe('UK_DRIVING_LICENCE', () => {
  it.each(['MORGA753116SM9IJ', 'LI999802086JD9AB', 'WOODS661224AB1CD', 'woods661224ab1cd'])('finds %s at 0.5', (value) => {
    expect(found(`ref ${value}.`, 'UK_DRIVING_LICENCE', { contextWindow: 0 })).toEqual([{ value, score: 0.5 }]);
  });
  it('lifts it after "driving licence"', () => {
    expect(found('driving licence MORGA753116SM9IJ', 'UK_DRIVING_LICENCE')).toEqual([{ value: 'MORGA753116SM9IJ', score: 0.85 }]);
  });
  it.each([['MORGA713116SM9IJ'], ['MORGA753326SM9IJ'], ['M9RGA753116SM9IJ'], ['99999753116SM9IJ'], ['MORGA753116SM9I']])('rejects %j', (text) => {
    expect(values(text, 'UK_DRIVING_LICENCE')).toEqual([]);
  });
});

describe('UK_PASSPORT', () => {
  it('keeps a bare number at 0.1, 0.45 after "passport"', () => {
    expect(found('ref AB1234567', 'UK_PASSPORT', { contextWindow: 0 })).toEqual([{ value: 'AB1234567', score: 0.1 }]);
    expect(found('passport AB1234567', 'UK_PASSPORT')[0]?.score).toBeCloseTo(0.45);
  });
  it.each([['AB123456'], ['AB12345678'], ['A11234567'], ['xAB1234567']])('rejects %j', (text) => {
    expect(values(text, 'UK_PASSPORT')).toEqual([]);
  });
});

describe('UK_VEHICLE_REGISTRATION', () => {
  it.each([['AB51 ABC', 0.3], ['LD07XYZ', 0.3], ['A123 BCD', 0.2], ['ABC 123D', 0.15]])('finds %s at %d', (value, score) => {
    expect(found(`ref ${value}.`, 'UK_VEHICLE_REGISTRATION', { contextWindow: 0 })).toEqual([{ value, score }]);
  });
  it('keeps the base score for a valid age identifier (no checksum), 0.65 after "vehicle"', () => {
    expect(found('ref AB51 ABC', 'UK_VEHICLE_REGISTRATION', { contextWindow: 0 })).toEqual([{ value: 'AB51 ABC', score: 0.3 }]);
    expect(found('vehicle AB51 ABC', 'UK_VEHICLE_REGISTRATION')[0]?.score).toBeCloseTo(0.65);
  });
  it.each([['AB01 ABC'], ['AB45 ABC'], ['AB85 ABC'], ['IB51 ABC'], ['AB51 ABCD']])('rejects %j (age identifier, letters, length)', (text) => {
    expect(values(text, 'UK_VEHICLE_REGISTRATION')).toEqual([]);
  });
});
