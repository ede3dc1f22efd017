import { describe, expect, it } from 'vitest';
import { refineModelSpan } from '../../src/engine/model-span-rules.js';
import { modelSpan } from './model-spans.js';

const at = (text: string, part: string) => modelSpan(text, part, 'USERNAME');

describe('USERNAME spans from the model', () => {
  it('drop a plain word with no account word before it', () => {
    for (const [text, part] of [['Card on file for copays.', 'copays'], ['- neighbour Ms. Park checks in', 'neighbour'], ['Thanks team', 'team']] as const) {
      expect(refineModelSpan(text, at(text, part)), part).toBeUndefined();
    }
  });

  it('keep handles, and plain words an account word introduces', () => {
    for (const [text, part] of [
      ['ping maria_23 later', 'maria_23'],
      ['ping @aiko7', 'aiko7'],
      ['ping @bob', 'bob'],
      ['j.smith wrote', 'j.smith'],
      ['username: jsmith', 'jsmith'],
      ['logged in as admin today', 'admin'],
      ['Login: kate', 'kate'],
    ] as const) {
      expect(refineModelSpan(text, at(text, part)), part).toEqual(at(text, part));
    }
  });
});
