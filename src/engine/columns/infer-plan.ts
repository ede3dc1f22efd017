import type { ParsedFile } from '../../datasets/index.js';
import type { DetectOptions, Engine, SampleDetection } from '../engine.js';
import { EngineError } from '../errors.js';
import { mergeSpansInText } from '../merge.js';
import { planFor } from '../methods.js';
import { heuristicTypes, recognize } from '../../recognizers/registry.js';
import { isIdLike, isPlaceholder } from './cell-values.js';
import { columnOf, hasColumns, headerWords, lastStep } from './column-keys.js';
import { hintFromHeader, isGenericHeader, type HeaderHint } from './header-synonyms.js';
import { overrideFor, type ResolvedOverride } from './overrides.js';
import type { ColumnDecision, ColumnEvidence, ColumnPlan } from './types.js';

const PATTERN_TYPES: ReadonlySet<string> = new Set(heuristicTypes({ all: true }));

/** Cells per column the detectors look at, by default. */
export const DEFAULT_SAMPLE_SIZE = 50;
/** Share of the sampled cells a type must cover whole to decide a column (a clear majority). */
export const MAJORITY = 0.6;
/** Share of sampled cells shaped like keys for a column without a telling header to be an identifier. */
export const ID_LIKE_SHARE = 0.8;
/** Share of a cell's text a type's spans must cover for the cell to count as that type whole. */
const CELL_COVERAGE = 0.8;

export interface InferColumnsOptions extends Omit<DetectOptions, 'onProgress'> {
  /** The types the plan may give a column (resolved: a plan needs them named). */
  types: readonly string[];
  /** Checked overrides (`resolveColumnOverrides`), applied before any inference. */
  overrides?: ReadonlyMap<string, ResolvedOverride>;
  /** Cells per column given to the detectors. @defaultValue 50 */
  sampleSize?: number;
}

/** The columns of a parsed file in first-seen order: CSV header keys (even with no row), JSON paths generalised. */
export function listColumns(parsed: ParsedFile): string[] {
  const seen = new Set<string>();
  if (parsed.layout.kind === 'csv') for (const c of parsed.layout.columns) seen.add(c);
  for (const r of parsed.records) if (r.error === undefined) for (const f of r.fields) seen.add(columnOf(f.key, parsed.format));
  return [...seen];
}

/**
 * Infers a role per column of a table or record file (`undefined` for TXT/MD: one text, no
 * columns). In order: the caller's override; the header (`hintFromHeader`); a sample of up to
 * `sampleSize` cells per column, run through the detectors, where a type covering a clear majority
 * of the cells decides, else cells shaped like keys make an identifier, else free text. A pattern
 * type (checksum-validated SSN, e-mail, …) beats the key shape; a model's guess does not, so `C-20417`
 * stays an identifier however the model reads it. A type the caller did not request is never masked
 * whole: such a column is scanned like free text.
 */
export async function inferColumnPlan(engine: Engine, parsed: ParsedFile, options: InferColumnsOptions): Promise<ColumnPlan | undefined> {
  if (!hasColumns(parsed.format)) return undefined;
  const { overrides, sampleSize = DEFAULT_SAMPLE_SIZE, ...detect } = options;
  const requested = new Set(detect.types);
  const columns = listColumns(parsed);

  const samples = new Map<string, { cells: string[]; placeholders: number }>();
  for (const c of columns) samples.set(c, { cells: [], placeholders: 0 });
  for (const r of parsed.records) {
    if (r.error !== undefined) continue;
    for (const f of r.fields) {
      const s = samples.get(columnOf(f.key, parsed.format))!;
      if (s.cells.length >= sampleSize) continue;
      if (isPlaceholder(f.text)) s.placeholders++;
      else s.cells.push(f.text);
    }
  }

  const hints = new Map<string, (HeaderHint & { synonym: string }) | undefined>();
  for (const c of columns) hints.set(c, headerHint(c, parsed.format));
  const needs = (c: string) => overrideFor(overrides, c) === undefined;
  const keyShaped = (c: string) => {
    const { cells } = samples.get(c)!;
    return cells.length > 0 && cells.filter(isIdLike).length >= ID_LIKE_SHARE * cells.length;
  };
  const open = columns.filter((c) => needs(c) && (hints.get(c) === undefined || hints.get(c)!.role === 'unknown'));
  // Only a pattern type can overrule key-shaped cells, so neither a header saying "id" (an e-mail
  // used as a key is still an e-mail) nor a column of codes and amounts needs the model.
  const fullSample = open.filter((c) => !keyShaped(c));
  // (a method without heuristics sees no pattern: the cells are only counted)
  const patternSample = [...columns.filter((c) => needs(c) && hints.get(c)?.role === 'identifier'), ...open.filter(keyShaped)];
  const patternsOn = planFor(detect.method).heuristics;
  const found = new Map<string, SampleDetection[]>();
  await detectSamples(engine, fullSample, samples, detect, found);
  for (const c of patternSample) found.set(c, samples.get(c)!.cells.map((cell) => (patternsOn ? patternDetection(cell, detect) : { spans: [] })));

  return {
    columns: columns.map((column): ColumnDecision => {
      const sample = samples.get(column)!;
      const evidence: ColumnEvidence = { sampled: 0, placeholders: sample.placeholders, votes: {}, idLike: 0 };
      const hint = hints.get(column);
      if (hint) evidence.header = hint.synonym;
      const context = contextOf(column, parsed.format);
      const ctx = context === undefined ? {} : { context };

      const override = overrideFor(overrides, column);
      if (override) {
        if (override.action === 'mask_whole') return { column, role: 'pii', type: override.type!, action: 'mask_whole', decidedBy: 'override', evidence };
        return { column, role: override.action === 'keep' ? 'identifier' : 'free_text', action: override.action, decidedBy: 'override', ...ctx, evidence };
      }

      const detections = found.get(column);
      const pattern: Record<string, number> = {};
      if (detections) {
        evidence.sampled = sample.cells.length;
        sample.cells.forEach((cell, i) => {
          if (isIdLike(cell)) evidence.idLike++;
          const d = detections[i];
          if (!d || d.error !== undefined) return;
          for (const [type, byPattern] of wholeCellTypes(cell, d)) {
            evidence.votes[type] = (evidence.votes[type] ?? 0) + 1;
            if (byPattern) pattern[type] = (pattern[type] ?? 0) + 1;
          }
        });
      }
      const n = evidence.sampled;
      const patternWinner = majority(pattern, n);
      const anyWinner = majority(evidence.votes, n);

      const asPii = (type: string, decidedBy: 'header' | 'values'): ColumnDecision =>
        requested.has(type)
          ? { column, role: 'pii', type, action: 'mask_whole', decidedBy, evidence }
          : { column, role: 'pii', type, action: 'scan', decidedBy, ...ctx, evidence: { ...evidence, note: 'type not requested: scanned' } };

      if (hint?.role === 'pii') return asPii(hint.type!, 'header');
      if (hint?.role === 'free_text') return { column, role: 'free_text', action: 'scan', decidedBy: 'header', ...ctx, evidence };
      if (hint?.role === 'identifier') {
        if (patternWinner) return asPii(patternWinner, 'values');
        return { column, role: 'identifier', action: 'keep', decidedBy: 'header', evidence };
      }
      if (n === 0) return { column, role: 'free_text', action: 'scan', decidedBy: 'default', ...ctx, evidence };
      if (patternWinner) return asPii(patternWinner, 'values');
      if (evidence.idLike >= ID_LIKE_SHARE * n) return { column, role: 'identifier', action: 'keep', decidedBy: 'values', evidence };
      if (anyWinner) return asPii(anyWinner, 'values');
      return { column, role: 'free_text', action: 'scan', decidedBy: 'values', ...ctx, evidence };
    }),
  };
}

