/**
 * What the bundled model is asked for by default follows its measured precision: the types left out
 * are those its card shows it gets almost always wrong, or never learnt.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEngine } from '../../src/cli/engine-factory.js';
import { FREE_TEXT_TYPES, promptFor } from '../../src/engine/labels.js';
import { BUNDLED_MODEL_DEFAULT_TYPES } from '../../src/engine/model-source.js';

const MODEL = join(import.meta.dirname, '..', '..', 'models', 'pii-local-small');
type Prf = { p: number; support: number };
const synthetic = (JSON.parse(readFileSync(join(MODEL, 'eval.json'), 'utf8')) as Record<string, Record<string, Prf>>)['synthetic_test']!;
const MIN_PRECISION = 0.1;

describe('the bundled model default types', () => {
  it('are the free-text types with precision ≥ 0.1 on its synthetic test set, and only those', () => {
    for (const type of FREE_TEXT_TYPES) {
      const row = synthetic[promptFor(type)];
      const usable = row !== undefined && row.support > 0 && row.p >= MIN_PRECISION;
      expect(BUNDLED_MODEL_DEFAULT_TYPES.includes(type), `${type}: precision ${row?.p ?? 'not trained'}`).toBe(usable);
    }
  });

  it('are what the CLI asks the bundled model for; a model the caller names gets every free-text type', () => {
    const bundled = cliEngine('gliner', undefined, undefined);
    const given = cliEngine('gliner', MODEL, undefined);
    try {
      expect([...bundled.defaultTypes].sort()).toEqual([...BUNDLED_MODEL_DEFAULT_TYPES].sort());
      expect([...given.defaultTypes].sort()).toEqual([...FREE_TEXT_TYPES].sort());
      for (const t of ['USERNAME', 'PASSWORD', 'NRP']) expect(bundled.known.has(t)).toBe(true); // still accepted when listed
    } finally {
      void bundled.engine.dispose();
      void given.engine.dispose();
    }
  });
});
