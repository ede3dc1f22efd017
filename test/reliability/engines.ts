/**
 * Fault injection for the reliability tests: real engines (the heuristics pipeline of
 * `createEngine`) wrapped so that a chosen call fails the way a crashed or exhausted worker would.
 * Nothing here fakes results: every call that is not the injected fault goes to the real engine.
 */
import { createEngine, type Engine } from '../../src/engine/engine.js';

export interface FaultPlan {
  /** 1-based `detect` call that fails (every later call fails too when `sticky`). */
  failOnCall: number;
  /** What the failing call does. */
  fault: 'throw' | 'out-of-memory' | 'hang' | 'short-result' | 'long-result';
  sticky?: boolean;
  /** Message of the thrown error; tests put a canary here to prove it never reaches the job. */
  message?: string;
}

export interface FaultyEngine extends Engine {
  /** `detect` calls made so far. */
  readonly calls: number;
}

export function faultyEngine(plan: FaultPlan, inner: Engine = createEngine()): FaultyEngine {
  let calls = 0;
  return {
    async detect(texts, options) {
      calls++;
      const failing = plan.sticky ? calls >= plan.failOnCall : calls === plan.failOnCall;
      if (!failing) return inner.detect(texts, options);
      switch (plan.fault) {
        case 'throw':
          throw new Error(plan.message ?? 'worker crashed');
        case 'out-of-memory':
          // What V8 throws when a string or array cannot grow any more.
          throw new RangeError(plan.message ?? 'Invalid string length');
        case 'hang':
          // A worker that died without a word: the reply never comes (the signal is ignored too).
          return new Promise(() => {});
        case 'short-result':
          return (await inner.detect(texts, options)).slice(0, Math.max(0, texts.length - 1));
        case 'long-result': {
          const real = await inner.detect(texts, options);
          return [...real, { spans: [] }];
        }
      }
    },
    redact: (texts, options) => inner.redact(texts, options),
    ready: () => inner.ready(),
    supportedTypes: () => inner.supportedTypes(),
    get bundledModel() {
      return inner.bundledModel;
    },
    get hasLlm() {
      return inner.hasLlm;
    },
    dispose: () => inner.dispose(),
    get calls() {
      return calls;
    },
  };
}

/** A real engine whose every `detect` call takes at least `delayMs` longer: a slow worker. */
export function slowEngine(delayMs: number, inner: Engine = createEngine()): Engine {
  return {
    async detect(texts, options) {
      await new Promise((r) => setTimeout(r, delayMs));
      return inner.detect(texts, options);
    },
    redact: (texts, options) => inner.redact(texts, options),
    ready: () => inner.ready(),
    supportedTypes: () => inner.supportedTypes(),
    get bundledModel() {
      return inner.bundledModel;
    },
    get hasLlm() {
      return inner.hasLlm;
    },
    dispose: () => inner.dispose(),
  };
}
