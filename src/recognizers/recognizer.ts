/**
 * The shape of a heuristic recognizer, after Presidio's `PatternRecognizer`: data (named patterns
 * with base scores, context words) plus two hooks. Scoring contract:
 *
 * - each pattern match starts at its pattern's base `score`;
 * - `validate` (checksum, calendar, …) is tri-state: `true` lifts the score to 1.0 (or to the
 *   recognizer's `validatedScore` when its check is weak), `false` drops the match, `undefined`
 *   keeps the base score;
 * - `invalidate` returning `true` drops the match (known sample values, all-same digits, …);
 * - a context word before the match adds 0.35, with a floor of 0.4 and a cap of 1.0 (see `context.ts`).
 *
 * Patterns must run in linear time: bounded quantifiers, no nested unbounded repetition, and
 * lookarounds instead of `\b` where digits must not be glued to letters.
 */

/** Country packs. `global` is always on; the others are switched on by locale or by naming a type. */
export type Pack =
  | 'global' | 'us' | 'uk' | 'es' | 'it' | 'pl' | 'fi' | 'se' | 'de' | 'au' | 'ca' | 'in' | 'sg' | 'kr' | 'tr' | 'za'
  | 'ng' | 'th' | 'ph' | 'dk';

/** One named regular expression and the score a bare match of it gets. */
export interface Pattern {
  /** Human-readable name, e.g. `"SSN (delimited)"`. */
  name: string;
  /** A global (`g`) regex; the whole match is the span. Must be linear-time. */
  regex: RegExp;
  /** Base score in 0..1 before validation and context. */
  score: number;
}

/** Score of a number whose single check digit passes: evidence, not proof (see `Recognizer.validatedScore`). */
export const WEAK_CHECKSUM_SCORE = 0.7;

/** A raw hit before scoring: offsets into the text, the matched value and the pattern behind it. */
export interface Candidate {
  start: number;
  end: number;
  score: number;
  pattern: string;
}

/** `true` → 1.0, `false` → drop, `undefined` → keep the base score. */
export type Validation = boolean | undefined;

/** A heuristic recognizer for one canonical entity type. */
export interface Recognizer {
  /** Stable id, used in `Span.source` as `heuristics:<id>`. */
  readonly id: string;
  /** The canonical label every span of this recognizer carries (see `src/engine/labels.ts`). */
  readonly type: string;
  /** Which pack switches it on (`global` = always). */
  readonly pack: Pack;
  /**
   * Whether it belongs to its pack's default set. Off for recognizers whose checksum is too weak
   * for a bare match (ABA routing numbers: 1 random 9-digit number in 10 passes).
   * @defaultValue true
   */
  readonly defaultOn?: boolean;
  /** Named patterns; ignored when `find` is given. */
  readonly patterns: readonly Pattern[];
  /** Context words or phrases (lower case, matched as whole words before the span). */
  readonly context: readonly string[];
  /**
   * Score a passing `validate` gives. 1.0 by default (Presidio). Lower for a weak check on a bare
   * number (one check digit over digits only: 1 random number in 10 or 11 passes), so a context
   * word still decides between same-shaped identifiers of different countries (ACN vs TFN vs SIN).
   * @defaultValue 1
   */
  readonly validatedScore?: number;
  /** Tri-state validation of a matched value (see the module comment). */
  readonly validate?: (value: string, pattern: string) => Validation;
  /** `true` drops the match. */
  readonly invalidate?: (value: string, pattern: string) => boolean;
  /**
   * Custom candidate search for families a single regex cannot express (phone numbers, URLs).
   * Must be linear-time. Each candidate goes to `accept`, which runs `invalidate`/`validate` and
   * context and answers whether it was kept (a finder may then look for overlapping candidates).
   */
  readonly find?: (text: string, accept: (candidate: Candidate) => boolean) => void;
  /**
   * Every value it can find holds an ASCII digit, so a text without one is not searched: most
   * cells of a table (names, places, statuses) hold none, and dates, phone numbers and card
   * numbers are the costliest searches. A test holds each such recognizer to it.
   */
  readonly needsDigit?: boolean;
}
