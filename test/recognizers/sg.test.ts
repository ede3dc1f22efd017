import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('SG_NRIC_FIN', () => {
  it.each(['S1234567D', 'T1234567J', 'F1234567N', 'G1234567X'])('finds %s at 1.0 (check letter)', (value) => {
    expect(found(`NRIC ${value}`, 'SG_NRIC_FIN')).toEqual([{ value, score: 1 }]);
  });
  it('keeps the M series at 0.5 (no published check)', () => {
    expect(found('id M1234567K', 'SG_NRIC_FIN', { contextWindow: 0 })).toEqual([{ value: 'M1234567K', score: 0.5 }]);
  });
  it.each([['S1234567A'], ['A1234567D'], ['S123456D'], ['xS1234567D']])('rejects %j', (text) => {
    expect(values(text, 'SG_NRIC_FIN')).toEqual([]);
  });
});
