import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeSpansInText } from '../../src/engine/merge.js';
import { MASK_STRATEGIES, createMasker, deanonymize } from '../../src/masks/index.js';
import { isStrategyShaped } from '../../src/masks/strategy-words.js';
import type { MaskConfig, MaskRule } from '../../src/masks/index.js';
import type { Span } from '../../src/types.js';
import { RUNS, anyText, checkProperty, flushCounts, spansFor, wellFormed } from './fuzz-support.js';

afterAll(() => flushCounts('fuzz-masks'));

const LABELS = ['PERSON', 'EMAIL', 'PHONE_NUMBER', 'CREDIT_CARD'];
const ENCRYPTION_KEY = Buffer.alloc(32, 5).toString('base64');
const HASH_KEY = Buffer.alloc(32, 6).toString('base64');

/** Text, non-overlapping spans (as the engine hands them over), and a rule per label. */
const maskCase = (rules: fc.Arbitrary<MaskRule>) =>
  anyText
    .chain((text) => spansFor(text, LABELS, 8).map((spans) => ({ text, spans: mergeSpansInText(text, spans) })))
    .chain((c) => fc.tuple(...LABELS.map(() => rules)).map((rs) => ({ ...c, config: Object.fromEntries(LABELS.map((l, i) => [l, rs[i]!])) as MaskConfig })));

/** The text between spans, in order: what masking must leave untouched. */
function outsideSegments(text: string, spans: readonly Span[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const s of spans) {
    out.push(text.slice(at, s.start));
    at = s.end;
  }
  out.push(text.slice(at));
  return out;
}

/** Problems if `masked` is not seg0 + x + seg1 + x + … + segN for some replacements x. */
function outsideProblems(masked: string, segments: readonly string[]): string[] {
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  if (segments.length === 1) return masked === first ? [] : ['text without spans changed'];
  if (!masked.startsWith(first)) return ['text before the first span changed'];
  if (!masked.endsWith(last)) return ['text after the last span changed'];
  let at = first.length;
  const end = masked.length - last.length;
  for (const [i, seg] of segments.slice(1, -1).entries()) {
    const found = masked.indexOf(seg, at);
    if (found < 0 || found + seg.length > end) return [`segment ${i + 1} between spans changed or moved`];
    at = found + seg.length;
  }
  return at <= end ? [] : ['segments overlap the tail'];
}

function isWellFormed(s: string): boolean {
  return wellFormed(s) === s;
}

const STRATEGY_RULES = fc.constantFrom(...(MASK_STRATEGIES as readonly MaskRule[]));
// Strategy-shaped words (`AB`) are refused as typos, not literals (src/masks/strategy-words.ts).
const LITERAL_RULES = fc.oneof(fc.constantFrom('<X>', '', '[REDACTED]', '🙈', '"', '\n'), fc.string({ maxLength: 6 }).filter((s) => !isStrategyShaped(s)));

