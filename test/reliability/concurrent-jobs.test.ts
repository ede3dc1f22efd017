import { describe, expect, it } from 'vitest';
import { LocalDataframer, toFile } from '../../src/index.js';

const JOBS = Number(process.env.CONCURRENT_JOBS ?? 1000);

describe(`${JOBS} concurrent small jobs through one client`, () => {
  it('each ends SUCCEEDED with its own result: none lost, none duplicated, none crossed', async () => {
    const client = new LocalDataframer();
    const { datasets, transformJobs, anonymizationRuns } = client.dataframer;
    // One dataset per job, each with a marker and an e-mail that only it holds.
    const ds = await Promise.all(
      Array.from({ length: JOBS }, (_, i) =>
        datasets.createWithFiles({
          dataset_type: 'SINGLE_FILE',
          name: `d${i}`,
          file: toFile(`id,note\n${i},"marker-${i} user${i}@example.com"\n`, `d${i}.csv`),
        }),
      ),
    );
    // Transform jobs and anonymization runs interleaved: two queues sharing one engine.
    const results = await Promise.all(
      ds.map(async (d, i) => {
        if (i % 4 === 3) {
          const run = await anonymizationRuns.createAndPoll({ dataset_id: d.id, pii_types: ['email'], detection_method: 'heuristics' });
          return { i, kind: 'run' as const, id: run.id, status: run.status, dataset: run.dataset_id, found: run.results.entities_found?.length, processed: run.results.samples_processed };
        }
        const job = await transformJobs.createAndPoll({ dataset_id: d.id, name: `j${i}`, pii_types: ['EMAIL'], detection_method: 'heuristics' });
        const samples = job.metrics_json.transformed_samples ?? [];
        return { i, kind: 'job' as const, id: job.id, status: job.status, dataset: job.datasets_id, found: samples[0]?.entities.length, processed: samples.length, masked: samples[0]?.masked_content };
      }),
    );

    expect(new Set(results.map((r) => r.id)).size).toBe(JOBS);
    for (const r of results) {
      expect(r.status, `job ${r.i}`).toBe('SUCCEEDED');
      expect(r.dataset).toBe(ds[r.i]!.id);
      expect(r.processed).toBe(1);
      expect(r.found).toBe(1);
      if (r.kind === 'job') {
        const masked = JSON.parse(r.masked!) as { id: string; note: string };
        expect(masked.id).toBe(String(r.i));
        expect(masked.note).toContain(`marker-${r.i} `);
        expect(masked.note).not.toContain('@example.com');
      }
    }
    const listed = [...(await transformJobs.list()), ...(await anonymizationRuns.list())];
    expect(listed).toHaveLength(JOBS);
    expect(new Set(listed.map((j) => j.id))).toEqual(new Set(results.map((r) => r.id)));
    for (const r of results.filter((x) => x.kind === 'run')) {
      const run = await anonymizationRuns.retrieve(r.id);
      const file = await (await anonymizationRuns.files.content(run.id, run.anonymized_files[0]!.id)).text();
      expect(file).toContain(`marker-${r.i} `);
      expect(file).not.toContain(`user${r.i}@`);
    }
  }, 600_000);
});
