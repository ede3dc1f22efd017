/**
 * A tiny app as a user would write it: the worker engine (Vite finds and bundles the worker and
 * onnxruntime's wasm from `new URL(..., import.meta.url)`), and a form whose upload goes through
 * `redactFile`. The test drives `window.viteApp`.
 */
import { redactFile } from '../../../src/browser/redact-file.js';
import { createWorkerEngine } from '../../../src/worker/client.js';

const status = document.getElementById('status')!;
const engine = createWorkerEngine({ model: '/models/pii-local-small/', modelOptions: { backend: 'wasm' } });
/** What the form would have uploaded, for the test to read. */
let lastUpload: File | undefined;

document.getElementById('upload')!.addEventListener('submit', async (event) => {
  event.preventDefault();
  const picked = (document.getElementById('file') as HTMLInputElement).files?.[0];
  if (!picked) return;
  lastUpload = await redactFile(picked, { engine, method: 'gliner+heuristics', types: ['PERSON', 'EMAIL', 'PHONE_NUMBER'] });
  const body = new FormData();
  body.set('file', lastUpload); // a real app would now POST `body`
  status.textContent = `redacted ${lastUpload.name} (${lastUpload.size} bytes)`;
});

(window as unknown as { viteApp: unknown }).viteApp = {
  async detect(texts: string[]) {
    const model = await engine.ready();
    const results = await engine.detect(texts, { method: 'gliner+heuristics', types: ['PERSON', 'EMAIL', 'PHONE_NUMBER'], threshold: 0.5 });
    return { backend: model.backend, crossOriginIsolated, results };
  },
  async lastUpload() {
    return lastUpload ? { name: lastUpload.name, type: lastUpload.type, text: await lastUpload.text() } : undefined;
  },
};
status.textContent = 'ready';
