import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { GlinerModel, PredictOptions } from '../../src/gliner/index.js';
import { LocalDataframer, toFile } from '../../src/index.js';

// Issue 14 ("No silent damage"): one long sample is many model runs; the heartbeat must move meanwhile.
// last_seen_at has whole seconds: the sample takes about 3 s.
const RUNS = 12;
const RUN_MS = 250;

/** A stand-in GLiNER model: one text takes RUNS runs of RUN_MS each, like a 200 kB sample's windows. */
function slowModel(): GlinerModel {
  return {
    config: { raw: { name: 'slow-stand-in' } } as unknown as GlinerModel['config'],
    backend: 'wasm' as GlinerModel['backend'],
    async predict(texts: readonly string[], _labels: readonly string[], options: PredictOptions = {}) {
      for (let r = 0; r < RUNS; r++) {
        await new Promise((resolve) => setTimeout(resolve, RUN_MS));
        options.onRun?.();
      }
      texts.forEach((_t, i) => options.onProgress?.(i + 1, texts.length));
      return texts.map(() => []);
    },
    async dispose() {},
  };
}

describe('a job whose one sample is long', () => {
  it('trace.last_seen_at moves while the model works on it, before the sample finishes', async () => {
    const client = new LocalDataframer({ engine: createEngine({ model: slowModel() }) });
    const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'long', file: toFile(`id,note\n1,${'word '.repeat(40_000)}\n`, 'long.csv') });
    const job = await client.dataframer.transformJobs.create({ dataset_id: ds.id, name: 'j', pii_types: ['person'], detection_method: 'gliner' });
    const seen = new Set<string>();
    for (;;) {
      const now = await client.dataframer.transformJobs.retrieve(job.id);
      if (now.status !== 'RUNNING' && now.status !== 'PENDING') {
        expect(now.status).toBe('SUCCEEDED');
        break;
      }
      if (now.status === 'RUNNING' && now.metrics_json.samples_processed !== 1 && now.trace.last_seen_at) seen.add(now.trace.last_seen_at);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Before the fix only the start time was seen until the sample finished.
    expect(seen.size).toBeGreaterThanOrEqual(2);
  }, 30_000);
});