describe('every mask under fuzzing', () => {
  it.each(MASK_STRATEGIES as readonly string[])('%s leaves the text outside the spans untouched and the output well-formed', async (strategy) => {
    await checkProperty(
      `mask.${strategy}.outside`,
      fc.asyncProperty(maskCase(fc.constant(strategy as MaskRule)), async ({ text, spans, config }) => {
        const masker = createMasker({ seed: 1, hashKey: HASH_KEY, encryptionKey: ENCRYPTION_KEY });
        const masked = await masker.mask(text, spans, config);
        expect(outsideProblems(masked, outsideSegments(text, spans))).toEqual([]);
        expect(isWellFormed(masked), 'a mask split a surrogate pair').toBe(true);
        if (strategy === 'KEEP') expect(masked).toBe(text);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('a mix of strategies and literals per type leaves the outside untouched', async () => {
    await checkProperty(
      'mask.mixed.outside',
      fc.asyncProperty(maskCase(fc.oneof(STRATEGY_RULES, LITERAL_RULES)), async ({ text, spans, config }) => {
        const masker = createMasker({ seed: 2, hashKey: HASH_KEY, encryptionKey: ENCRYPTION_KEY });
        const masked = await masker.mask(text, spans, config);
        expect(outsideProblems(masked, outsideSegments(text, spans))).toEqual([]);
        expect(isWellFormed(masked)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('a literal replacement gives exactly the outside text joined by the literal', async () => {
    await checkProperty(
      'mask.literal.exact',
      fc.asyncProperty(maskCase(fc.constant('<X>')), async ({ text, spans, config }) => {
        const masked = await createMasker().mask(text, spans, config);
        expect(masked).toBe(outsideSegments(text, spans).join('<X>'));
      }),
      { numRuns: RUNS },
    );
  });

  it('HASH is consistent within a key and differs across keys', async () => {
    await checkProperty(
      'mask.HASH.consistent',
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), async (value) => {
        const text = `${value} | ${value}`;
        const spans: Span[] = [
          { start: 0, end: value.length, label: 'EMAIL', score: 1 },
          { start: value.length + 3, end: text.length, label: 'EMAIL', score: 1 },
        ];
        const a = await createMasker({ hashKey: HASH_KEY }).mask(text, spans, { EMAIL: 'HASH' });
        const [x, y] = a.split(' | ');
        expect(x).toBe(y);
        const b = await createMasker({ hashKey: Buffer.alloc(32, 1).toString('base64') }).mask(text, spans, { EMAIL: 'HASH' });
        expect(b).not.toBe(a);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

describe('reversible masks: deanonymize(anonymize(x)) = x', () => {
  // Text that already looks like our tokens must survive the round trip too.
  const withTokenLookalikes = anyText.map((t) => t).chain((t) =>
    fc.constantFrom('', ' <PERSON_1> ', ' <EMAIL_2>', '[EMAIL]', ' ENC(', '<<PERSON_1>>').map((extra) => `${extra}${t}${extra}`),
  );
  const reversibleCase = (strategy: 'ENCRYPT' | 'PSEUDONYMIZE') =>
    withTokenLookalikes.chain((text) => spansFor(text, LABELS, 8).map((spans) => ({ text, spans: mergeSpansInText(text, spans) }))).map((c) => ({
      ...c,
      config: Object.fromEntries(LABELS.map((l) => [l, strategy])) as MaskConfig,
    }));

  it.each(['ENCRYPT', 'PSEUDONYMIZE'] as const)('%s round-trips on adversarial text', async (strategy) => {
    await checkProperty(
      `mask.${strategy}.roundtrip`,
      fc.asyncProperty(reversibleCase(strategy), async ({ text, spans, config }) => {
        const masker = createMasker({ encryptionKey: ENCRYPTION_KEY, seed: 3 });
        const masked = await masker.mask(text, spans, config);
        const restored = await deanonymize(masked, { encryptionKey: ENCRYPTION_KEY, pseudonymMap: masker.pseudonymMap() });
        expect(restored).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('PSEUDONYMIZE is consistent across texts of one masker and reverses them all', async () => {
    await checkProperty(
      'mask.PSEUDONYMIZE.across-texts',
      fc.asyncProperty(fc.array(fc.constantFrom('Ann Lee', 'Bob Ray', 'a@b.co', 'Zoë 👩‍👩‍👧'), { minLength: 1, maxLength: 12 }), async (values) => {
        const masker = createMasker();
        const texts = values.map((v) => `x ${v} y`);
        const masked = await Promise.all(texts.map((t) => masker.mask(t, [{ start: 2, end: t.length - 2, label: 'PERSON', score: 1 }], { PERSON: 'PSEUDONYMIZE' })));
        const tokenOf = new Map<string, string>();
        values.forEach((v, i) => {
          const token = masked[i]!.slice(2, -2);
          if (tokenOf.has(v)) expect(tokenOf.get(v)).toBe(token);
          tokenOf.set(v, token);
        });
        expect(new Set(tokenOf.values()).size).toBe(tokenOf.size); // distinct values, distinct tokens
        for (const [i, m] of masked.entries()) expect(await deanonymize(m, { pseudonymMap: masker.pseudonymMap() })).toBe(texts[i]);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
