import { recognize, type RecognizeOptions } from '../../src/recognizers/registry.js';

/** The values (text slices) of `type` found in `text`, with their scores, in order. */
export function found(text: string, type: string, options: Omit<RecognizeOptions, 'types'> = {}): Array<{ value: string; score: number }> {
  return recognize(text, { ...options, types: [type] }).map((s) => ({ value: text.slice(s.start, s.end), score: s.score }));
}

/** Just the values. */
export function values(text: string, type: string, options: Omit<RecognizeOptions, 'types'> = {}): string[] {
  return found(text, type, options).map((f) => f.value);
}

/** Score of the single span found for `value` inside `text`, or undefined. */
export function scoreOf(text: string, type: string, value: string, options: Omit<RecognizeOptions, 'types'> = {}): number | undefined {
  return found(text, type, options).find((f) => f.value === value)?.score;
}
