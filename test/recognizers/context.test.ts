import { describe, expect, it } from 'vitest';
import { boosted, compileContext, hasContext, wordsBefore } from '../../src/recognizers/context.js';
import { scoreOf } from './helpers.js';

describe('context words', () => {
  it('takes the last N whole words before the span, lower case', () => {
    const text = 'one two Three four five six 123';
    expect(wordsBefore(text, text.indexOf('123'), 3)).toEqual(['four', 'five', 'six']);
  });

  it('drops a word cut by the look-back bound', () => {
    const text = `${'x'.repeat(300)} 123`;
    expect(wordsBefore(text, text.length - 3, 1)).toEqual([]);
  });

  it('matches phrases as consecutive whole words, with plural and "#" forms', () => {
    const phrases = compileContext(['credit card', 'ssn']);
    expect(hasContext(['my', 'credit', 'card'], phrases)).toBe(true);
    expect(hasContext(['credit', 'my', 'card'], phrases)).toBe(false);
    expect(hasContext(['ssns'], phrases)).toBe(true);
    expect(hasContext(['ssn#'], phrases)).toBe(true);
    expect(hasContext(['classn'], phrases)).toBe(false);
  });

  it('adds 0.35 with a floor of 0.4 and a cap of 1.0', () => {
    expect(boosted(0.01)).toBeCloseTo(0.4);
    expect(boosted(0.3)).toBeCloseTo(0.65);
    expect(boosted(0.9)).toBe(1);
  });

  it('respects the window: a context word 6 words back is out of the default window of 5', () => {
    expect(scoreOf('SSN a b c d e 536228741', 'US_SSN', '536228741')).toBeCloseTo(0.05);
    expect(scoreOf('SSN a b c d 536228741', 'US_SSN', '536228741')).toBeCloseTo(0.4);
    expect(scoreOf('SSN a b c d e 536228741', 'US_SSN', '536228741', { contextWindow: 6 })).toBeCloseTo(0.4);
    expect(scoreOf('SSN 536228741', 'US_SSN', '536228741', { contextWindow: 0 })).toBeCloseTo(0.05);
  });

  it('does not look after the span', () => {
    expect(scoreOf('536228741 is my SSN', 'US_SSN', '536228741')).toBeCloseTo(0.05);
  });
});
