import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('US_SSN', () => {
  it.each([
    ['536-22-8741', 0.5],
    ['536 22 8741', 0.5],
    ['536.22.8741', 0.5],
    ['536228741', 0.05],
  ])('finds %s at %d without context', (value, score) => {
    expect(found(`value ${value} here`, 'US_SSN', { contextWindow: 0 })).toEqual([{ value, score }]);
  });

  it('lifts the score with a context word (whole word, case-insensitive)', () => {
    expect(found('SSN: 536-22-8741', 'US_SSN')[0]?.score).toBeCloseTo(0.85);
    expect(found('my Social Security number is 536228741', 'US_SSN')[0]?.score).toBeCloseTo(0.4);
  });

  it('does not take a context word inside another word (Presidio #1061)', () => {
    expect(found('classn 536228741', 'US_SSN')[0]?.score).toBeCloseTo(0.05);
  });

  it.each([
    ['000-22-8741'], // area 000
    ['666-22-8741'], // area 666
    ['936-22-8741'], // 9xx is the ITIN range
    ['536-00-8741'], // group 00
    ['536-22-0000'], // serial 0000
    ['111-11-1111'], // all same
    ['078-05-1120'], // Woolworth sample
    ['123-45-6789'], // sample
    ['536-22.8741'], // mixed delimiters
    ['a536-22-8741'], // glued
    ['536-22-87410'], // too long
    ['1536-22-8741'],
  ])('rejects %j', (text) => {
    expect(values(text, 'US_SSN')).toEqual([]);
  });
});
