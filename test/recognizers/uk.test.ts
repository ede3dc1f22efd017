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
  it.each(['AB 12 34 56 C', 'AB123456C', 'JG 10 37 59 A'])('finds %s at 0.5', (value) => {
    expect(found(`ref ${value}.`, 'UK_NINO', { contextWindow: 0 })).toEqual([{ value, score: 0.5 }]);
  });
  it.each([['GB123456A'], ['DA123456A'], ['AO123456A'], ['AB123456E'], ['AB 1234 56C'], ['XAB123456C']])('rejects %j', (text) => {
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
