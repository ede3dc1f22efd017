import type { Span } from '../types.js';
import type { Masker, MaskConfig } from '../masks/index.js';
import type { DetectOptions, Engine } from './engine.js';
import { EngineError, failureReason, raceAbort, throwIfAborted } from './errors.js';

/** Written instead of a text whose detection or masking failed: unmasked text never reaches an output. */
export const FAILED_PLACEHOLDER = '[REDACTION_FAILED]';

export type RedactedText = { text: string; spans: Span[]; error?: undefined } | { text: typeof FAILED_PLACEHOLDER; spans: []; error: string };

export interface RedactTextsOptions extends DetectOptions {
  maskConfig: MaskConfig;
  displayLabel?: (canonical: string) => string;
  /** Texts per engine call. @defaultValue 64 */
  batchSize?: number;
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
  const { maskConfig, displayLabel, batchSize = 64, onProgress, ...detect } = options;
  const out: RedactedText[] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    throwIfAborted(detect.signal);
    const batch = texts.slice(start, start + batchSize);
    const detections = await raceAbort(engine.detect(batch, detect), detect.signal);
    if (detections.length !== batch.length) {
      // A reply of the wrong length cannot be lined up with its texts: fail loudly, never guess.
      throw new EngineError('engine_protocol', `the engine returned ${detections.length} results for ${batch.length} texts`);
    }
    for (const [i, d] of detections.entries()) {
      if (d.error !== undefined) {
        out.push({ text: FAILED_PLACEHOLDER, spans: [], error: d.error });
        continue;
      }
      try {
        out.push({ text: await masker.mask(batch[i]!, d.spans, maskConfig, displayLabel), spans: d.spans });
      } catch (error) {
        out.push({ text: FAILED_PLACEHOLDER, spans: [], error: failureReason('mask_failed', error) });
      }
    }
    onProgress?.(Math.min(texts.length, start + batch.length), texts.length);
  }
  return out;
}
