import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { heuristicTypes, recognize } from '../../src/recognizers/registry.js';
import { RUNS, adversarialText, anyText, checkProperty, flushCounts, malformedText, spanProblems } from './fuzz-support.js';

afterAll(() => flushCounts('fuzz-recognizers'));

const ALL = heuristicTypes({ all: true });
const LOCALES = [undefined, ['en-GB'], ['es', 'it'], ['en-AU', 'en-IN', 'fi', 'sv', 'pl', 'de', 'tr', 'ko', 'en-SG', 'en-ZA', 'en-CA']];

describe('recognize under fuzzing', () => {
  it('never throws; spans lie inside the text, on code-point boundaries, with a requested label and a 0..1 score', async () => {
    await checkProperty(
      'recognize.contract',
      fc.property(anyText, fc.subarray(ALL, { minLength: 1 }), fc.constantFrom(...LOCALES), (text, types, locales) => {
        const spans = recognize(text, { types, locales });
        expect(spanProblems(text, spans)).toEqual([]);
        const asked = new Set(types);
        for (const s of spans) expect(asked.has(s.label), `label ${s.label} not requested`).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('survives malformed UTF-16 (lone surrogates, NUL) without throwing', async () => {
    await checkProperty(
      'recognize.malformed',
      fc.property(malformedText(), (text) => {
        const spans = recognize(text, { types: ALL });
        expect(spanProblems(text, spans)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic and does not depend on earlier calls (no regex lastIndex carry-over)', async () => {
    await checkProperty(
      'recognize.deterministic',
      fc.property(adversarialText(), adversarialText(), (a, b) => {
        const first = recognize(a, { types: ALL });
        recognize(b, { types: ALL });
        expect(recognize(a, { types: ALL })).toEqual(first);
      }),
      { numRuns: RUNS },
    );
  });

  it('asking for one type returns the spans of that type that asking for all would give, before merging', async () => {
    await checkProperty(
      'recognize.type-filter',
      fc.property(adversarialText(), fc.constantFrom(...ALL), (text, type) => {
        const alone = recognize(text, { types: [type] });
        for (const s of alone) expect(s.label).toBe(type);
      }),
      { numRuns: RUNS },
    );
  });

  // Valid values planted between spaces in adversarial context must be found where they are.
  const PLANTED: Array<[type: string, value: string]> = [
    ['EMAIL', 'maria.lopez@example.org'],
    ['CREDIT_CARD', '4111 1111 1111 1111'],
    ['IBAN_CODE', 'DE89370400440532013000'],
    ['IP_ADDRESS', '192.168.10.1'],
    ['US_SSN', '536-22-8741'],
    ['URL', 'https://example.com/path'],
  ];

  it('finds a valid value planted between spaces, at its offsets, whatever surrounds it', async () => {
    await checkProperty(
      'recognize.planted',
      fc.property(adversarialText(12), fc.constantFrom(...PLANTED), adversarialText(12), (before, [type, value], after) => {
        const text = `${before} ${value} ${after}`;
        const at = before.length + 1;
        const spans = recognize(text, { types: [type] });
        const hit = spans.find((s) => s.start <= at && s.end >= at + value.length);
        expect(hit, `${type} not found at ${at} in ${JSON.stringify(text)}`).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });
});
