/**
 * The one-call path for a string:
 *
 * ```ts
 * const safe = await redactText('Call Ana Silva at 415-555-0199'); // 'Call [PERSON] at [PHONE_NUMBER]'
 * ```
 *
 * Same defaults as `redactFile` and the CLI (bundled model, `gliner+heuristics`, the types its card
 * supports) whichever engine is passed.
 */
import { createMasker, type PseudonymMap } from '../masks/index.js';
import { EngineError } from '../engine/errors.js';
import { redactTexts } from '../engine/redact-texts.js';
import type { Span } from '../types.js';
import { resolveSimpleRequest, withEngine, type SimpleRedactOptions } from './request.js';

export type RedactTextOptions = SimpleRedactOptions;

/** What `redactTextWithReport` tells besides the masked text. */
export interface RedactTextReport {
  text: string;
  /** The spans found in the input, labelled with the caller's type spelling. */
  entities: Span[];
  /** PSEUDONYMIZE tokens → originals: secret, keep it to reverse the masking. */
  pseudonymMap: PseudonymMap;
}

/** The masked text. A text that cannot be scanned rejects with an `EngineError` (never the text unmasked). */
export async function redactText(text: string, options: RedactTextOptions = {}): Promise<string> {
  return (await redactTextWithReport(text, options)).text;
}

export async function redactTextWithReport(text: string, options: RedactTextOptions = {}): Promise<RedactTextReport> {
  if (typeof text !== 'string') throw new EngineError('invalid_input', `redactText takes a string, not ${text === null ? 'null' : typeof text}`);
  const request = resolveSimpleRequest(options);
  const label = (t: string) => request.display.get(t) ?? t;
  return withEngine(options, async (engine) => {
    const masker = createMasker(options.masker);
    const [out] = await redactTexts(engine, masker, [text], request.redact);
    if (out === undefined || out.error !== undefined) {
      throw new EngineError('inference_failed', `the text could not be redacted (${out?.error ?? 'no result'})`);
    }
    return { text: out.text, entities: out.spans.map((s) => ({ ...s, label: label(s.label) })), pseudonymMap: masker.pseudonymMap() };
  });
}
