import { describe, expect, it } from 'vitest';
import { refineProseSpans } from '../../../src/engine/columns/prose-cells.js';
import type { Span } from '../../../src/types.js';

/** A model span over `part` of `text` (first occurrence). */
function guess(text: string, part: string, label = 'PERSON', score = 0.45, source = 'gliner'): Span {
  const start = text.indexOf(part);
  return { start, end: start + part.length, label, score, source };
}

const values = (text: string, spans: readonly Span[]) => spans.map((s) => text.slice(s.start, s.end));

describe('refineProseSpans', () => {
  it.each([
    ['Referred by Linda Park from the branch.', ['Referred', 'Linda Park'], ['Linda Park']], // a capital opening the cell is no name
    ['Payment late. Spoke with Kevin Brooks.', ['Spoke', 'Kevin Brooks'], ['Kevin Brooks']], // …nor one opening a sentence
    ['Prefers email. Renewed the plan.', ['email. Renewed'], []], // cut at the sentence end, then each part judged
    ['Follow-up with Dr. Alan Whitfield.', ['Alan'], ['Alan']], // `Dr.` ends no sentence
    ['Notes:\n- neighbour Helen Park checks in', ['Helen Park'], ['Helen Park']],
    ['- Visit booked', ['Visit'], []], // a bullet opens a line
    ['asked to update her email', ['email'], []], // no capital: not a name in prose
  ])('%j: %j → %j', (text, parts, kept) => {
    expect(values(text, refineProseSpans(text, parts.map((p) => guess(text, p))))).toEqual(kept);
  });

  it('reads a place or organization right after an honorific as a person, and leaves others', () => {
    const text = 'Neighbour Ms. Helen Park checks in; lives near Hyde Park; Dr Stone Clinic called.';
    const spans = [guess(text, 'Helen Park', 'LOCATION', 0.7), guess(text, 'Hyde Park', 'LOCATION', 0.7), guess(text, 'Stone Clinic', 'ORGANIZATION', 0.7)];
    expect(refineProseSpans(text, spans).map((s) => [text.slice(s.start, s.end), s.label])).toEqual([
      ['Helen Park', 'PERSON'], ['Hyde Park', 'LOCATION'], ['Stone Clinic', 'PERSON'],
    ]);
  });

  it('keeps a sure guess, a pattern span and a type that is not name-like', () => {
    const text = 'Sarah called. Card 4111 1111 1111 1111. Age 42';
    const spans = [
      guess(text, 'Sarah', 'PERSON', 0.8),
      guess(text, '4111 1111 1111 1111', 'CREDIT_CARD', 1, 'heuristics:credit-card'),
      guess(text, 'Age', 'AGE', 0.4),
    ];
    expect(values(text, refineProseSpans(text, spans))).toEqual(['Sarah', '4111 1111 1111 1111', 'Age']);
  });
});

describe('refineProseSpans: words around names', () => {
  it.each([
    ["Wife Sarah O'Connor is the contact.", ['Wife Sarah O', 'Connor'], ["Sarah O'Connor"]], // relation left out, apostrophe joined
    ['Referred by Dr. Priya Raman.', ['Dr', 'Priya Raman'], ['Priya Raman']], // an honorific alone is no name
    ['Interpreter needed (Arabic).', ['Interpreter needed'], []], // its one capital opens the sentence
    ['Sie hat Neue Adresse.', ['Neue Adresse'], ['Neue Adresse']], // capitals inside a sentence stay evidence
  ])('%j: %j → %j', (text, parts, kept) => {
    expect(values(text, refineProseSpans(text, parts.map((p) => guess(text, p))))).toEqual(kept);
  });
});
