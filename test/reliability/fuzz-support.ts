/**
 * Shared pieces of the reliability fuzzing: adversarial text generators, the code-point boundary
 * check, and a counter of the fuzz cases actually run (each test file writes its count to
 * `$TMPDIR/pii-local-fuzz-counts/<file>.json`; `bench/fuzz-count` style summaries read them).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Span } from '../../src/types.js';

// ------------------------------------------------------------------ counting

const counts = new Map<string, number>();

/**
 * `fc.assert` that also counts the cases run. Fails with fast-check's own report (seed, path,
 * shrunk counterexample) so a failure replays.
 */
export async function checkProperty<Ts>(
  name: string,
  property: fc.IAsyncPropertyWithHooks<Ts> | fc.IPropertyWithHooks<Ts> | fc.IAsyncProperty<Ts> | fc.IProperty<Ts>,
  params: fc.Parameters<Ts> = {},
): Promise<number> {
  const details = await fc.check(property as fc.IAsyncProperty<Ts>, params);
  counts.set(name, (counts.get(name) ?? 0) + details.numRuns);
  if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? `property ${name} failed`);
  return details.numRuns;
}

/** Adds cases run outside `checkProperty` (hand-written adversarial tables). */
export function countCases(name: string, n: number): void {
  counts.set(name, (counts.get(name) ?? 0) + n);
}

/** Writes this file's counts; call from `afterAll`. */
export function flushCounts(file: string): void {
  const dir = join(tmpdir(), 'pii-local-fuzz-counts');
  mkdirSync(dir, { recursive: true });
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  writeFileSync(join(dir, `${file}.json`), JSON.stringify({ total, byProperty: Object.fromEntries(counts) }, null, 2));
}

/** Runs per property: `FUZZ_RUNS` scales every suite (CI default keeps the 2-core machine free). */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

// ------------------------------------------------------------------ boundaries

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when index `i` of `text` does not fall between the two halves of a surrogate pair. */
export function onCodePointBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return i === 0 || i === text.length;
  return !(isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i)));
}

/** Every violation of the span contract in one list (empty = fine), for readable failures. */
export function spanProblems(text: string, spans: readonly Span[]): string[] {
  const problems: string[] = [];
  for (const [i, s] of spans.entries()) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) problems.push(`#${i} non-integer offsets`);
    if (s.start < 0 || s.end > text.length || s.start >= s.end) problems.push(`#${i} out of range [${s.start},${s.end}) of ${text.length}`);
    if (!onCodePointBoundary(text, s.start)) problems.push(`#${i} start ${s.start} splits a surrogate pair`);
    if (!onCodePointBoundary(text, s.end)) problems.push(`#${i} end ${s.end} splits a surrogate pair`);
    if (!(s.score >= 0 && s.score <= 1)) problems.push(`#${i} score ${s.score} outside 0..1`);
    if (typeof s.label !== 'string' || s.label === '') problems.push(`#${i} empty label`);
  }
  return problems;
}

/** Non-overlapping and sorted by start. */
export function overlapProblems(spans: readonly Span[]): string[] {
  const problems: string[] = [];
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) problems.push(`#${i - 1} [${spans[i - 1]!.start},${spans[i - 1]!.end}) overlaps/unsorted with #${i} [${spans[i]!.start},${spans[i]!.end})`);
  }
  return problems;
}

// ------------------------------------------------------------------ adversarial text

