import type { Span } from '../../src/types.js';

/** Spans for each `[value, label]` at its first occurrence after the previous one. */
export function spansIn(text: string, ...marks: Array<[string, string]>): Span[] {
  let from = 0;
  return marks.map(([value, label]) => {
    const start = text.indexOf(value, from);
    if (start < 0) throw new Error(`test setup: ${value} not in text`);
    from = start + value.length;
    return { start, end: start + value.length, label, score: 1 };
  });
}

export const KEY_A = Buffer.alloc(32, 5).toString('base64');
export const KEY_B = new Uint8Array(32).fill(9);
