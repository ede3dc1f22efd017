// A rollup app as the README tells it: the engine in a Web Worker (pii-local/worker is a second
// input in rollup.config.mjs), onnxruntime's runtime files served from /ort/, the model from /models/.
import { LocalDataframer, createWorkerEngine, redactFile, toFile } from 'pii-local';

const engine = createWorkerEngine({ model: '/models/pii-local-small/', modelOptions: { wasmPaths: '/ort/' } });
const client = new LocalDataframer({ engine });
const TYPES = ['PERSON', 'EMAIL', 'PHONE_NUMBER'];

window.app = {
  async info() {
    const model = await engine.ready();
    return { backend: model.backend, crossOriginIsolated };
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
