import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_MASK_STRATEGIES, MASK_STRATEGIES, OPERATORS, REMOTE_MASK_STRATEGIES, isRemoteMaskStrategy } from '../../src/masks/index.js';

/** Files of src/masks/ that hold one operator each (named after its config word). */
const OPERATOR_FILES = ['redact', 'replace', 'literal', 'mask', 'hash', 'encrypt', 'pseudonymize', 'keep'];
/** Files that are not operators. */
const SUPPORT_FILES = ['index', 'types', 'errors', 'params', 'config', 'masker', 'deanonymize', 'keys', 'graphemes', 'random', 'surrogates', 'surrogate-lists', 'own-tokens', 'strategy-words'];

describe('the operator table', () => {
  it('lists every operator file of src/masks (a new file must be added to the table)', () => {
    const files = readdirSync(join(import.meta.dirname, '../../src/masks')).map((f) => f.replace(/\.ts$/, ''));
    const unknown = files.filter((f) => !OPERATOR_FILES.includes(f) && !SUPPORT_FILES.includes(f));
    expect(unknown, 'a file that is neither an operator in the table nor a known support file').toEqual([]);
    expect(Object.keys(OPERATORS).map((k) => k.toLowerCase()).sort()).toEqual([...OPERATOR_FILES].sort());
  });

  it('has one operator per strategy word, plus LITERAL', () => {
    expect(Object.keys(OPERATORS).sort()).toEqual([...MASK_STRATEGIES, 'LITERAL'].sort());
  });

  it('types the remote strategies apart from the local extensions', () => {
    expect(REMOTE_MASK_STRATEGIES).toEqual(['REDACT', 'REPLACE']);
    expect(LOCAL_MASK_STRATEGIES).toEqual(['MASK', 'HASH', 'ENCRYPT', 'PSEUDONYMIZE', 'KEEP']);
    expect(MASK_STRATEGIES.filter(isRemoteMaskStrategy)).toEqual(['REDACT', 'REPLACE']);
  });
});
