import type { Span } from '../types.js';

/**
 * Whether a span the model calls an AGE is part of a clock time (`5pm`, the `30` of `10:30`, the
 * `9` of `9 a.m.`): the bundled model tags such numbers as ages (its card's known weaknesses), and a
 * time is never an age, so these are dropped. Numbers elsewhere are left to the model.
 */
export function isClockTime(text: string, span: Span): boolean {
  const value = text.slice(span.start, span.end).trim();
  if (/^\d{1,2}(?::\d{2})?\s?[ap]\.?m\.?$/i.test(value)) return true;
  if (!/^\d{1,2}$/.test(value)) return false;
  const before = text.slice(Math.max(0, span.start - 3), span.start);
  const after = text.slice(span.end, span.end + 6);
  return /\d:$/.test(before) || /^:\d\d/.test(after) || /^\s?[ap]\.?m(?:\.|\b)/i.test(after);
}
