import type { Engine } from '../engine/engine.js';
import type { LlmProvider } from '../llm/provider.js';
import { judgeRedaction } from '../llm/judge.js';
import { reasonOf } from '../engine/errors.js';
import { FREE_TEXT_TYPES } from '../engine/labels.js';
import { planFor } from '../engine/methods.js';
import { insideOwnToken } from '../masks/own-tokens.js';
import type { DatasetContent } from './resources/datasets.js';
import type { JobOutcome } from './job-runner.js';
import type { EntitySummary, JobEvaluation } from './types.js';
import type { ValidatedRequest } from './validate.js';

/** Judge calls are capped so a big dataset does not turn into thousands of LLM requests. */
const MAX_JUDGED_SAMPLES = 50;

/**
 * The post-job check, local by default: the heuristics re-scan the masked output (what they still
 * find of the requested types is a possible leak; our own placeholders are not matched by them),
 * and the share of masked characters shows over-masking. With `evaluation_model` and an LLM
 * provider, an LLM judge scores samples too.
 */
export async function evaluateOutcome(
  engine: Engine,
  content: DatasetContent,
  outcome: JobOutcome,
  request: ValidatedRequest,
  evaluationModel: string | undefined,
  llm: LlmProvider | undefined,
): Promise<JobEvaluation> {
  const heuristicTypes = new Set(engine.supportedTypes().heuristics);
  const types = request.types.filter((t) => heuristicTypes.has(t));
  const maskedTexts: string[] = [];
  let originalChars = 0;
  let maskedChars = 0;
  for (const s of outcome.samples) {
    if (!s.masked) continue;
    for (const m of s.masked) {
      const record = content.files[m.file]!.parsed.records[m.record]!;
      for (const f of record.fields) originalChars += f.text.length;
      for (const f of m.fields) maskedTexts.push(f.text);
    }
    for (const e of s.entities) maskedChars += e.end - e.start;
  }
  const residual: EntitySummary = {};
  const count = (label: string) => {
    const name = request.display.get(label) ?? label;
    residual[name] = (residual[name] ?? 0) + 1;
  };
  if (types.length > 0 && maskedTexts.length > 0) {
    const found = await engine.detect(maskedTexts, { method: 'heuristics', types, threshold: request.threshold });
    for (const d of found) for (const s of d.spans) count(s.label);
  }
  // The model re-reads the output for the free-text types when the job used it.
  const modelTypes = planFor(request.method).gliner ? request.types.filter((t) => FREE_TEXT_TYPES.has(t)) : [];
  if (modelTypes.length > 0 && maskedTexts.length > 0) {
    const found = await engine.detect(maskedTexts, { method: 'gliner', types: modelTypes, threshold: request.threshold });
    found.forEach((d, i) => {
      for (const s of d.spans) if (!insideOwnToken(maskedTexts[i]!, s.start, s.end)) count(s.label);
    });
  }
  const evaluation: JobEvaluation = {
    residual_entities: residual,
    masked_char_ratio: originalChars === 0 ? 0 : Math.round((maskedChars / originalChars) * 10_000) / 10_000,
  };
  if (evaluationModel) {
    if (!llm) {
      evaluation.judge = { skipped: 'no LLM provider configured (nothing is sent off the machine)' };
    } else {
      try {
        let sum = 0;
        const judged = maskedTexts.slice(0, MAX_JUDGED_SAMPLES);
        for (const text of judged) sum += (await judgeRedaction(llm, text, { model: evaluationModel, types: request.types })).score;
        evaluation.judge = { model: evaluationModel, mean_score: judged.length ? sum / judged.length : 1, samples_judged: judged.length };
      } catch (error) {
        evaluation.judge = { skipped: `judge failed: ${reasonOf(error)}` };
      }
    }
  }
  return evaluation;
}

