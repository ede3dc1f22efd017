/**
 * A small seeded generator for REPLACE surrogates. Not cryptographic: surrogates only need to look
 * real and be reproducible for a seed.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  digit(): string;
}

/** A generator seeded by the job seed, the type and the value: equal inputs, equal surrogates. */
export function rngFor(seed: number, ...parts: string[]): Rng {
  return mulberry32(fnv1a(`${seed >>> 0}\u0000${parts.join('\u0000')}`));
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(seed: number): Rng {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (list) => list[int(0, list.length - 1)]!,
    digit: () => String(int(0, 9)),
  };
}
