import { describe, expect, it } from 'vitest';
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
