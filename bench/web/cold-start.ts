/**
 * The cold-start page: what a visitor's first redaction costs. From `createWorkerEngine()` with the
 * bundled model (model cache on, as an app has it) to the first `redactText` result, with the
 * stages the worker reports (runtime start, model file, tokenizer, session; they overlap).
 * `bench/web/run-cold-start.ts` opens it with an empty profile (cold) and again with the caches
 * warm. Results: `window.__cold` (or `window.__coldError`) and the page text.
 */
import { createWorkerEngine, type WorkerGlinerModel } from '../../src/worker/client.js';
import { redactText } from '../../src/simple/redact-text.js';

declare global {
  interface Window {
    __cold?: Record<string, number | string | undefined>;
    __coldError?: string;
  }
}

const MODEL_DIR = new URL('../../models/pii-local-small/', location.href).href;
const params = new URLSearchParams(location.search);
const backend = params.get('backend') === 'webgpu' ? 'webgpu' : 'wasm';
const numThreads = params.has('threads') ? Number(params.get('threads')) : undefined;
const SAMPLE = 'Hi, my name is Ana Silva; call me on 415-555-0199.';

async function main(): Promise<void> {
  // Navigation start → this script running: the page's own load, before any pii-local work.
  const scriptMs = performance.now();
  const t0 = performance.now();
  const engine = createWorkerEngine({ model: MODEL_DIR, modelOptions: { backend, ...(numThreads ? { numThreads } : {}) } });
  try {
    const model = (await engine.ready()) as WorkerGlinerModel;
    const readyMs = performance.now() - t0;
    const masked = await redactText(SAMPLE, { engine });
    const totalMs = performance.now() - t0;
    if (!masked.includes('[PHONE_NUMBER]')) throw new Error('the first result did not mask the phone number');
    const lt = (model as { loadTimings?: Record<string, number | undefined> }).loadTimings ?? {};
    window.__cold = {
      backend: model.backend,
      page_script_ms: scriptMs,
      worker_start_ms: lt.total_ms === undefined ? undefined : Math.max(0, readyMs - lt.total_ms),
      runtime_ms: lt.runtime_ms,
      model_file_ms: lt.onnx_read_ms,
      tokenizer_ms: lt.tokenizer_ms,
      session_ms: lt.session_ms,
      ready_ms: readyMs,
      first_result_ms: totalMs - readyMs,
      total_ms: totalMs,
    };
    document.getElementById('out')!.textContent = JSON.stringify(window.__cold, null, 2);
    // after the measurement: more work, as a visitor's page does, so the runtime's hot code is optimized (and cached)
    const warmups = Number(params.get('warmup') ?? 0);
    const longer = `${SAMPLE} `.repeat(12);
    for (let i = 0; i < warmups; i++) await redactText(longer, { engine });
  } finally {
    await engine.dispose();
  }
}

main().catch((error: unknown) => {
  window.__coldError = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  document.getElementById('out')!.textContent = window.__coldError;
});
