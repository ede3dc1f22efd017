import type { Span } from '../types.js';

/**
 * The conflict-resolution strategy, applied to the spans of all detectors for one text:
 *
 * 1. **Same type, overlapping or touching** (`a.end >= b.start`, no character between them) → one
 *    span covering their union, with the higher score. Same-type spans separated by any character
 *    (a space, a comma) stay separate: "Ann Lee, Bob Ray" is two people, and a space between two
 *    numbers is never assumed to make them one value.
 * 2. **Different types, overlapping** → a span a pattern recognizer found (`source`
 *    `heuristics:*`) beats one only a model found (GLiNER, LLM); between spans of the same kind the
 *    higher score wins (ties: the longer span, then the earlier). Scores of the two kinds are not on
 *    one scale: pattern scores follow Presidio and stay low without context words (an SSN 0.5, a
 *    phone 0.4), while a model's score is its confidence among the labels it was prompted with; and a
 *    value that matches a validated pattern is that identifier, where the model guesses from
 *    context (it calls an SSN in a CSV cell an age). The loser is not dropped: it is cut to the
 *    parts the winner does not cover, and each part that still holds a letter or digit is kept. So
 *    every character some detector flagged is still masked, and no two output spans overlap, which
 *    is what masking needs.
 *
 * Output: non-overlapping spans sorted by `start`.
 */
export function mergeSpans(spans: readonly Span[]): Span[] {
  return resolve(spans, undefined);
}

/**
 * Text-aware variant, what the engine uses: where a loser is cut, the new edge is moved past any
 * space or punctuation left next to the winner, and a remainder with no letter or digit is dropped
 * (e.g. the ", " between two names).
 */
export function mergeSpansInText(text: string, spans: readonly Span[]): Span[] {
  return resolve(spans, text);
}

function resolve(spans: readonly Span[], text: string | undefined): Span[] {
  const united = uniteSameType(spans.filter((s) => s.end > s.start));
  const byStrength = [...united].sort(
    (a, b) =>
      Number(fromPattern(b)) - Number(fromPattern(a)) || b.score - a.score || (b.end - b.start) - (a.end - a.start) || a.start - b.start,
  );
  const accepted: Span[] = [];
  for (const candidate of byStrength) {
    for (const piece of subtract(candidate, accepted, text)) accepted.push(piece);
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/** A pattern recognizer found it (alone, or together with a model: `gliner+heuristics:email`). */
function fromPattern(span: Span): boolean {
  return span.source !== undefined && /(^|\+)heuristics:/.test(span.source);
}

function uniteSameType(spans: readonly Span[]): Span[] {
  const byType = new Map<string, Span[]>();
  for (const s of spans) {
    const list = byType.get(s.label);
    if (list) list.push(s);
    else byType.set(s.label, [s]);
  }
  const out: Span[] = [];
  for (const list of byType.values()) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let current: Span | undefined;
    for (const s of list) {
      if (current && s.start <= current.end) {
        current = {
          ...current,
          end: Math.max(current.end, s.end),
          score: Math.max(current.score, s.score),
          source: current.source === s.source ? current.source : joinSources(current.source, s.source),
        };
      } else {
        if (current) out.push(current);
        current = { ...s };
      }
    }
    if (current) out.push(current);
  }
  return out;
}

function joinSources(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  const parts = new Set([...a.split('+'), ...b.split('+')]);
  return [...parts].sort().join('+');
}

/** The parts of `span` not covered by any of `taken` (which never overlap each other). */
function subtract(span: Span, taken: readonly Span[], text: string | undefined): Span[] {
  let pieces: Span[] = [span];
  for (const t of taken) {
    if (t.end <= span.start || t.start >= span.end) continue;
    const next: Span[] = [];
    for (const p of pieces) {
      if (t.end <= p.start || t.start >= p.end) {
        next.push(p);
        continue;
      }
      if (p.start < t.start) next.push({ ...p, end: t.start });
      if (t.end < p.end) next.push({ ...p, start: t.end });
    }
    pieces = next;
    if (pieces.length === 0) break;
  }
  if (text === undefined || (pieces.length === 1 && pieces[0] === span)) return pieces;
  return pieces.flatMap((p) => trimCutEdges(text, p, p.start !== span.start, p.end !== span.end));
}

const CONTENT = /[\p{L}\p{N}]/u;

function trimCutEdges(text: string, span: Span, cutStart: boolean, cutEnd: boolean): Span[] {
  let { start, end } = span;
  // Step by code point: half a surrogate pair is never a letter, so a per-unit test would drop an
  // astral letter or digit (𝐀, 𠀀) from the mask.
  if (cutStart) {
    for (let ch = codePointAfter(text, start); start < end && !CONTENT.test(ch); ch = codePointAfter(text, start)) start += ch.length;
  }
  if (cutEnd) {
    for (let ch = codePointBefore(text, end); end > start && !CONTENT.test(ch); ch = codePointBefore(text, end)) end -= ch.length;
  }
  if (start > end) start = end;
  if (start >= end || !CONTENT.test(text.slice(start, end))) return [];
  return [{ ...span, start, end }];
}

function codePointAfter(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function codePointBefore(text: string, i: number): string {
  const low = text.charCodeAt(i - 1);
  const high = text.charCodeAt(i - 2);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(i - 2, i) : text.slice(i - 1, i);
}
