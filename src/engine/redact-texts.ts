import type { Span } from '../types.js';
import type { Masker, MaskConfig } from '../masks/index.js';
import type { DetectOptions, Engine, SampleDetection } from './engine.js';
import { EngineError, failureReason, raceAbort, throwIfAborted } from './errors.js';

/** Written instead of a text whose detection or masking failed: unmasked text never reaches an output. */
export const FAILED_PLACEHOLDER = '[REDACTION_FAILED]';

export type RedactedText = { text: string; spans: Span[]; error?: undefined } | { text: typeof FAILED_PLACEHOLDER; spans: []; error: string };

/**
 * How one text is treated (column understanding, `src/engine/columns/`):
 * - `scan`: detected as usual; with a `context` (a column header), the detectors see the text after
 *   `context: ` so context words count as if written next to the value, and spans come back in the
 *   text's own offsets (nothing of the context is ever masked or written); `refine`, when given,
 *   then reviews the spans (before the merge guarantee is re-checked by the masker);
 * - `fixed`: not detected; masked with the given spans (one whole-cell span, or none to keep it).
 */
export type TextTreatment =
  | { kind: 'scan'; context?: string; refine?: (text: string, spans: readonly Span[]) => Span[] }
  | { kind: 'fixed'; spans: Span[] };

export interface RedactTextsOptions extends DetectOptions {
  maskConfig: MaskConfig;
  displayLabel?: (canonical: string) => string;
  /** Texts per engine call. @defaultValue 64; 1024 with `method: 'heuristics'` (no model, cheap per text) */
  batchSize?: number;
  /** One per text; default: every text scanned without context. */
  treatments?: readonly TextTreatment[];
}

/**
 * Detect → merge → mask over many texts with one masker (so PSEUDONYMIZE stays consistent across
 * them), in batches, reporting progress. Every input text gets exactly one result, in order; a
 * failure is confined to its text, which is then replaced by a placeholder.
 */
export async function redactTexts(
  engine: Engine,
  masker: Masker,
  texts: readonly string[],
  options: RedactTextsOptions,
): Promise<RedactedText[]> {
  const { maskConfig, displayLabel, batchSize = defaultBatchSize(options), onProgress, treatments, ...detect } = options;
  const out: RedactedText[] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    throwIfAborted(detect.signal);
    const batch = texts.slice(start, start + batchSize);
    const detections = await detectBatch(engine, batch, treatments?.slice(start, start + batchSize), detect);
    for (let i = 0; i < detections.length; i++) {
      const d = detections[i]!;
      if (d.error !== undefined) {
        out.push({ text: FAILED_PLACEHOLDER, spans: [], error: d.error });
        continue;
      }
      // Nothing to mask leaves the text as it is: no call (and no await) for most cells of a table.
      if (d.spans.length === 0) {
        out.push({ text: batch[i]!, spans: d.spans });
        continue;
      }
      try {
        const masked = masker.maskNow(batch[i]!, d.spans, maskConfig, displayLabel);
        out.push({ text: typeof masked === 'string' ? masked : await masked, spans: d.spans });
      } catch (error) {
        out.push({ text: FAILED_PLACEHOLDER, spans: [], error: failureReason('mask_failed', error) });
      }
    }
    onProgress?.(Math.min(texts.length, start + batch.length), texts.length);
  }
  return out;
}

/** Texts per engine call: heuristics alone have no model run to size batches for, so theirs are big and their set-up rare. */
export function defaultBatchSize(options: Pick<DetectOptions, 'method'>): number {
  return options.method === 'heuristics' ? 1024 : 64;
}

/** A scanned text's treatment. */
export type ScanTreatment = Extract<TextTreatment, { kind: 'scan' }>;

/** What the detectors see of a scanned text: the text after `context: `, as if written next to it. */
export function scanInput(text: string, treatment: ScanTreatment | undefined): string {
  return treatment?.context ? `${treatment.context}: ${text}` : text;
}

/** A scanned text's spans, from those of its `scanInput`: in the text's own offsets, refined when the treatment says. */
export function scannedSpans(text: string, spans: Span[], treatment: ScanTreatment): Span[] {
  const own = treatment.context ? withoutContext(spans, treatment.context.length + 2) : spans;
  return treatment.refine ? treatment.refine(text, own) : own;
}

/** `engine.detect` for `inputs`, given up at once on abort; a reply of the wrong length is an error. */
export async function detectEach(engine: Engine, inputs: readonly string[], detect: DetectOptions): Promise<SampleDetection[]> {
  if (inputs.length === 0) return [];
  const found = await raceAbort(engine.detect(inputs, detect), detect.signal);
  if (found.length !== inputs.length) {
    // A reply of the wrong length cannot be lined up with its texts: fail loudly, never guess.
    throw new EngineError('engine_protocol', `the engine returned ${found.length} results for ${inputs.length} texts`);
  }
  return found;
}

/**
 * Detects the texts of a batch that are scanned (with their context in front), and gives the fixed
 * ones their spans, so the batch is masked in order (PSEUDONYMIZE numbers in order of sight).
 */
async function detectBatch(
  engine: Engine,
  batch: readonly string[],
  treatments: readonly TextTreatment[] | undefined,
  detect: DetectOptions,
): Promise<SampleDetection[]> {
  const scanned: number[] = [];
  // Each distinct input is detected once: a table's categorical columns (a status, a city, a
  // country) repeat the same cell, with the same header as context, thousands of times.
  const inputs: string[] = [];
  const inputOf: number[] = [];
  const seen = new Map<string, number>();
  batch.forEach((text, i) => {
    const t = treatments?.[i];
    if (t?.kind === 'fixed') return;
    scanned.push(i);
    const input = scanInput(text, t);
    let k = seen.get(input);
    if (k === undefined) {
      seen.set(input, (k = inputs.length));
      inputs.push(input);
    }
    inputOf.push(k);
  });
  const unique = await detectEach(engine, inputs, detect);
  // A repeated input gets its own copy of the spans: callers may keep or change each text's list.
  const used = new Uint8Array(unique.length);
  const detections = inputOf.map((k): SampleDetection => {
    const d = unique[k]!;
    if (used[k]!++ === 0 || d.error !== undefined) return d;
    return { spans: d.spans.map((s) => ({ ...s })) };
  });
  const out: SampleDetection[] = batch.map((_, i) => {
    const t = treatments?.[i];
    return { spans: t?.kind === 'fixed' ? t.spans : [] };
  });
  scanned.forEach((i, k) => {
    const d = detections[k]!;
    const t = treatments?.[i];
    if (d.error !== undefined || t?.kind !== 'scan') {
      out[i] = d;
      return;
    }
    out[i] = { spans: scannedSpans(batch[i]!, d.spans, t) };
  });
  return out;
}

/** Spans in the text's own offsets: what lies in the context is dropped, a span reaching into it is cut. */
function withoutContext(spans: readonly Span[], offset: number): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    if (s.end <= offset) continue;
    out.push({ ...s, start: Math.max(s.start, offset) - offset, end: s.end - offset });
  }
  return out;
}
