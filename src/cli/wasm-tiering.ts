import { setFlagsFromString } from 'node:v8';
import { planFor, type DetectionMethod } from '../engine/methods.js';

/**
 * Inputs smaller than this run the model on V8's baseline WebAssembly compiler (Liftoff) alone.
 * Loading onnxruntime's 14 MB module queues optimizing (TurboFan) compiles of its hot functions,
 * and a Node process does not exit before they finish: ~1.5 s on a 2-core machine, for a one-line
 * file most of the run. Liftoff code runs a 128-word window in ~48 ms instead of ~28 ms, so past
 * ~75 windows (about this many bytes of text) the optimizing compiler pays for itself.
 */
export const BASELINE_ONLY_BELOW_BYTES = 64 * 1024;

let ownsProcess = false;

/** Called by the CLI's entry (`src/cli/index.ts`): the process is the CLI's alone (not a test runner's or an app's). */
export function claimProcess(): void {
  ownsProcess = true;
}

/** Which of V8's WebAssembly compilers a run of `method` over `inputBytes` of input should use. */
export function wasmTiersFor(method: DetectionMethod, inputBytes: number): 'baseline only' | 'baseline then optimizing' {
  return planFor(method).gliner && inputBytes < BASELINE_ONLY_BELOW_BYTES ? 'baseline only' : 'baseline then optimizing';
}

/**
 * Applies `wasmTiersFor` before the model loads (flags apply to modules compiled afterwards), when
 * the CLI runs as its own process (V8 flags are the whole process's); the library never does this.
 */
export function chooseWasmTiers(method: DetectionMethod, inputBytes: number): void {
  if (ownsProcess && wasmTiersFor(method, inputBytes) === 'baseline only') setFlagsFromString('--liftoff-only');
}
