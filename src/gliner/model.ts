import type { Span } from '../types.js';
import { nextTask } from '../engine/next-task.js';
import { EngineError } from '../engine/errors.js';
import { addStageTime, type StageTimings } from '../engine/timings.js';
import { labelGroups, planWindows, type WordWindow } from './chunking.js';
import type { GlinerConfig } from './config.js';
import { dedupeCandidates, greedySearch, spanCandidates, tokenCandidates, type TokenLayout, type WordSpan } from './decode.js';
import { GlinerError } from './errors.js';
import type { PromptEncoder } from './prompt.js';
import type { Backend, ModelSession, RunOutput } from './session.js';
import { rowTokens, TensorBuilder, type RowInput } from './tensors.js';
import { splitWords, type Word } from './words.js';

/** Options of {@link GlinerModel.predict}. */
export interface PredictOptions {
  /** Spans scoring strictly above are kept (as Python GLiNER). @defaultValue 0.3 */
  threshold?: number;
  /** `true`: no two spans overlap; `false`: spans may nest but not cross. @defaultValue true */
  flatNer?: boolean;
  /** One word range may carry several labels. @defaultValue false */
  multiLabel?: boolean;
  /** Rows (text windows) per ONNX run; rows are sorted by length and padded to the longest. @defaultValue 8 */
  batchSize?: number;
  /** Checked before every run; an abort rejects with an `EngineError` coded `aborted`. */
  signal?: AbortSignal;
  /** Texts finished so far out of all, after each finished text. */
  onProgress?: (done: number, total: number) => void;
  /**
   * After every ONNX run, finished texts or not: one long text is many runs, and a caller (a job's
   * heartbeat) needs to see the work is alive while `onProgress` has nothing new to say.
   */
  onRun?: () => void;
  /** Opt-in: adds this call's milliseconds per stage (prepare, tensors, run, decode) to the object. */
  timings?: StageTimings;
}

/**
 * Where a model's load went, in ms. Stages overlap: the runtime starts and the ONNX file is read
 * while the tokenizer is built, so they do not add up to `total_ms`.
 */
export interface LoadTimings {
  /** Runtime start: onnxruntime's `.wasm` fetched and compiled (a tiny session opened). */
  runtime_ms: number;
  /** The ONNX file read (download, cache or disk), with its manifest check. */
  onnx_read_ms: number;
  /** Tokenizer built from `tokenizer.json` (after it was read). */
  tokenizer_ms: number;
  /** The model's session opened (graph parsed and optimised), after the runtime was up. */
  session_ms: number;
  /** From the call to the model ready. */
  total_ms: number;
}

/** A loaded GLiNER model. */
export interface GlinerModel {
  readonly config: GlinerConfig;
  /** How long the load took, per stage (absent for models made another way, e.g. across a worker). */
  readonly loadTimings?: LoadTimings;
  /** Where it runs (after any fallback). */
  readonly backend: Backend;
  /**
   * Spans per text, sorted by start. `label` is the label string as passed; offsets are UTF-16
   * indices into the text, `end` exclusive; `score` is the model's sigmoid.
   */
  predict(texts: readonly string[], labels: readonly string[], options?: PredictOptions): Promise<Span[][]>;
  /** Releases the session; later calls to `predict` fail. */
  dispose(): Promise<void>;
}

/** Texts planned and sorted together; bounds memory on large inputs. */
const TEXTS_PER_PASS = 256;

interface Row {
  readonly text: number;
  readonly group: number;
  readonly window: WordWindow;
  readonly input: RowInput;
  readonly tokens: number;
}

interface TextState {
  readonly words: readonly Word[];
  pending: number;
  candidates: WordSpan[];
}

export class GlinerRunner implements GlinerModel {
  private readonly builder: TensorBuilder;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  private detectedLayout: TokenLayout | undefined;

