/**
 * The Web Worker entry (`dist/worker.js`, `pii-local/worker`): serves one engine to the page that
 * started it. Start it as a module worker; `createWorkerEngine` does so and talks to it.
 */
import { expose, transfer } from 'comlink';
import { createEngineHost } from './host.js';

// When a bundler inlines onnxruntime-web into this script, its WASM threads are started from this
// same file (named `em-pthread…`). They must not answer the page: only the real worker exposes.
const name = (globalThis as { name?: string }).name ?? '';
if (!name.startsWith('em-pthread')) expose(createEngineHost(transfer));
