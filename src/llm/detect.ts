import type { Span } from '../types.js';
import { chunkText, MIN_CHUNK_CHARS } from './chunk.js';
import { LlmError } from './errors.js';
import { parseSpans } from './parse-spans.js';
import { detectionMessages } from './prompts.js';
import type { LlmProvider } from './provider.js';

/**
 * Characters per LLM call. About 1,000 tokens of text: with the prompt and a long answer it fits
 * the 4k-token context small local models are often served with, and models miss less in short texts.
 */
export const DEFAULT_CHUNK_CHARS = 3_000;

export interface DetectWithLlmOptions {
  /** Model name; empty means the provider's default model. */
  model: string;
  /** Canonical types to look for (see `src/engine/labels.ts`); spans of other types are dropped. */
  types: readonly string[];
  signal?: AbortSignal;
  /** Longer texts are split (see `chunkText`) and each piece is sent on its own. @defaultValue 3000 */
  chunkChars?: number;
}

/**
 * Finds the requested types in `text` with an LLM. Each chunk is one chat call (sequential: local
 * servers usually serve one request at a time); spans come back with offsets in the whole text,
 * label = canonical type, score `LLM_SPAN_SCORE`, source `'llm'`, sorted, not yet merged.
 *
 * @throws LlmError from the provider, or `unparseable` when a chunk's answer holds no JSON: the
 *   sample then fails instead of silently passing as "nothing found".
 */
export async function detectWithLlm(provider: LlmProvider, text: string, options: DetectWithLlmOptions): Promise<Span[]> {
  const chunkChars = options.chunkChars ?? DEFAULT_CHUNK_CHARS;
  if (!Number.isInteger(chunkChars) || chunkChars < MIN_CHUNK_CHARS) {
    throw new LlmError('invalid_config', `chunkChars must be an integer ≥ ${MIN_CHUNK_CHARS}`);
  }
  if (options.types.length === 0 || text.trim() === '') return [];
  const spans: Span[] = [];
  for (const chunk of chunkText(text, chunkChars)) {
    if (chunk.text.trim() === '') continue;
    const { content } = await provider.complete({
      model: options.model,
      messages: detectionMessages(chunk.text, options.types),
      temperature: 0,
      responseFormat: 'json',
      signal: options.signal,
    });
    for (const s of parseSpans(content, chunk.text, options.types)) {
      spans.push({ ...s, start: s.start + chunk.offset, end: s.end + chunk.offset });
    }
  }
  return spans;
}