/** A CSV header is read whole; a JSON path by its last named step, else whole (`address.line1` → address). */
function headerHint(column: string, format: ParsedFile['format']): (HeaderHint & { synonym: string }) | undefined {
  if (format === 'csv') return /^\[\d+\]'*$/.test(column) ? undefined : hintFromHeader(column);
  return hintFromHeader(lastStep(column)) ?? hintFromHeader(column);
}

/** Header words given to detectors with a scanned cell; none for a generic key or an unnamed column. */
function contextOf(column: string, format: ParsedFile['format']): string | undefined {
  const name = format === 'csv' ? column : lastStep(column);
  if (/^\[\d+\]'*$/.test(name) || isGenericHeader(name)) return undefined;
  const words = headerWords(name);
  return words.length > 0 ? words.join(' ') : undefined;
}

async function detectSamples(
  engine: Engine,
  columns: readonly string[],
  samples: ReadonlyMap<string, { cells: string[] }>,
  detect: InferColumnsOptions,
  found: Map<string, SampleDetection[]>,
): Promise<void> {
  const texts = columns.flatMap((c) => samples.get(c)!.cells);
  if (texts.length === 0) {
    for (const c of columns) found.set(c, []);
    return;
  }
  const detections = await engine.detect(texts, detect);
  if (detections.length !== texts.length) {
    // A reply of the wrong length cannot be lined up with its cells: fail loudly, never guess.
    throw new EngineError('engine_protocol', `the engine returned ${detections.length} results for ${texts.length} texts`);
  }
  let at = 0;
  for (const c of columns) {
    const n = samples.get(c)!.cells.length;
    found.set(c, detections.slice(at, at + n));
    at += n;
  }
}

/**
 * The pattern recognizers alone on one cell, run here rather than through the engine: cheap, and
 * it costs no engine call (a worker round trip) for a column the header already calls a key.
 */
function patternDetection(cell: string, detect: InferColumnsOptions): SampleDetection {
  const threshold = detect.threshold ?? 0.3;
  const types = detect.types.filter((t) => PATTERN_TYPES.has(t));
  if (types.length === 0) return { spans: [] };
  const spans = recognize(cell, { types, locales: detect.locales }).filter((s) => s.score >= threshold);
  return { spans: mergeSpansInText(cell, spans) };
}

/** Types whose spans cover (nearly) all of a cell, each with whether a pattern recognizer found it. */
function wholeCellTypes(cell: string, d: SampleDetection): Map<string, boolean> {
  const size = cell.trim().length;
  const covered = new Map<string, { chars: number; pattern: boolean }>();
  for (const s of d.spans) {
    const c = covered.get(s.label) ?? { chars: 0, pattern: false };
    c.chars += s.end - s.start;
    c.pattern ||= s.source?.startsWith('heuristics') ?? false;
    covered.set(s.label, c);
  }
  const out = new Map<string, boolean>();
  for (const [type, c] of covered) if (size > 0 && c.chars >= CELL_COVERAGE * size) out.set(type, c.pattern);
  return out;
}

/** The type with the most votes when it holds a clear majority of `n` cells (at least two, unless one cell was sampled). */
function majority(votes: Readonly<Record<string, number>>, n: number): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [type, count] of Object.entries(votes)) if (count > most) [best, most] = [type, count];
  return best !== undefined && most >= MAJORITY * n && most >= Math.min(n, 2) ? best : undefined;
}
