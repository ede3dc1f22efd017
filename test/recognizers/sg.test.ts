import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('SG_NRIC_FIN', () => {
  it.each(['S1234567D', 'T1234567J', 'F1234567N', 'G1234567X'])('finds %s at 1.0 (check letter)', (value) => {
    expect(found(`NRIC ${value}`, 'SG_NRIC_FIN')).toEqual([{ value, score: 1 }]);
  });
  it('keeps the M series at 0.5 (no published check)', () => {
    expect(found('id M1234567K', 'SG_NRIC_FIN', { contextWindow: 0 })).toEqual([{ value: 'M1234567K', score: 0.5 }]);
  });
  it('keeps a wrong check letter at 0.5, as Presidio (no check there)', () => {
    expect(found('id S1234567A', 'SG_NRIC_FIN', { contextWindow: 0 })).toEqual([{ value: 'S1234567A', score: 0.5 }]);
  });
  it('scores another leading letter 0.1 (Presidio\'s weak tier)', () => {
    expect(found('id A1234567D', 'SG_NRIC_FIN', { contextWindow: 0 })).toEqual([{ value: 'A1234567D', score: 0.1 }]);
  });
  it.each([['S123456D'], ['S12345678D'], ['xS1234567D'], ['PA12348L']])('rejects %j', (text) => {
    expect(values(text, 'SG_NRIC_FIN')).toEqual([]);
  });
});

describe('SG_UEN', () => {
  it.each(['53184729B', '201934857M', 'T19LL4821H'])('finds %s at 1.0 (check letter)', (value) => {
    expect(found(`UEN ${value}`, 'SG_UEN')).toEqual([{ value, score: 1 }]);
  });
  it.each([['53184729C'], ['201934857N'], ['T19LL4821A'], ['T19ZZ4821H'], ['299934857M'], ['X19LL4821H']])('rejects %j', (text) => {
    expect(values(text, 'SG_UEN')).toEqual([]);
  });
});