  constructor(
    readonly config: GlinerConfig,
    private readonly encoder: PromptEncoder,
    private readonly session: ModelSession,
    readonly loadTimings?: LoadTimings,
  ) {
    this.builder = new TensorBuilder(config.maxWidth, encoder.padId, session.contract === 'span');
    this.detectedLayout = session.tokenLayout;
  }

  get backend(): Backend {
    return this.session.backend;
  }

  async predict(texts: readonly string[], labels: readonly string[], options: PredictOptions = {}): Promise<Span[][]> {
    const { threshold = 0.3, flatNer = true, multiLabel = false, batchSize = 8, signal, onProgress, onRun, timings } = options;
    if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) {
      throw new EngineError('invalid_input', `threshold must be a number in [0, 1] (got ${String(threshold)})`);
    }
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new EngineError('invalid_input', `batchSize must be a positive integer (got ${String(batchSize)})`);
    }
    if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string')) throw new EngineError('invalid_input', 'texts must be an array of strings');
    if (!Array.isArray(labels) || labels.some((l) => typeof l !== 'string')) throw new EngineError('invalid_input', 'labels must be an array of strings');
    if (this.disposed) throw new GlinerError('inference_failed', 'run_failed', 'the model was disposed');
    throwIfAborted(signal);

    const results: Span[][] = texts.map(() => []);
    const unique = [...new Set(labels)];
    if (texts.length === 0 || unique.length === 0) return results;

    // prompt groups and their row heads; at least half a row stays for text
    const { prefix, suffix, maxTokens } = this.encoder;
    const promptBudget = Math.floor((maxTokens - prefix.length - suffix.length) / 2);
    const groups = labelGroups(unique, this.config.maxTypes, promptBudget, (g) => this.encoder.prompt(g).length);
    const heads = groups.map((g) => [...prefix, ...this.encoder.prompt(g)]);
    const labelIndex = groups.map((g) => g.map((l) => unique.indexOf(l)));

    const greedy = { flatNer, multiLabel };
    let done = 0;
    for (let from = 0; from < texts.length; from += TEXTS_PER_PASS) {
      const prepareStart = performance.now();
      const states = new Map<number, TextState>();
      const rows: Row[] = [];
      for (let t = from; t < Math.min(texts.length, from + TEXTS_PER_PASS); t++) {
        const words = splitWords(texts[t]!);
        if (words.length === 0) {
          // Python skips empty texts too: a 0-word row breaks the graph's reshape
          onProgress?.(++done, texts.length);
          continue;
        }
        const pieces = words.map((w) => this.encoder.wordPieces(w.text));
        const state: TextState = { words, pending: 0, candidates: [] };
        states.set(t, state);
        groups.forEach((_, g) => {
          const head = heads[g]!;
          const budget = maxTokens - head.length - suffix.length;
          // a word longer than a whole row keeps its first pieces: its first piece is what represents it
          const fitted = pieces.map((p) => (p.length > budget ? p.slice(0, budget) : p));
          const windows = planWindows(fitted.map((p) => p.length), budget, this.config.maxLen, this.config.maxWidth);
          for (const window of windows) {
            const input: RowInput = { head, words: fitted.slice(window.start, window.end), tail: suffix };
            rows.push({ text: t, group: g, window, input, tokens: rowTokens(input) });
            state.pending++;
          }
        });
      }
      rows.sort((a, b) => b.tokens - a.tokens);
      addStageTime(timings, 'prepareMs', prepareStart);

      for (let at = 0; at < rows.length; at += batchSize) {
        throwIfAborted(signal);
        const batch = rows.slice(at, at + batchSize);
        const output = await this.run(batch, timings);
        onRun?.();
        // A WASM run settles through microtasks only: give queued messages (a cancel, a click) a turn.
        await nextTask();
        throwIfAborted(signal);
        const decodeStart = performance.now();
        batch.forEach((row, b) => {
          const state = states.get(row.text)!;
          this.collect(output, batch, b, threshold, state.candidates, labelIndex[row.group]!);
          if (--state.pending === 0) {
            results[row.text] = this.finish(state, unique, greedy);
            states.delete(row.text);
            onProgress?.(++done, texts.length);
          }
        });
        addStageTime(timings, 'decodeMs', decodeStart);
      }
    }
    return results;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.queue.catch(() => undefined);
    await this.session.release();
  }

  /** One ONNX run; runs are serialized because the tensor buffers are shared. */
  private run(batch: readonly Row[], timings?: StageTimings): Promise<RunOutput> {
    const task = this.queue.then(async () => {
      if (this.disposed) throw new GlinerError('inference_failed', 'run_failed', 'the model was disposed');
      const tensorsStart = performance.now();
      const { feeds } = this.builder.build(batch.map((r) => r.input));
      addStageTime(timings, 'tensorsMs', tensorsStart);
      const runStart = performance.now();
      const output = await this.session.run(feeds);
      addStageTime(timings, 'runMs', runStart);
      if (timings) timings.runs = (timings.runs ?? 0) + 1;
      return output;
    });
    this.queue = task.catch(() => undefined);
    return task;
  }

  private collect(output: RunOutput, batch: readonly Row[], b: number, threshold: number, out: WordSpan[], labels: readonly number[]): void {
    const row = batch[b]!;
    const nWords = row.window.end - row.window.start;
    const B = batch.length;
    const W = Math.max(...batch.map((r) => r.window.end - r.window.start));
    const C = labels.length;
    const dims = output.dims;
    if (this.session.contract === 'span') {
      const K = this.config.maxWidth;
      if (dims.length !== 4 || dims[0] !== B || dims[1] !== W || dims[2] !== K || dims[3] !== C) {
        throw new GlinerError('inference_failed', 'contract_mismatch', `logits shape [${dims.join(',')}] differs from the expected [${B},${W},${K},${C}] (check max_width against the export)`);
      }
      spanCandidates(output.data, dims, b, nWords, threshold, out, row.window.start, labels);
    } else {
      const layout = this.tokenLayout(dims, B, W, C);
      tokenCandidates(output.data, layout, dims, b, nWords, threshold, out, row.window.start, labels);
    }
  }

  /** Token output layout: from the graph's metadata, else from the first unambiguous shape. */
  private tokenLayout(dims: readonly number[], B: number, W: number, C: number): TokenLayout {
    const fitsNew = dims.length === 4 && dims[0] === B && dims[1] === W && dims[2] === C && dims[3] === 3;
    const fitsOld = dims.length === 4 && dims[0] === 3 && dims[1] === B && dims[2] === W && dims[3] === C;
    if (this.detectedLayout === 'BWC3' && fitsNew) return 'BWC3';
    if (this.detectedLayout === '3BWC' && fitsOld) return '3BWC';
    if (fitsNew !== fitsOld) {
      this.detectedLayout = fitsNew ? 'BWC3' : '3BWC';
      return this.detectedLayout;
    }
    // both fit only when B, W and C are all 3: the newer layout is the likelier
    if (fitsNew) return 'BWC3';
    throw new GlinerError('inference_failed', 'contract_mismatch', `token-level logits shape [${dims.join(',')}] fits neither [${B},${W},${C},3] nor [3,${B},${W},${C}]`);
  }

  /** One global decode over every window's candidates, then word indices → character offsets. */
  private finish(state: TextState, labels: readonly string[], greedy: { flatNer: boolean; multiLabel: boolean }): Span[] {
    // the order PyTorch's torch.where would give on one long row, so equal scores break ties alike
    const natural =
      this.session.contract === 'span'
        ? (a: WordSpan, b: WordSpan) => a.start - b.start || a.end - b.end || a.label - b.label
        : (a: WordSpan, b: WordSpan) => a.start - b.start || a.label - b.label || a.end - b.end;
    const candidates = dedupeCandidates(state.candidates.sort(natural));
    return greedySearch(candidates, greedy).map((s) => ({
      start: state.words[s.start]!.start,
      end: state.words[s.end]!.end,
      label: labels[s.label]!,
      score: s.score,
    }));
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EngineError('aborted', 'prediction was aborted');
}
