import { describe, expect, it } from 'vitest';
import { heuristicTypes } from '../../src/recognizers/registry.js';
import { found, values } from './helpers.js';

describe('UUID', () => {
  it.each([
    ['550e8400-e29b-41d4-a716-446655440000'], // v4
    ['6ba7b810-9dad-11d1-80b4-00c04fd430c8'], // v1
    ['017F22E2-79B0-7CC3-98C4-DC0C0C07398F'], // v7, upper case
  ])('finds %s at 0.5', (value) => {
    expect(found(`id ${value} ok`, 'UUID', { contextWindow: 0 })).toEqual([{ value, score: 0.5 }]);
  });
  it('lifts it after "uuid"', () => {
    expect(found('uuid 550e8400-e29b-41d4-a716-446655440000', 'UUID')[0]?.score).toBeCloseTo(0.85);
  });
  it.each([
    ['00000000-0000-0000-0000-000000000000'], // nil
    ['550e8400-e29b-61d4-a716-446655440000'], // version 6 is not accepted (Presidio)
    ['550e8400-e29b-41d4-c716-446655440000'], // variant bits
    ['550e8400e29b41d4a716446655440000'], // no hyphens
    ['x550e8400-e29b-41d4-a716-446655440000'],
    ['550e8400-e29b-41d4-a716-446655440000-0a'],
  ])('rejects %j', (text) => {
    expect(values(text, 'UUID')).toEqual([]);
  });
  it('is off unless named', () => {
    expect(heuristicTypes()).not.toContain('UUID');
    expect(heuristicTypes({ all: true })).toContain('UUID');
  });
});
