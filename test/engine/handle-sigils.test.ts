import { describe, expect, it } from 'vitest';
import { refineModelSpan } from '../../src/engine/model-span-rules.js';
import { covered, modelSpan as at } from './model-spans.js';

describe('a name given as a handle or hashtag', () => {
  it('is masked with its @ or # (persons, organizations, places)', () => {
    for (const [text, part, label, whole] of [
      ['thanks @MichaelWestBiz for the tip', 'MichaelWestBiz', 'PERSON', '@MichaelWestBiz'],
      ['RT @ sabinewolff : great read', 'sabinewolff', 'PERSON', '@ sabinewolff'],
      ['@NAB fees again', 'NAB', 'ORGANIZATION', '@NAB'],
      ['Sunny in #Gateshead today', 'Gateshead', 'LOCATION', '#Gateshead'],
      ['("@reddit") is down', 'reddit', 'ORGANIZATION', '@reddit'],
    ] as const) {
      expect(covered(text, refineModelSpan(text, at(text, part, label))), part).toBe(whole);
    }
  });

  it('leaves a sigil that does not start a word, and other types, alone', () => {
    for (const [text, part, label] of [
      ['mail ana@Acme.com today', 'Acme', 'ORGANIZATION'],
      ['issue C#Sharp notes', 'Sharp', 'PERSON'],
      ['Ana Silva wrote', 'Ana Silva', 'PERSON'],
      ['ping @aiko7', 'aiko7', 'USERNAME'],
    ] as const) {
      expect(covered(text, refineModelSpan(text, at(text, part, label))), part).toBe(part);
    }
  });

  it('applies after the title trim: a handle after a title keeps only its sigil', () => {
    const text = 'cc Dr. @PriyaRaman';
    expect(covered(text, refineModelSpan(text, at(text, 'PriyaRaman')))).toBe('@PriyaRaman');
  });
});
