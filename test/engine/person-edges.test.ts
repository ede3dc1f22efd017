import { afterAll, describe, expect, it } from 'vitest';
import { onlyNonNameWords, trimPersonEdges } from '../../src/engine/person-edges.js';
import { refineModelSpan } from '../../src/engine/model-span-rules.js';
import { createEngine } from '../../src/engine/engine.js';
import { covered, modelSpan } from './model-spans.js';

const at = (text: string, part: string) => modelSpan(text, part);
const cut = (text: string, part: string) => {
  const s = trimPersonEdges(text, at(text, part));
  return s && text.slice(s.start, s.end);
};

describe('trimPersonEdges', () => {
  it('takes pronouns, "be", greetings and day words off the edges of a name', () => {
    expect(cut('Hi, I am Ana Silva.', 'I am Ana Silva')).toBe('Ana Silva');
    expect(cut('Yesterday I met Maria.', 'Yesterday I')).toBeUndefined();
    expect(cut('Dear John Smith, thanks', 'Dear John Smith,')).toBe('John Smith,');
    expect(cut('I’m Ana and I', 'I’m Ana and I')).toBe('Ana');
  });

  it('takes titles off the start of a name, and drops a title alone', () => {
    expect(cut('Referred by Dr. Priya Raman.', 'Dr. Priya Raman')).toBe('Priya Raman');
    expect(cut('as Mrs Clinton said', 'Mrs Clinton')).toBe('Clinton');
    expect(cut('President Barack Obama', 'President Barack Obama')).toBe('Barack Obama');
    expect(cut('Dr . Verna Magee-Shepherd', 'Dr . Verna Magee-Shepherd')).toBe('Verna Magee-Shepherd');
    expect(cut('ask the President', 'President')).toBeUndefined();
  });

  it('leaves names, particles and lower-case names alone', () => {
    for (const [text, part] of [
      ['Ludwig van Beethoven wrote it', 'Ludwig van Beethoven'],
      ['ask maria gonzalez lol', 'maria gonzalez'],
      ['Stephen King', 'Stephen King'],
      ['King Henry VIII', 'King Henry VIII'],
      ['Isabel Inês', 'Isabel Inês'],
    ] as const) {
      expect(cut(text, part)).toBe(part);
    }
  });
});

describe('organizations and places made only of words that are never names', () => {
  const span = (text: string, part: string, label: string) => ({ ...at(text, part), label });
  it('are dropped; acronyms and real names stay', () => {
    expect(onlyNonNameWords('We said so', span('We said so', 'We', 'ORGANIZATION'))).toBe(true);
    expect(refineModelSpan('We said so', span('We said so', 'We', 'ORGANIZATION'))).toBeUndefined();
    expect(refineModelSpan('When he came', span('When he came', 'When he', 'LOCATION'))).toBeUndefined();
    for (const [text, part] of [['flights to the US', 'US'], ['In The Hague today', 'The Hague'], ['at Apple Inc', 'Apple Inc']] as const) {
      expect(refineModelSpan(text, span(text, part, 'LOCATION'))).toEqual(span(text, part, 'LOCATION'));
    }
  });
});

describe('the engine with the bundled model', () => {
  const engine = createEngine();
  afterAll(() => engine.dispose());
  it('masks the name, not "I am", in a self-introduction', async () => {
    const { samples } = await engine.redact(['Hi, I am Ana Silva.', 'I am Ana Silva and I live in Lisbon.'], { method: 'gliner', types: ['PERSON'] });
    expect(samples.map((s) => s.text)).toEqual(['Hi, I am [PERSON].', 'I am [PERSON] and I live in Lisbon.']);
  }, 60_000);
});

describe('a person span past a possessive', () => {
  it('ends before the apostrophe', () => {
    for (const [text, part, name] of [
      ["I read Samuel Delany's Dhalgren twice", "Samuel Delany's Dhalgren", 'Samuel Delany'],
      ["in Virgil ' s Aeneid", "Virgil ' s Aeneid", 'Virgil'],
      ["the Coens' Miller's Crossing", "Coens' Miller", 'Coens'],
      ["Obama's speech", "Obama's", 'Obama'],
    ] as const) {
      expect(covered(text, refineModelSpan(text, at(text, part))), part).toBe(name);
    }
  });
  it('leaves an apostrophe inside a name alone', () => {
    for (const [text, part] of [["Call Liam O'Connor now", "Liam O'Connor"], ["Shaquille O’Neal scored", 'Shaquille O’Neal']] as const) {
      expect(covered(text, refineModelSpan(text, at(text, part))), part).toBe(part);
    }
  });
});
