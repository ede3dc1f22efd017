import { expect } from 'vitest';

/** JSON type of a value as the seed examples show it (`null` allowed where the seed says `| null`). */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Every key of the seed example is on `actual`, with the seed's JSON type (or null where the
 * reference page marks the field nullable). Recurses into objects and the first array element.
 */
export function expectSeedShape(actual: unknown, seed: unknown, nullable: ReadonlySet<string>, path = ''): void {
  if (jsonType(seed) === 'object') {
    expect(jsonType(actual), `${path || 'object'} type`).toBe('object');
    for (const [key, seedValue] of Object.entries(seed as Record<string, unknown>)) {
      const p = path ? `${path}.${key}` : key;
      expect(actual as object, `missing ${p}`).toHaveProperty([key]);
      const value = (actual as Record<string, unknown>)[key];
      if (value === null && nullable.has(p)) continue;
      // The seeds leave these objects open ({}): only their being objects is the contract.
      if (jsonType(seedValue) === 'object' && Object.keys(seedValue as object).length === 0) {
        expect(jsonType(value), p).toBe('object');
        continue;
      }
      expectSeedShape(value, seedValue, nullable, p);
    }
    return;
  }
  if (jsonType(seed) === 'array') {
    expect(jsonType(actual), path).toBe('array');
    const first = (seed as unknown[])[0];
    for (const item of actual as unknown[]) expectSeedShape(item, first, nullable, `${path}[]`);
    return;
  }
  expect(jsonType(actual), path).toBe(jsonType(seed));
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
