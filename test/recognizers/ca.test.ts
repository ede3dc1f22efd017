import { describe, expect, it } from 'vitest';
import { heuristicTypes } from '../../src/recognizers/registry.js';
import { found, values } from './helpers.js';

describe('CA_SIN', () => {
  it('keeps a Luhn-valid grouped SIN at its base score (Luhn only invalidates)', () => {
    expect(found('ref 130 692 544', 'CA_SIN', { contextWindow: 0 })).toEqual([{ value: '130 692 544', score: 0.5 }]);
    expect(found('SIN 130-692-544', 'CA_SIN')[0]?.score).toBeCloseTo(0.85);
    expect(found('ref 130692544', 'CA_SIN', { contextWindow: 0 })).toEqual([{ value: '130692544', score: 0.05 }]);
  });
  it.each([['130 692 545'], ['046 454 286'], ['830 692 540'], ['130 692-544'], ['x130692544']])('rejects %j', (text) => {
    expect(values(text, 'CA_SIN')).toEqual([]);
  });
});

describe('CA_POSTAL_CODE', () => {
  it.each([['K1A 0B1', 0.4], ['M5V 3L9', 0.4], ['H2X1Y4', 0.1]])('finds %s at %d', (value, score) => {
    expect(found(`at ${value} today`, 'CA_POSTAL_CODE', { contextWindow: 0 })).toEqual([{ value, score }]);
  });
  it('lifts it after "postal code" / "code postal"', () => {
    expect(found('postal code T2P 1J9', 'CA_POSTAL_CODE')[0]?.score).toBeCloseTo(0.75);
    expect(found('code postal H2X1Y4', 'CA_POSTAL_CODE')[0]?.score).toBeCloseTo(0.45);
  });
  it.each([
    ['D1A 0B1'], // D is never used
    ['W1A 0B1'], // W never comes first
    ['Z2P 1J9'], // Z never comes first
    ['K1O 0B1'], // O is never used
    ['K1A 0B'], // too short
    ['k1a 0b1'], // lower case
    ['XK1A 0B1'], // glued to a letter
    ['K1A 0B12'], // glued to a digit
    ['K1A-0B1'], // not a separator Canada Post uses
  ])('rejects %j', (text) => {
    expect(values(text, 'CA_POSTAL_CODE')).toEqual([]);
  });
  it('is in the ca pack and reachable by its alias', () => {
    expect(heuristicTypes({ locales: ['en-CA'] })).toContain('CA_POSTAL_CODE');
    expect(heuristicTypes()).not.toContain('CA_POSTAL_CODE');
    expect(values('at K1A 0B1', 'CANADA_POSTAL_CODE')).toEqual(['K1A 0B1']);
  });
});
