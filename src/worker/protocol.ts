/**
 * What crosses between the page and the engine worker: only the wire shapes, no behaviour. Every
 * value here survives structured cloning; functions and signals are replaced by call ids (see
 * `EngineHost.cancel`) and by one proxied {@link HostBridge} for progress and LLM calls.
 */
import type { DetectOptions, EngineOptions, RedactOptions, SampleDetection, SampleRedaction } from '../engine/engine.js';
import type { EngineErrorCode } from '../engine/errors.js';
import type { GlinerLoadOptions, GlinerModel, ModelSource, PredictOptions } from '../gliner/index.js';
import type { LlmCompletion, LlmCompletionRequest } from '../llm/provider.js';
import type { OpenAICompatibleConfig } from '../llm/openai-compatible.js';
import type { StageTimings } from '../engine/timings.js';
import type { Span } from '../types.js';
import type { WireTexts } from './pack-texts.js';

/** Model-loading options that can be cloned (the worker supplies its own `fetch`, progress and signal). */
export type WireModelOptions = Omit<GlinerLoadOptions, 'onProgress' | 'signal' | 'fetch'>;

/** How the worker builds its engine. Mirrors `EngineOptions` with the functions taken out. */
export interface WireEngineInit {
  /** A URL (made absolute by the page, since the worker's base URL differs) or the model's bytes. */
  model?: ModelSource;
  modelOptions?: WireModelOptions;
  /** Keep model files in the Cache API / IndexedDB under this name; `false` fetches every time. */
  modelCache: string | false;
  labelPrompts?: EngineOptions['labelPrompts'];
  modelTypes?: EngineOptions['modelTypes'];
  /** An endpoint the worker calls itself, or `'bridge'`: ask the page's provider through the bridge. */
  llm?: Omit<OpenAICompatibleConfig, 'fetch'> | 'bridge';
  /** Call id under which model loading runs, so that `cancel(loadCall)` aborts it. */
  loadCall: number;
}

/**
 * Detect options on the wire: the signal became the call id, progress goes through the bridge, and
 * a `timings` sink became `reportTimings` (the worker sends its stage times back as an event).
 */
export type WireDetectOptions = Omit<DetectOptions, 'signal' | 'onProgress' | 'timings' | 'onWork'> & { reportProgress: boolean; reportTimings?: boolean; reportWork?: boolean };

/** Redact options on the wire: `displayLabel` is sent as its table over the requested types. */
export type WireRedactOptions = Omit<RedactOptions, 'signal' | 'onProgress' | 'displayLabel' | 'timings' | 'onWork'> & {
  reportProgress: boolean;
  reportTimings?: boolean;
  /** Send a `work` event after each model run (the page's `onWork`: a job's heartbeat). */
  reportWork?: boolean;
  displayLabels?: Record<string, string>;
};

export type WirePredictOptions = Omit<PredictOptions, 'signal' | 'onProgress' | 'timings'> & { reportProgress: boolean; reportTimings?: boolean };

/** Masked texts of a large batch come back packed, like large inputs go out. */
export type WireRedaction = { spans: Span[][]; texts: WireTexts; errors: (string | undefined)[]; pseudonymMap: Record<string, string> };

/** A failure, reduced to what may be shown: the engine's code and message, or only a class name. */
export interface WireError {
  name: string;
  message: string;
  code?: EngineErrorCode;
}

/** Every host method answers with a reply rather than throwing, so error codes survive the trip. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: WireError };

/** What the page learns about the loaded model. */
export interface WireModelInfo {
  /** Where it runs, after any WebGPU → WASM fallback. */
  backend: GlinerModel['backend'];
  config: GlinerModel['config'];
  /** The worker's isolation: onnxruntime uses WASM threads only when it is true. */
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  /** Where the load went, per stage, inside the worker. */
  loadTimings?: GlinerModel['loadTimings'];
}

/** Events the worker sends while it works. */
export type HostEvent =
  | { kind: 'progress'; call: number; done: number; total: number }
  /** The model finished a run for this call (at most one every 250 ms): its `onWork` heartbeat. */
  | { kind: 'work'; call: number }
  | { kind: 'download'; loaded: number; total: number; file: string; cached?: boolean }
  /** A call's stage times, sent before its reply when the call asked for them. */
  | { kind: 'timings'; call: number; timings: StageTimings };

/** The page's side, handed to the worker once at `init` (proxied with `Comlink.proxy`). */
export interface HostBridge {
  event(event: HostEvent): void;
  /**
   * Answers once every event sent before it has been handled: events travel on the bridge's own
   * port, replies on the worker's, so a call's last progress could otherwise arrive after its reply.
   */
  flush(): void;
  /** Runs the page's LLM provider for call `call` (the page attaches that call's signal). */
  complete(call: number, request: Omit<LlmCompletionRequest, 'signal'>): Promise<Reply<LlmCompletion>>;
}

/** The worker's side, exposed with `Comlink.expose`. */
export interface EngineHost {
  init(init: WireEngineInit, bridge: HostBridge): Reply<{ heuristics: string[]; model: string[]; hasLlm: boolean }>;
  /** Loads the model; `call` can be canceled. */
  ready(call: number): Promise<Reply<WireModelInfo>>;
  detect(call: number, texts: WireTexts, options: WireDetectOptions): Promise<Reply<SampleDetection[]>>;
  redact(call: number, texts: WireTexts, options: WireRedactOptions): Promise<Reply<WireRedaction>>;
  /** Raw model inference, for the page-side `GlinerModel` that `Engine.ready` resolves with. */
  predict(call: number, texts: WireTexts, labels: readonly string[], options: WirePredictOptions): Promise<Reply<Span[][]>>;
  /** Aborts call `call` at its next check (between batches of the model). Unknown ids are ignored. */
  cancel(call: number): void;
  dispose(): Promise<void>;
}

export type { SampleDetection, SampleRedaction };
