/**
 * Detection methods of both remote families and what each runs locally.
 * `aimon_pii_m1` is the anonymization-run name of the remote GLiNER model; locally it is ours.
 */
export const TRANSFORM_JOB_METHODS = ['gliner', 'llm', 'heuristics', 'gliner+heuristics', 'llm+heuristics', 'all'] as const;
export const ANONYMIZATION_RUN_METHODS = ['aimon_pii_m1', 'llm', 'heuristics', 'aimon_pii_m1+heuristics', 'llm+heuristics', 'all'] as const;

export type TransformJobDetectionMethod = (typeof TRANSFORM_JOB_METHODS)[number];
export type AnonymizationRunDetectionMethod = (typeof ANONYMIZATION_RUN_METHODS)[number];
export type DetectionMethod = TransformJobDetectionMethod | AnonymizationRunDetectionMethod;

/** Which detectors a method runs. */
export interface DetectorPlan {
  gliner: boolean;
  heuristics: boolean;
  llm: boolean;
}

const PLANS: Readonly<Record<DetectionMethod, DetectorPlan>> = {
  gliner: { gliner: true, heuristics: false, llm: false },
  aimon_pii_m1: { gliner: true, heuristics: false, llm: false },
  heuristics: { gliner: false, heuristics: true, llm: false },
  'gliner+heuristics': { gliner: true, heuristics: true, llm: false },
  'aimon_pii_m1+heuristics': { gliner: true, heuristics: true, llm: false },
  llm: { gliner: false, heuristics: false, llm: true },
  'llm+heuristics': { gliner: false, heuristics: true, llm: true },
  all: { gliner: true, heuristics: true, llm: true },
};

export function isDetectionMethod(value: unknown): value is DetectionMethod {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PLANS, value);
}

export function planFor(method: DetectionMethod): DetectorPlan {
  return PLANS[method];
}
