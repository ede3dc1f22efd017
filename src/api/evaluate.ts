import type { Engine } from '../engine/engine.js';
import type { LlmProvider } from '../llm/provider.js';
import { judgeRedaction } from '../llm/judge.js';
import { raceAbort, reasonOf } from '../engine/errors.js';
import { FREE_TEXT_TYPES } from '../engine/labels.js';
import { planFor } from '../engine/methods.js';
import { insideOwnToken } from '../masks/own-tokens.js';
import type { EntitySummary, JobEvaluation } from './types.js';
import type { ValidatedRequest } from './validate.js';

/** Judge calls are capped so a big dataset does not turn into thousands of LLM requests. */
const MAX_JUDGED_SAMPLES = 50;

/**
 * The post-job check, local by default: the heuristics re-scan the masked output (what they still
 * find of the requested types is a possible leak; our own placeholders are not matched by them),
 * and the share of masked characters shows over-masking. With `evaluation_model` and an LLM
 * provider, an LLM judge scores samples too.
 *
 * It is fed as the job goes (`add` per batch of masked samples), so a big dataset's output is
 * checked without being held whole.
 */
export class JobEvaluator {
  readonly #engine: Engine;
  readonly #request: ValidatedRequest;
  readonly #heuristicTypes: string[];
  readonly #modelTypes: string[];
  readonly #residual: EntitySummary = {};
  readonly #judged: string[] = [];
  #originalChars = 0;
  #maskedChars = 0;

  constructor(
    engine: Engine,
    request: ValidatedRequest,
    private readonly evaluationModel?: string,
    private readonly llm?: LlmProvider,
  ) {
    this.#engine = engine;
    this.#request = request;
    const heuristic = new Set(engine.supportedTypes().heuristics);
    this.#heuristicTypes = request.types.filter((t) => heuristic.has(t));
    // The model re-reads the output for the free-text types when the job used it.
    this.#modelTypes = planFor(request.method).gliner ? request.types.filter((t) => FREE_TEXT_TYPES.has(t)) : [];
  }

  /**
   * Samples that were masked: their original and masked field texts and the masked characters.
   * `signal` is the job's: a cancel must not wait on a re-scan.
   */
  async add(originalTexts: readonly string[], maskedTexts: readonly string[], maskedChars: number, signal?: AbortSignal): Promise<void> {
    for (const t of originalTexts) this.#originalChars += t.length;
    this.#maskedChars += maskedChars;
    if (this.evaluationModel) for (const t of maskedTexts) if (this.#judged.length < MAX_JUDGED_SAMPLES) this.#judged.push(t);
    if (maskedTexts.length === 0) return;
    const { threshold } = this.#request;
    if (this.#heuristicTypes.length > 0) {
      const found = await raceAbort(this.#engine.detect(maskedTexts, { method: 'heuristics', types: this.#heuristicTypes, threshold, signal }), signal);
      for (const d of found) for (const s of d.spans) this.#count(s.label);
    }
    if (this.#modelTypes.length > 0) {
      const found = await raceAbort(this.#engine.detect(maskedTexts, { method: 'gliner', types: this.#modelTypes, threshold, signal }), signal);
      found.forEach((d, i) => {
        for (const s of d.spans) if (!insideOwnToken(maskedTexts[i]!, s.start, s.end)) this.#count(s.label);
      });
    }
  }

  async finish(): Promise<JobEvaluation> {
    const evaluation: JobEvaluation = {
      residual_entities: this.#residual,
      masked_char_ratio: this.#originalChars === 0 ? 0 : Math.round((this.#maskedChars / this.#originalChars) * 10_000) / 10_000,
    };
    if (this.evaluationModel) evaluation.judge = await this.#judge(this.evaluationModel);
    return evaluation;
  }

  async #judge(model: string): Promise<NonNullable<JobEvaluation['judge']>> {
    if (!this.llm) return { skipped: 'no LLM provider configured (nothing is sent off the machine)' };
    try {
      let sum = 0;
      for (const text of this.#judged) sum += (await judgeRedaction(this.llm, text, { model, types: this.#request.types })).score;
      return { model, mean_score: this.#judged.length ? sum / this.#judged.length : 1, samples_judged: this.#judged.length };
    } catch (error) {
      return { skipped: `judge failed: ${reasonOf(error)}` };
    }
  }

  #count(label: string): void {
    const name = this.#request.display.get(label) ?? label;
    this.#residual[name] = (this.#residual[name] ?? 0) + 1;
  }
}
