import { canonicalType } from '../engine/labels.js';
import type { Span } from '../types.js';
import { extractJson } from './extract-json.js';

/**
 * The score every LLM span carries. Chat models give no calibrated confidence, so one constant
 * stands in: above the default threshold (0.3) and GLiNER's usual range, below a checksum-validated
 * heuristic (1.0), so that in a cross-type overlap a validated pattern still wins.
 */
export const LLM_SPAN_SCORE = 0.85;

/** Quoted values longer than this are dropped: no PII value is that long, and it bounds the search. */
const MAX_QUOTE_CHARS = 500;

/** One entity as the model reported it, before it is checked against the text. */
export interface LlmEntity {
  type: string;
  text: string;
  /** Where the model says the value starts; often off by a few characters. */
  start?: number;
}

/**
 * Spans from a detection answer: the JSON is extracted (see `extractJson`), the entities read
 * leniently (see `entitiesOf`), then each one is anchored in `text` (see `anchorEntity`).
 * Entities of types not in `types` and values not found in the text are dropped.
 *
 * @throws LlmError('unparseable') when the answer holds no JSON at all.
 */
export function parseSpans(answer: string, text: string, types: readonly string[]): Span[] {
  return anchorEntities(text, entitiesOf(extractJson(answer, isEntityAnswer)), types);
}

const LIST_KEYS = ['entities', 'spans', 'pii', 'results', 'items', 'findings', 'data', 'leaks'];
const TYPE_KEYS = ['type', 'label', 'entity_type', 'category', 'pii_type'];
const TEXT_KEYS = ['text', 'value', 'span', 'entity_text', 'word', 'entity'];
const START_KEYS = ['start', 'start_offset', 'offset', 'begin'];

/**
 * Entities in any of the shapes models produce: `[{type, text, start}]` (what we ask for, wrapped
 * as `{"entities": [...]}` because JSON mode only allows objects), the same under another list
 * key, `label`/`value`-style field names, a single entity object, or a map of type → value(s)
 * (`{"EMAIL": ["a@b.c"]}`). Items that are not entities are skipped.
 */
export function entitiesOf(json: object): LlmEntity[] {
  if (Array.isArray(json)) return json.flatMap((item) => entityOf(item));
  const record = json as Record<string, unknown>;
  for (const key of LIST_KEYS) {
    const list = record[key];
    if (Array.isArray(list)) return list.flatMap((item) => entityOf(item));
  }
  const single = entityOf(record);
  if (single.length > 0) return single;
  // A map of type → value or values.
  const out: LlmEntity[] = [];
  for (const [type, value] of Object.entries(record)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string') out.push({ type, text: v });
      else out.push(...entityOf(v).map((e) => ({ ...e, type: e.type || type })));
    }
  }
  return out;
}

/**
 * Whether JSON can be a detection answer in one of the shapes `entitiesOf` reads. Anything else
 * (a server quoting our request back, `{"error": 1}`) is not taken for "nothing found".
 */
export function isEntityAnswer(json: object): boolean {
  if (Array.isArray(json)) return json.length === 0 || json.some((item) => entityOf(item).length > 0);
  const record = json as Record<string, unknown>;
  if (LIST_KEYS.some((k) => Array.isArray(record[k]))) return true;
  if (entityOf(record).length > 0) return true;
  // A type map: every value a string or a list (`{}` included, meaning none).
  return Object.values(record).every((v) => typeof v === 'string' || Array.isArray(v));
}

function entityOf(item: unknown): LlmEntity[] {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return [];
  const r = item as Record<string, unknown>;
  const type = firstString(r, TYPE_KEYS) ?? '';
  const text = firstString(r, TEXT_KEYS);
  if (text === undefined) return [];
  const rawStart = START_KEYS.map((k) => r[k]).find((v) => v !== undefined && v !== null);
  const start = typeof rawStart === 'string' && rawStart.trim() !== '' ? Number(rawStart) : rawStart;
  return [{ type, text, ...(typeof start === 'number' && Number.isInteger(start) ? { start } : {}) }];
}

function firstString(r: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) if (typeof r[k] === 'string') return r[k];
  return undefined;
}

/** Anchors entities in `text` and keeps those of the requested types, deduplicated and sorted. */
export function anchorEntities(text: string, entities: readonly LlmEntity[], types: readonly string[]): Span[] {
  const wanted = new Set(types.map((t) => t.trim().toUpperCase()));
  const seen = new Set<string>();
  const spans: Span[] = [];
  for (const entity of entities) {
    // Aliases the model may use (EMAIL_ADDRESS, NAME) resolve to the requested canonical type.
    const label = canonicalType(entity.type, wanted);
    if (label === undefined) continue;
    for (const { start, end } of anchorEntity(text, entity)) {
      const key = `${start}:${end}:${label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      spans.push({ start, end, label, score: LLM_SPAN_SCORE, source: 'llm' });
    }
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Where an entity the model quoted really is. The quoted value is what counts; the offset only
 * chooses among its occurrences:
 * - the offset points at an occurrence → that one;
 * - the offset is given but points elsewhere (models count characters badly) → the occurrence
 *   nearest to it (the earlier on a tie), on the reading that the model meant one mention;
 * - no offset → every occurrence: a value the model calls PII is PII wherever it appears in the
 *   sample, and masking only the first would leave the others readable.
 * A value that does not occur (hallucinated, or paraphrased beyond case and spacing) gives nothing.
 */
export function anchorEntity(text: string, entity: LlmEntity): { start: number; end: number }[] {
  const found = occurrences(text, entity.text.trim());
  if (found.length === 0 || entity.start === undefined) return found;
  const target = entity.start;
  let best = found[0]!;
  for (const o of found) if (Math.abs(o.start - target) < Math.abs(best.start - target)) best = o;
  return [best];
}

/**
 * Occurrences of `quoted` in `text` that do not start or end inside a word ("Ann" is not found in
 * "Annual"). Exact matches first; only if there are none, matches ignoring case and treating any
 * whitespace run as equal (models re-case and re-space what they copy).
 */
export function occurrences(text: string, quoted: string): { start: number; end: number }[] {
  if (quoted.length === 0 || quoted.length > MAX_QUOTE_CHARS) return [];
  const out: { start: number; end: number }[] = [];
  for (let i = text.indexOf(quoted); i >= 0; i = text.indexOf(quoted, i + quoted.length)) {
    if (atWordEdges(text, i, i + quoted.length)) out.push({ start: i, end: i + quoted.length });
  }
  if (out.length > 0) return out;
  const pattern = quoted
    .split(/\s+/)
    .map((part) => part.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'))
    .join('\\s+');
  for (const m of text.matchAll(new RegExp(pattern, 'giu'))) {
    const start = m.index;
    if (atWordEdges(text, start, start + m[0].length)) out.push({ start, end: start + m[0].length });
  }
  return out;
}

// Scripts written without spaces between words: there a word edge cannot be told from the text.
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch) && !NO_SPACE_SCRIPT.test(ch);
}

function atWordEdges(text: string, start: number, end: number): boolean {
  const before = charBefore(text, start);
  const first = String.fromCodePoint(text.codePointAt(start)!);
  const last = charBefore(text, end);
  const after = end < text.length ? String.fromCodePoint(text.codePointAt(end)!) : undefined;
  return !(isWordChar(before) && isWordChar(first)) && !(isWordChar(last) && isWordChar(after));
}

/** The whole code point that ends just before index `i`. */
function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  const isLow = low >= 0xdc00 && low <= 0xdfff;
  return isLow && i >= 2 ? text.slice(i - 2, i) : text[i - 1];
}
