import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { LocalDataframer, toFile } from '../../src/index.js';

const TINY = join(import.meta.dirname, '..', '..', 'models', 'fixtures', 'tiny-random');

async function job(client: LocalDataframer, detection_method: string, extra: Record<string, unknown> = {}) {
  const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'd', file: toFile('id,text\n1,Ann wrote to a@b.co\n', 'd.csv') });
  const params = { dataset_id: ds.id, name: 'j', pii_types: ['PERSON', 'EMAIL'], detection_method, ...extra } as never;
  const created = await client.dataframer.transformJobs.create(params);
  return { created, done: await client.dataframer.transformJobs.poll(created.id) };
}

describe('transform jobs name the model that ran (model_name)', () => {
  it('the bundled model: pii-local-small, from creation on', async () => {
    const { created, done } = await job(new LocalDataframer({ backend: 'wasm' }), 'gliner+heuristics');
    expect(created.model_name).toBe('pii-local-small');
    expect(done.status).toBe('SUCCEEDED');
    expect(done.model_name).toBe('pii-local-small');
  });

  it('a caller model folder: the name in its gliner_config.json', async () => {
    const { done } = await job(new LocalDataframer({ model: TINY, backend: 'wasm' }), 'gliner');
    expect(done.model_name).toBe('tiny-random');
  });

  it('an engine handed to the client: its model, once loaded', async () => {
    const engine = createEngine({ model: TINY, modelOptions: { backend: 'wasm' } });
    const { done } = await job(new LocalDataframer({ engine }), 'gliner');
    expect(done.model_name).toBe('tiny-random');
  });

  it('an llm method: the caller LLM model_name (the contract)', async () => {
    const client = new LocalDataframer({ llm: async () => '[]' });
    const { created, done } = await job(client, 'llm', { model_name: 'local-llama', pii_types: ['EMAIL'] });
    expect(created.model_name).toBe('local-llama');
    expect(done.model_name).toBe('local-llama');
  });

  it('heuristics only: no model, null', async () => {
    const { done } = await job(new LocalDataframer(), 'heuristics', { pii_types: ['EMAIL'] });
    expect(done.model_name).toBeNull();
  });
});