/** Lone surrogates → U+FFFD (String.prototype.toWellFormed, which our ES2022 lib does not type). */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Pieces that break naive text handling. */
export const TRICKY_PIECES: readonly string[] = [
  // combining marks, precomposed vs decomposed
  'e\u0301', 'Zoe\u0308', 'a\u0300\u0301\u0302\u0303', '\u0301', 'n\u0303o',
  // emoji: astral, ZWJ sequences, flags, skin tones, keycaps, variation selectors
  '😀', '👩‍👩‍👧‍👦', '🇫🇷', '👍🏽', '1️⃣', '❤️', '🏳️‍🌈',
  // RTL and bidi controls
  'שלום', 'مرحبا', '\u202Eevil\u202C', '\u200F', '\u2067x\u2069',
  // zero-width and BOM
  '\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060',
  // line breaks of all kinds
  '\r\n', '\r', '\n', '\u2028', '\u2029', '\t', '\v', '\f', '\u0085',
  // astral letters and digits, full-width digits
  '𝐀𝐁𝐂', '𠀀𠀁', '𝟏𝟐𝟑', '１２３４５', '٣٤٥',
  // quoting and JSON/CSV metacharacters
  '"', '""', "'", ',', ';', '\\', '\\"', '{', '}', '[', ']', '\u0000', '\u001b[31m',
  // PII-shaped pieces (valid and near-miss)
  'maria.lopez@example.org', 'a@b.co', '@@', 'x@y', 'user+tag@sub.example.co.uk',
  '212-555-0143', '+44 20 7946 0958', '(555) 555-5555',
  '4111 1111 1111 1111', '4111111111111112', '536-22-8741', '000-00-0000',
  'GB82 WEST 1234 5698 7654 32', 'DE89370400440532013000',
  '192.168.0.1', '256.1.1.1', '2001:db8::1', '::', 'https://example.com/a?b=c#d', 'www.example.org',
  '00:1A:2B:3C:4D:5E', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT', '0x52908400098527886E0F7030069857D2E4169EE7',
  '2024-02-29', '31/12/1999', '12:30',
  // separator runs (catastrophic-backtracking bait)
  '..........', '----------', '@.@.@.@.@.', '1-1-1-1-1-1-1-1', '0000000000000000000000',
];

/** Lone surrogates: malformed UTF-16 that must not crash anything. */
export const LONE_SURROGATES: readonly string[] = ['\uD83D', '\uDE00', 'a\uD800b', '\uDFFFz'];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY_PIECES) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.constantFrom(' ', ' ', ', ', '. ', 'Call ', 'email ', 'card ', 'SSN ', 'IBAN ', 'phone: ') },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9 .\-]{1,30}$/) },
);

/** Well-formed UTF-16 text made of adversarial pieces (no lone surrogates). */
export const adversarialText = (maxPieces = 30): fc.Arbitrary<string> =>
  fc.array(piece, { maxLength: maxPieces }).map((parts) => wellFormed(parts.join('')));

/** Like `adversarialText` but may hold lone surrogates and NULs. */
export const malformedText = (maxPieces = 30): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 5, arbitrary: piece }, { weight: 1, arbitrary: fc.constantFrom(...LONE_SURROGATES) }), { maxLength: maxPieces })
    .map((parts) => parts.join(''));

/** A long line: one piece repeated many times, or a random mix, up to ~`maxChars`. */
export const longLine = (maxChars = 20_000): fc.Arbitrary<string> =>
  fc.tuple(adversarialText(6), fc.integer({ min: 1, max: maxChars })).map(([p, n]) => {
    const unit = p.length === 0 ? 'a' : p;
    return wellFormed(unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
  });

/** Any text: mostly adversarial, sometimes a long line. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: adversarialText() },
  { weight: 1, arbitrary: longLine() },
);

/** Spans on code-point boundaries of `text`, possibly overlapping, with random types and scores. */
export function spansFor(text: string, labels: readonly string[], maxSpans = 8): fc.Arbitrary<Span[]> {
  const cuts = codePointBoundaries(text);
  if (cuts.length < 2) return fc.constant([]);
  return fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: cuts.length - 1 }), fc.integer({ min: 0, max: cuts.length - 1 }), fc.constantFrom(...labels), fc.double({ min: 0, max: 1, noNaN: true }))
      .filter(([a, b]) => a !== b)
      .map(([a, b, label, score]) => ({ start: cuts[Math.min(a, b)]!, end: cuts[Math.max(a, b)]!, label, score })),
    { maxLength: maxSpans },
  );
}

/** Indices 0..length that are code-point boundaries. */
export function codePointBoundaries(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i <= text.length; i++) if (onCodePointBoundary(text, i)) out.push(i);
  return out;
}

/** Text with generated spans, the pair fast-check shrinks together. */
export const textWithSpans = (labels: readonly string[], maxSpans = 8): fc.Arbitrary<{ text: string; spans: Span[] }> =>
  anyText.chain((text) => spansFor(text, labels, maxSpans).map((spans) => ({ text, spans })));
