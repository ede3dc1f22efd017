// A Vite app as the README tells it: the engine in a Web Worker (Vite finds and bundles
// pii-local's worker and onnxruntime's .wasm by itself), the model served from public/models/,
// pii-local's offline service worker copied to public/ and registered before the engine starts.
import { LocalDataframer, createWorkerEngine, redactFile, registerOfflineWorker, toFile } from 'pii-local';

const offline = await registerOfflineWorker('/offline-sw.js');
const engine = createWorkerEngine({ model: '/models/pii-local-small/' });
const client = new LocalDataframer({ engine });
const TYPES = ['PERSON', 'EMAIL', 'PHONE_NUMBER'];

window.app = {
  async info() {
    const model = await engine.ready();
    return { backend: model.backend, crossOriginIsolated, offline: offline.controlled };
  },
  async redactString(text) {
    const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'MULTI_FILE', name: 'note', files: [toFile(text, 'note.txt')] });
    const job = await client.dataframer.transformJobs.createAndPoll({ dataset_id: ds.id, name: 'scrub', pii_types: TYPES, detection_method: 'gliner+heuristics' });
    return { status: job.status, masked: job.metrics_json.transformed_samples.map((s) => s.masked_content) };
  },
  async redactCsv(csv) {
    const masked = await redactFile(new File([csv], 'contacts.csv', { type: 'text/csv' }), { engine, types: TYPES });
    return { name: masked.name, type: masked.type, text: await masked.text() };
  },
};
document.getElementById('status').textContent = 'ready';
