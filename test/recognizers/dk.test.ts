import { describe, expect, it } from 'vitest';
import { heuristicTypes, recognize } from '../../src/recognizers/registry.js';
import { found, values } from './helpers.js';

describe('DK_CPR_NUMBER', () => {
  it.each(['020312-4015', '0203124015', '290200-4125'])('finds %s at 1.0 (date + modulus 11)', (value) => {
    expect(found(`nr. ${value}`, 'DK_CPR_NUMBER', { contextWindow: 0 })).toEqual([{ value, score: 1 }]);
  });
  it('keeps a real date that misses modulus 11 at its base score (post-2007 numbers)', () => {
    expect(found('nr. 150784-3121', 'DK_CPR_NUMBER', { contextWindow: 0 })).toEqual([{ value: '150784-3121', score: 0.5 }]);
    expect(found('nr. 1507843121', 'DK_CPR_NUMBER', { contextWindow: 0 })).toEqual([{ value: '1507843121', score: 0.3 }]);
  });
  it('lifts a checksum miss after "CPR-nr."', () => {
    expect(found('CPR-nr. 150784-3121', 'DK_CPR_NUMBER')[0]?.score).toBeCloseTo(0.85);
  });
  it.each([
    ['311184-4010'], // 31 November: modulus 11 passes, the date does not exist
    ['290200-2122'], // 29 February 1900 (sequence 2xxx → 1900s, not a leap year)
    ['021312-4015'], // month 13
    ['020312-40155'], // too long
    ['x0203124015'], // glued to a letter
    ['020312 4015'], // space is not a CPR separator
  ])('rejects %j', (text) => {
    expect(values(text, 'DK_CPR_NUMBER')).toEqual([]);
  });
  it('is switched on by Danish locales, accepted as DK_CPR', () => {
    expect(heuristicTypes({ locales: ['da'] })).toContain('DK_CPR_NUMBER');
    expect(heuristicTypes({ locales: ['en-DK'] })).toContain('DK_CPR_NUMBER');
    expect(heuristicTypes()).not.toContain('DK_CPR_NUMBER');
    expect(values('ref 020312-4015', 'DK_CPR')).toEqual(['020312-4015']);
  });
  it('is switched on by "CPR" when no types are named, only for a checksum pass', () => {
    expect(recognize('CPR-nr. 020312-4015').map((s) => s.label)).toContain('DK_CPR_NUMBER');
    expect(recognize('CPR-nr. 150784-3121').map((s) => s.label)).not.toContain('DK_CPR_NUMBER');
  });
});
