import { createMasker } from '../masks/index.js';
import type { Engine, RedactOptions, SampleRedaction } from './engine.js';
import { failureReason } from './errors.js';

/**
 * `Engine.redact` over any `detect`: one masker for the whole call (PSEUDONYMIZE consistent across
 * texts), a failed detection or mask confined to its sample.
 */
export async function redactDetected(
  detect: Engine['detect'],
  texts: readonly string[],
  opts: RedactOptions,
): Promise<{ samples: SampleRedaction[]; pseudonymMap: Record<string, string> }> {
  const detections = await detect(texts, opts);
  const masker = createMasker(opts.masker);
  const config = opts.maskConfig ?? {};
  const samples: SampleRedaction[] = [];
  for (let i = 0; i < texts.length; i++) {
    const d = detections[i]!;
    if (d.error !== undefined) {
      samples.push({ spans: [], error: d.error });
      continue;
    }
    try {
      samples.push({ text: await masker.mask(texts[i]!, d.spans, config, opts.displayLabel), spans: d.spans });
    } catch (error) {
      samples.push({ spans: [], error: failureReason('mask_failed', error) });
    }
  }
  return { samples, pseudonymMap: masker.pseudonymMap() };
}
