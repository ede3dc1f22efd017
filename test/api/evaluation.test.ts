import { describe, expect, it } from 'vitest';
import { LocalDataframer, toFile } from '../../src/index.js';

const CSV = 'id,text\n1,"Maria Gonzalez called Dr. Alan Whitfield yesterday."\n2,"John Smith met Sarah Connor in Boston."\n';

describe('post-job evaluation re-reads the output with the model', () => {
  const client = new LocalDataframer();

  async function run(mask: 'KEEP' | 'REDACT' | 'PSEUDONYMIZE') {
    const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: `x-${mask}`, file: toFile(CSV, 'x.csv') });
    return client.dataframer.transformJobs.createAndPoll({
      dataset_id: ds.id, name: 'j', pii_types: ['PERSON'], detection_method: 'gliner+heuristics', mask_config: { PERSON: mask },
    });
  }

  it('names left in place (KEEP) are reported as residual PERSON entities', async () => {
    const job = await run('KEEP');
    expect(job.status).toBe('SUCCEEDED');
    expect(job.metrics_json.evaluation?.residual_entities.PERSON ?? 0).toBeGreaterThan(0);
  }, 120_000);

  it.each(['REDACT', 'PSEUDONYMIZE'] as const)('our own %s tags are not counted as leaks', async (mask) => {
    const job = await run(mask);
    expect(job.status).toBe('SUCCEEDED');
    expect(job.metrics_json.evaluation?.residual_entities.PERSON ?? 0).toBe(0);
  }, 120_000);
});
