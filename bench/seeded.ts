/** Deterministic randomness and check-digit helpers shared by the corpus generators of `bench/`. */
import { luhn } from '../src/recognizers/checksums.js';

/** mulberry32: a small seeded PRNG in [0, 1), so generated corpora are the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `prefix` plus the one check digit that makes it pass Luhn. */
export function luhnComplete(prefix: string): string {
  for (let c = 0; c <= 9; c++) if (luhn(prefix + c)) return prefix + c;
  throw new Error('unreachable: one Luhn check digit always fits');
}
