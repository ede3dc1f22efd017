/** Test helpers for the model-span rules: a model span over `part` of `text`, and what a span covers. */
import type { Span } from '../../src/types.js';

export function modelSpan(text: string, part: string, label = 'PERSON'): Span {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" is not in the test text`);
  return { start, end: start + part.length, label, score: 0.5, source: 'gliner' };
}

export function covered(text: string, span: { start: number; end: number } | undefined): string | undefined {
  return span && text.slice(span.start, span.end);
}
