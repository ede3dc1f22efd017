/**
 * Runs one recognizer over a text: patterns (or the custom finder) → validate/invalidate →
 * context → one span per distinct value. Never throws on odd text.
 */
import type { Span } from '../types.js';
import { boosted, compileContext, hasContext, wordsBefore, type ContextWords } from './context.js';
import { eachMatch } from './matching.js';
import type { Candidate, Recognizer } from './recognizer.js';

/** What `scan` needs of a recognizer beyond its patterns, worked out once. */
interface Prepared {
  context: ContextWords;
  hasContextWords: boolean;
  source: string;
}

const prepared = new WeakMap<Recognizer, Prepared>();

function prepare(recognizer: Recognizer): Prepared {
  let p = prepared.get(recognizer);
  if (p === undefined) {
    const context = compileContext(recognizer.context);
    p = { context, hasContextWords: context.single.size > 0 || context.phrases.length > 0, source: `heuristics:${recognizer.id}` };
    prepared.set(recognizer, p);
  }
  return p;
}

export interface ScanOptions {
  /** Words before a span searched for context words (0 turns context off). */
  contextWindow: number;
  /**
   * Keep only values whose check passed (`validate` → true) and that follow one of the
   * recognizer's context words: how a pack that is off gets switched on by the text itself.
   * @defaultValue false
   */
  requireContext?: boolean;
}

/**
 * Spans of one recognizer, sorted by start. Among the recognizer's own hits, a span equal to or
 * contained in a higher-or-equal scoring one is dropped (Presidio's `remove_duplicates`), so the
 * same value is never reported twice.
 */
export function scan(recognizer: Recognizer, text: string, options: ScanOptions): Span[] {
  const { context, hasContextWords, source } = prepare(recognizer);
  const scored: Span[] = [];
  const accept = (c: Candidate): boolean => {
    const value = text.slice(c.start, c.end);
    if (recognizer.invalidate?.(value, c.pattern)) return false;
    const verdict = recognizer.validate?.(value, c.pattern);
    if (verdict === false) return false;
    let score = verdict === true ? Math.max(c.score, recognizer.validatedScore ?? 1) : c.score;
    const needContext = options.requireContext === true;
    if (needContext && verdict !== true) return false;
    if (score < 1 || needContext) {
      const hit = hasContextWords && hasContext(wordsBefore(text, c.start, options.contextWindow), context);
      if (needContext && !hit) return false;
      if (hit) score = boosted(score);
    }
    scored.push({ start: c.start, end: c.end, label: recognizer.type, score, source });
    return true;
  };
  if (recognizer.find) {
    recognizer.find(text, accept);
  } else {
    for (const pattern of recognizer.patterns) {
      eachMatch(pattern.regex, text, (m) => void accept({ start: m.index, end: m.index + m[0].length, score: pattern.score, pattern: pattern.name }));
    }
  }
  return removeDuplicates(scored);
}

/**
 * Drops spans equal to or inside a span with a higher-or-equal score; returns them sorted by start.
 * A sweep in (start asc, end desc, score desc) order sees every container before what it contains,
 * and keeps only spans still open at the current start, so it stays linear for bounded spans.
 */
function removeDuplicates(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || b.score - a.score);
  const kept: Span[] = [];
  let open: Span[] = [];
  for (const s of ordered) {
    if (open.length > 0) open = open.filter((o) => o.end > s.start || (o.end === s.end && o.start === s.start));
    if (open.some((o) => o.start <= s.start && o.end >= s.end && o.score >= s.score)) continue;
    kept.push(s);
    open.push(s);
  }
  return kept;
}
