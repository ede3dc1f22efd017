/**
 * The browser build's stand-in for `./node.ts` (same exports; `rollup.config.mjs` swaps it in): no
 * disk, so a model folder and the bundled model's folder are refused with a reason. Pages never get
 * here: they load models by URL.
 */
import * as wasmRuntime from 'onnxruntime-web/wasm';
import { EngineError } from '../engine/errors.js';

export async function readLocalFile(_folder: string | URL, _file: string, _signal?: AbortSignal): Promise<Uint8Array> {
  throw new EngineError(
    'invalid_input',
    "a model folder is read from disk only by pii-local's Node build (the `node` export condition); give the model as a URL",
  );
}

/** Reached only when this build runs where modules have `file:` URLs (Node resolving the browser condition). */
export async function findFolderUp(_from: string, _relative: string, _marker: string, _levels: number): Promise<string | undefined> {
  throw new EngineError(
    'model_load_failed',
    "the bundled model is found on disk only by pii-local's Node build (the `node` export condition); pass `model` as a URL",
  );
}

/**
 * onnxruntime-web for `backend`. WASM gets the WASM-only runtime (`ort-wasm-simd-threaded.wasm`,
 * 14 MB), imported statically: a bundler that inlines it into the worker script (Vite's default)
 * starts onnxruntime's threads from that script, and they must meet the runtime at its top level.
 * WebGPU gets its own runtime (a 27 MB `.wasm`), fetched only when WebGPU is used; it runs on one
 * WASM thread (`session.ts`), since threads started from an inlined dynamic import would wait forever.
 */
export function loadRuntime(backend: 'wasm' | 'webgpu'): Promise<typeof import('onnxruntime-web')> {
  return backend === 'webgpu' ? import('onnxruntime-web/webgpu') : Promise.resolve(wasmRuntime);
}

/** Browsers keep large Blobs on disk themselves: no temporary files here (see `./node.ts`). */
export async function createTempFile(): Promise<undefined> {
  return undefined;
}

/** Nothing to release: see `createTempFile`. */
export async function releaseTempBlob(_blob: Blob): Promise<void> {}
