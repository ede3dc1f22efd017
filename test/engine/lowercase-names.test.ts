import { describe, expect, it } from 'vitest';
import { refineModelSpan } from '../../src/engine/model-span-rules.js';
import { covered, modelSpan as at } from './model-spans.js';


describe('organization and place spans in lower case', () => {
  it('are dropped: groups and common nouns the model took for names', () => {
    for (const [text, part, label] of [
      ['Most voters backed the plan.', 'voters', 'ORGANIZATION'],
      ['Talks with the government stalled.', 'the government', 'ORGANIZATION'],
      ['Met her at the gym.', 'the gym', 'LOCATION'],
      ['They sailed along the coast', 'the coast', 'LOCATION'],
    ] as const) {
      expect(refineModelSpan(text, at(text, part, label)), part).toBeUndefined();
    }
  });

  it('are kept with a capital, a digit, a handle, in scripts without case, and for persons', () => {
    for (const [text, part, label, kept] of [
      ['She works at Acme Corp.', 'Acme Corp', 'ORGANIZATION', 'Acme Corp'],
      ['the university of Pittsburgh', 'university of Pittsburgh', 'ORGANIZATION', 'university of Pittsburgh'],
      ['listen on 6pr radio', '6pr', 'ORGANIZATION', '6pr'],
      ['thanks @google for nothing', 'google', 'ORGANIZATION', '@google'],
      ['他住在北京。', '北京', 'LOCATION', '北京'],
      ['ask tom about it', 'tom', 'PERSON', 'tom'],
    ] as const) {
      expect(covered(text, refineModelSpan(text, at(text, part, label))), part).toBe(kept);
    }
  });
});
