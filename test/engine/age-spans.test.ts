import { afterAll, describe, expect, it } from 'vitest';
import { isClockTime } from '../../src/engine/age-spans.js';
import { createEngine } from '../../src/engine/engine.js';

const span = (text: string, part: string) => {
  const start = text.indexOf(part);
  return { start, end: start + part.length, label: 'AGE', score: 0.9 };
};

describe('isClockTime', () => {
  it('knows the numbers of a clock time', () => {
    expect(isClockTime('after 5pm', span('after 5pm', '5pm'))).toBe(true);
    expect(isClockTime('at 10:30 today', span('at 10:30 today', '30'))).toBe(true);
    expect(isClockTime('at 10:30 today', span('at 10:30 today', '10'))).toBe(true);
    expect(isClockTime('Back at 9 a.m. sharp', span('Back at 9 a.m. sharp', '9'))).toBe(true);
    expect(isClockTime('at 7 PM', span('at 7 PM', '7'))).toBe(true);
  });
  it('leaves ages alone', () => {
    for (const [text, part] of [['The patient, 42, was admitted.', '42'], ['She is 87 years old.', '87 years old'], ['a 3-year-old boy', '3-year-old'], ['aged 9 and 11', '9'], ['age: 34', '34']]) {
      expect(isClockTime(text!, span(text!, part!)), text).toBe(false);
    }
  });
});

describe('the engine with the bundled model', () => {
  const engine = createEngine();
  afterAll(() => engine.dispose());
  it('does not call a clock time an age', async () => {
    const { samples } = await engine.redact(['Call +1 (415) 555-0199 after 5pm', 'The patient, 42, was admitted.'], { method: 'gliner+heuristics' });
    expect(samples[0]!.text).toBe('Call [PHONE_NUMBER] after 5pm');
    expect(samples[1]!.text).toBe('The patient, [AGE], was admitted.');
  }, 60_000);
});
