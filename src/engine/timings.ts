/**
 * Where a call's time went, stage by stage: an opt-in sink for benchmarks (`timings` in
 * `PredictOptions` / `DetectOptions`). Nothing is measured unless an object is passed; results
 * never depend on it. Each stage adds its milliseconds to what the object already holds, so one
 * object can sum several calls; a stage that did not run stays absent.
 */
export interface StageTimings {
  /** GLiNER: words split, word pieces looked up, windows planned, rows sorted by length. */
  prepareMs?: number;
  /** GLiNER: input tensors filled for each batch. */
  tensorsMs?: number;
  /** GLiNER: onnxruntime's `session.run`, tensors handed over and logits read back. */
  runMs?: number;
  /** GLiNER: ONNX runs made (batches). */
  runs?: number;
  /** GLiNER: span candidates read from the logits, greedy decoding, word → character offsets. */
  decodeMs?: number;
  /** Pattern recognizers. */
  heuristicsMs?: number;
  /** Person-edge trimming and the merge of every detector's spans. */
  mergeMs?: number;
  /** Worker engines: the whole call inside the worker. The page's wall time minus this is messaging. */
  workerMs?: number;
}

/** Adds the time since `since` (a `performance.now()`) to `key`; a no-op without a sink. */
export function addStageTime(sink: StageTimings | undefined, key: Exclude<keyof StageTimings, 'runs'>, since: number): void {
  if (sink) sink[key] = (sink[key] ?? 0) + (performance.now() - since);
}

/** Adds every stage of `from` into `into` (a worker's report into the page's sink). */
export function addStageTimings(into: StageTimings, from: StageTimings): void {
  for (const [key, value] of Object.entries(from) as [keyof StageTimings, number | undefined][]) {
    if (typeof value === 'number') into[key] = (into[key] ?? 0) + value;
  }
}
