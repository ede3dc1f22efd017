/**
 * Work in slices with a macrotask between them. Inference resolves through microtasks only, so a
 * long call would otherwise keep the worker from reading its messages until it ends, and a cancel
 * sent meanwhile would be read too late to matter.
 */

/**
 * Texts per slice are capped by size: about this many UTF-16 units (at least one text). The model
 * yields between its own runs, so a slice only bounds the patterns' synchronous work (~2 ms for
 * 32k units); smaller slices cost model batches (each slice is batched on its own: 60 short texts
 * in 4k slices made 12 ONNX runs where 8 do).
 */
export const SLICE_UNITS = 32_768;

export interface Slice {
  /** Index of the slice's first text in the whole batch. */
  start: number;
  texts: readonly string[];
}

export function slicesOf(texts: readonly string[], units = SLICE_UNITS): Slice[] {
  const out: Slice[] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < texts.length; i++) {
    if (i > start && size + texts[i]!.length > units) {
      out.push({ start, texts: texts.slice(start, i) });
      start = i;
      size = 0;
    }
    size += texts[i]!.length;
  }
  if (start < texts.length) out.push({ start, texts: texts.slice(start) });
  return out;
}

/** Lets queued messages (a cancel) run before the next slice. */
export { nextTask as yieldToEvents } from '../engine/next-task.js';
