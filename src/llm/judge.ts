import { canonicalType } from '../engine/labels.js';
import { chunkText, MIN_CHUNK_CHARS } from './chunk.js';
import { DEFAULT_CHUNK_CHARS } from './detect.js';
import { LlmError } from './errors.js';
import { extractJson } from './extract-json.js';
import { entitiesOf, isEntityAnswer, occurrences } from './parse-spans.js';
import { judgeMessages } from './prompts.js';
import type { LlmProvider } from './provider.js';

export interface JudgeRedactionOptions {
  /** Model name; empty means the provider's default model. */
  model: string;
  /** Canonical types the redaction was meant to remove. */
  types: readonly string[];
  signal?: AbortSignal;
  /** As in `detectWithLlm`. @defaultValue 3000 */
  chunkChars?: number;
}

/** An LLM's verdict on one redacted text. Holds no text, only types and numbers. */
export interface RedactionJudgement {
  /**
   * 0..1, 1 = no personal data of the requested types left. Held to the evidence: 1 when none of
   * the leaks the model names can be found in the text; otherwise the model's own score if it gave
   * one below 1, else 0. Over chunks, the lowest.
   */
  score: number;
  /** Canonical types of the leaks found in the text, unique, sorted. Never the leaked values. */
  leaks: string[];
  /** How many leaks the model claimed before they were checked against the text. */
  claimed: number;
}

/**
 * Asks an LLM whether a redacted text still shows personal data of `types`. Each claimed leak
 * must quote a value that occurs in the text and is not a placeholder, mask or hash; the rest
 * (hallucinations, placeholders reported as leaks) is dropped. With `REPLACE` masking the judge
 * cannot tell surrogates from real values and will report them.
 *
 * @throws LlmError from the provider, or `unparseable` when an answer holds no JSON.
 */
export async function judgeRedaction(provider: LlmProvider, maskedText: string, options: JudgeRedactionOptions): Promise<RedactionJudgement> {
  const chunkChars = options.chunkChars ?? DEFAULT_CHUNK_CHARS;
  if (!Number.isInteger(chunkChars) || chunkChars < MIN_CHUNK_CHARS) {
    throw new LlmError('invalid_config', `chunkChars must be an integer ≥ ${MIN_CHUNK_CHARS}`);
  }
  const wanted = new Set(options.types.map((t) => t.trim().toUpperCase()));
  const verdict: RedactionJudgement = { score: 1, leaks: [], claimed: 0 };
  if (wanted.size === 0 || maskedText.trim() === '') return verdict;
  const leaks = new Set<string>();
  for (const chunk of chunkText(maskedText, chunkChars)) {
    if (chunk.text.trim() === '') continue;
    const { content } = await provider.complete({
      model: options.model,
      messages: judgeMessages(chunk.text, options.types),
      temperature: 0,
      responseFormat: 'json',
      signal: options.signal,
    });
    const json = extractJson(content, isVerdict);
    const claimed = entitiesOf(json);
    verdict.claimed += claimed.length;
    let verified = 0;
    for (const leak of claimed) {
      const type = canonicalType(leak.type, wanted);
      if (type === undefined || isPlaceholder(leak.text) || occurrences(chunk.text, leak.text.trim()).length === 0) continue;
      leaks.add(type);
      verified++;
    }
    const own = scoreOf(json);
    const chunkScore = verified === 0 ? 1 : own !== undefined && own < 1 ? own : 0;
    verdict.score = Math.min(verdict.score, chunkScore);
  }
  verdict.leaks = [...leaks].sort();
  return verdict;
}

/** A verdict is a list of leaks, or an object with a `leaks` list or a `score`. */
function isVerdict(json: object): boolean {
  const r = json as { leaks?: unknown; score?: unknown };
  return Array.isArray(json) ? isEntityAnswer(json) : Array.isArray(r.leaks) || typeof r.score === 'number' || typeof r.score === 'string';
}

/** The model's own 0..1 score; anything else (a 0..10 scale, a word) counts as no score. */
function scoreOf(json: object): number | undefined {
  const raw = (json as { score?: unknown }).score;
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof n === 'number' && n >= 0 && n <= 1 ? n : undefined;
}

/**
 * What masking leaves behind: `[PERSON]`, `<EMAIL_2>`, a hex digest, or a value with a run of mask
 * characters (`***-***-0199`: MASK shows at most half a value, by the caller's choice).
 */
function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return /^[[<{]\s*[A-Z][A-Z0-9_ -]*\s*[\]>}]$/.test(v) || /([*#•●])\1{2,}/.test(v) || /^[0-9a-f]{16,}$/i.test(v);
}
