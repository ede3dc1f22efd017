import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('DATE_TIME', () => {
  it.each([
    ['2024-01-15T10:30:00Z', 0.8],
    ['2024-01-15 10:30:00+02:00', 0.8],
    ['2024-01-15T10:30:00.123Z', 0.8],
    ['2024-02-29', 0.6], // leap year
    ['2024/1/5', 0.6],
    ['12/31/1999', 0.6],
    ['31/12/1999', 0.6],
    ['1-5-2024', 0.6],
    ['31.12.1999', 0.6],
    ['05-Mar-2024', 0.6],
    ['5 March 2024', 0.6],
    ['March 5, 2024', 0.6],
    ['Jan 5th 2024', 0.6],
    ['5th of March, 2024', 0.6],
    ['September 2024', 0.5],
    ['March 5', 0.4],
    ['3:30 pm', 0.5],
    ['10:15:30 AM', 0.5],
    ['14:05', 0.25],
    ['12/2025', 0.2],
    ['03/22', 0.1],
  ])('finds %j at %d without context', (value, score) => {
    expect(found(`see ${value}; ok`, 'DATE_TIME', { contextWindow: 0 })).toEqual([{ value, score }]);
  });

  it('lifts a date after "birthday"', () => {
    expect(found('Her birthday: 03/22', 'DATE_TIME')[0]?.score).toBeCloseTo(0.45);
  });

  it.each([
    ['2023-02-29'], // not a leap year
    ['31/04/2020'], // April has 30 days
    ['13/13/2020'],
    ['2024-13-01'],
    ['Today is5/21'], // glued (Presidio's own negative)
    ['version 1.2.3'],
    ['192.168.1.1'],
    ['February 30, 2024'],
    ['25:61'],
    ['x2024-01-15'],
  ])('rejects %j', (text) => {
    expect(values(text, 'DATE_TIME')).toEqual([]);
  });
});

describe('DATE_TIME (Presidio short forms)', () => {
  it.each(['14.7.19', '3.11.2022', 'Jun-19', 'Sep-2023', '17-Oct', '09-Mar'])('finds %s at 0.6', (value) => {
    expect(found(`due ${value} please`, 'DATE_TIME', { contextWindow: 0 })).toEqual([{ value, score: 0.6 }]);
  });
  it.each([['14.13.19'], ['31-Feb'], ['Jun-123'], ['x17-Oct'], ['1.2.3.4']])('rejects %j', (text) => {
    expect(values(text, 'DATE_TIME')).toEqual([]);
  });
});
