import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('MAC_ADDRESS', () => {
  it.each(['00:1A:2B:3C:4D:5E', '00-1a-2b-3c-4d-5e', '001a.2b3c.4d5e'])('finds %s at 0.6', (value) => {
    expect(found(`dev ${value} up`, 'MAC_ADDRESS', { contextWindow: 0 })).toEqual([{ value, score: 0.6 }]);
  });

  it('lifts it with context', () => {
    expect(found('MAC address 00:1A:2B:3C:4D:5E', 'MAC_ADDRESS')[0]?.score).toBeCloseTo(0.95);
  });

  it.each([
    ['00:1A:2B:3C:4D'], // five pairs
    ['00:1A:2B:3C:4D:5E:6F'], // seven
    ['00:1A-2B:3C:4D:5E'], // mixed separators
    ['00:1G:2B:3C:4D:5E'], // not hex
    ['00:00:00:00:00:00'], // all zero
    ['FF:FF:FF:FF:FF:FF'], // broadcast
    ['x00:1A:2B:3C:4D:5E'],
  ])('rejects %j', (text) => {
    expect(values(text, 'MAC_ADDRESS')).toEqual([]);
  });
});
