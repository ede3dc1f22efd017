import { describe, expect, it } from 'vitest';
import { mergeSpans, mergeSpansInText } from '../../src/engine/merge.js';
import type { Span } from '../../src/types.js';

const span = (start: number, end: number, label: string, score: number, source?: string): Span => ({ start, end, label, score, ...(source ? { source } : {}) });

describe('mergeSpans', () => {
  it.each([
    ['same-type overlap becomes the union with the higher score', [span(0, 10, 'PERSON', 0.6), span(5, 15, 'PERSON', 0.9)], [span(0, 15, 'PERSON', 0.9)]],
    ['same-type nested span is absorbed', [span(0, 20, 'STREET_ADDRESS', 0.7), span(3, 8, 'STREET_ADDRESS', 0.95)], [span(0, 20, 'STREET_ADDRESS', 0.95)]],
    ['same-type touching spans are one value', [span(0, 4, 'CREDIT_CARD', 0.5), span(4, 8, 'CREDIT_CARD', 0.5)], [span(0, 8, 'CREDIT_CARD', 0.5)]],
    ['adjacent same-type values separated by a character stay separate', [span(0, 7, 'PERSON', 0.8), span(9, 16, 'PERSON', 0.8)], [span(0, 7, 'PERSON', 0.8), span(9, 16, 'PERSON', 0.8)]],
    ['cross-type partial overlap: higher score wins, loser keeps its uncovered part', [span(0, 10, 'PERSON', 0.9), span(6, 20, 'LOCATION', 0.6)], [span(0, 10, 'PERSON', 0.9), span(10, 20, 'LOCATION', 0.6)]],
    ['cross-type nested: a stronger inner span splits the outer one', [span(0, 30, 'STREET_ADDRESS', 0.5), span(12, 20, 'LOCATION', 0.9)], [span(0, 12, 'STREET_ADDRESS', 0.5), span(12, 20, 'LOCATION', 0.9), span(20, 30, 'STREET_ADDRESS', 0.5)]],
    ['cross-type nested: a stronger outer span swallows the inner one', [span(0, 30, 'EMAIL', 1), span(0, 10, 'PERSON', 0.7)], [span(0, 30, 'EMAIL', 1)]],
    ['equal scores: the longer span wins', [span(0, 10, 'PHONE_NUMBER', 0.8), span(0, 14, 'US_BANK_NUMBER', 0.8)], [span(0, 14, 'US_BANK_NUMBER', 0.8)]],
    ['empty spans are ignored', [span(5, 5, 'PERSON', 1)], []],
  ])('%s', (_name, input, expected) => {
    expect(mergeSpans(input).map(({ source: _s, ...s }) => s)).toEqual(expected);
  });

  it('output never overlaps and is sorted, whatever the input', () => {
    const input = [span(0, 10, 'A', 0.5), span(3, 12, 'B', 0.7), span(8, 30, 'C', 0.6), span(11, 14, 'A', 0.9), span(2, 4, 'B', 0.1)];
    const out = mergeSpans(input);
    for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
    // Every character some detector flagged is still covered.
    for (const s of input) for (let c = s.start; c < s.end; c++) expect(out.some((o) => o.start <= c && c < o.end)).toBe(true);
  });

  it('cross-type: a pattern span beats a model span whatever the scores; among model spans the score decides', () => {
    // "536-22-8140" in a CSV cell: the model says age (0.62), the SSN pattern without context 0.5.
    const ssn = mergeSpans([span(0, 11, 'AGE', 0.62, 'gliner'), span(0, 11, 'US_SSN', 0.5, 'heuristics:us-ssn')]);
    expect(ssn.map((s) => [s.label, s.start, s.end])).toEqual([['US_SSN', 0, 11]]);
    // A phone inside a model's address: the phone part is the phone, the rest stays an address.
    const cut = mergeSpans([span(0, 30, 'STREET_ADDRESS', 0.9, 'gliner'), span(20, 30, 'PHONE_NUMBER', 0.4, 'heuristics:phone')]);
    expect(cut.map((s) => [s.label, s.start, s.end])).toEqual([['STREET_ADDRESS', 0, 20], ['PHONE_NUMBER', 20, 30]]);
    // Found by both a model and a pattern (same type, united) still counts as a pattern span.
    const both = mergeSpans([span(0, 5, 'EMAIL', 0.3, 'gliner'), span(0, 5, 'EMAIL', 0.35, 'heuristics:email'), span(0, 9, 'PERSON', 0.9, 'gliner')]);
    expect(both.map((s) => [s.label, s.start, s.end])).toEqual([['EMAIL', 0, 5], ['PERSON', 5, 9]]);
    // Two model spans: the higher score.
    const models = mergeSpans([span(0, 11, 'AGE', 0.62, 'gliner'), span(0, 11, 'PHONE_NUMBER', 0.7, 'llm')]);
    expect(models.map((s) => s.label)).toEqual(['PHONE_NUMBER']);
  });

  it('records both sources when two detectors found the same value', () => {
    const [merged] = mergeSpans([span(0, 5, 'EMAIL', 0.9, 'gliner'), span(0, 5, 'EMAIL', 1, 'heuristics:email')]);
    expect(merged!.source).toBe('gliner+heuristics:email');
  });
});

describe('mergeSpansInText', () => {
  it('drops a remainder that is only punctuation or space', () => {
    const text = 'Ann Lee, Paris';
    // LOCATION (weaker) overlaps PERSON up to the comma: what is left is ", " — nothing to mask.
    const out = mergeSpansInText(text, [span(0, 7, 'PERSON', 0.9), span(4, 9, 'LOCATION', 0.4), span(9, 14, 'LOCATION', 0.8)]);
    expect(out.map((s) => text.slice(s.start, s.end))).toEqual(['Ann Lee', 'Paris']);
  });

  it('trims space and punctuation at the cut edge of a remainder', () => {
    const text = 'call 555 0100 now';
    const out = mergeSpansInText(text, [span(5, 13, 'PHONE_NUMBER', 0.9), span(4, 17, 'DATE_TIME', 0.3)]);
    expect(out.map((s) => [text.slice(s.start, s.end), s.label])).toEqual([
      ['555 0100', 'PHONE_NUMBER'],
      ['now', 'DATE_TIME'],
    ]);
  });
});
