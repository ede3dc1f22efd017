import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { LocalDataframer, NotFoundError, toFile } from '../../src/index.js';
import { expectSeedShape, ISO_UTC, UUID } from './seed-shape.js';

const seedJob = JSON.parse(readFileSync(new URL('../fixtures/api/transform-job.example.json', import.meta.url), 'utf8'));
const seedRun = JSON.parse(readFileSync(new URL('../fixtures/api/anonymization-run.example.json', import.meta.url), 'utf8'));

const ROWS = [
  { id: '1', note: 'Reach me at maria.lopez@example.org or 212-555-0143.', amount: '12.50' },
  { id: '2', note: 'SSN 536-22-8741 on file; card 4111 1111 1111 1111 expired.', amount: '7' },
  { id: '3', note: 'Nothing personal here, just a note about the weather.', amount: '0' },
  { id: '4', note: 'Wire to IBAN GB82 WEST 1234 5698 7654 32 before Friday.', amount: '990.00' },
];
const SECRETS = ['maria.lopez@example.org', '536-22-8741', '4111 1111 1111 1111', 'GB82 WEST 1234 5698 7654 32'];
const CSV = Papa.unparse(ROWS);

async function clientWithDataset() {
  const client = new LocalDataframer();
  const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'notes', file: toFile(CSV, 'notes.csv') });
  return { client, ds };
}

describe('transformJobs on a CSV dataset (heuristics)', () => {
  it('runs PENDING → SUCCEEDED and returns every field of the seed', async () => {
    const { client, ds } = await clientWithDataset();
    expect(ds.sample_count).toBe(ROWS.length);
    const job = await client.dataframer.transformJobs.create({
      dataset_id: ds.id,
      name: 'scrub notes',
      pii_types: ['EMAIL', 'US_SSN', 'CREDIT_CARD', 'IBAN_CODE', 'PHONE_NUMBER'],
      detection_method: 'heuristics',
      mask_config: { EMAIL: 'REPLACE', US_SSN: 'REDACT' },
    });
    expect(job.status).toBe('PENDING');
    expect(job.id).toMatch(UUID);
    expect(job.datasets_id).toBe(ds.id);
    expect(job.dataset_name).toBe('notes');
    expect(job.duration_seconds).toBeNull();
    expect(job.started_at).toBeNull();
    expect(job.completed_at).toBeNull();
    expect(job.created_at).toMatch(ISO_UTC);
    expect(job.threshold).toBe(0.3);
    expectSeedShape(job, seedJob, new Set(['model_name', 'created_by_email', 'duration_seconds', 'started_at', 'completed_at']));

    const seen = new Set<string>();
    const done = await client.dataframer.transformJobs.poll(job.id, { onProgress: (p) => seen.add(p.status), pollIntervalMs: 0 });
    expect(done.status).toBe('SUCCEEDED');
    expectSeedShape(done, seedJob, new Set(['model_name', 'created_by_email']));
    expect(Number.isInteger(done.duration_seconds)).toBe(true);
    expect(done.duration_seconds).toBeGreaterThanOrEqual(1);
    expect(Date.parse(done.completed_at!)).toBeGreaterThanOrEqual(Date.parse(done.started_at!));
    expect(done.trace.last_seen_at).toMatch(ISO_UTC);

    const samples = done.metrics_json.transformed_samples!;
    expect(samples).toHaveLength(ROWS.length);
    expect(samples.map((s) => s.sample_index)).toEqual([0, 1, 2, 3]);
    expect(samples.every((s) => s.error === undefined)).toBe(true);
    const serialized = JSON.stringify(done);
    for (const secret of SECRETS) expect(serialized).not.toContain(secret);
    const labels = new Set(samples.flatMap((s) => s.entities.map((e) => e.label)));
    expect(labels).toEqual(new Set(['EMAIL', 'PHONE_NUMBER', 'US_SSN', 'CREDIT_CARD', 'IBAN_CODE']));
    const row2 = JSON.parse(samples[1]!.masked_content);
    expect(row2.note).toContain('[US_SSN]');
    expect(samples[2]!.entities).toEqual([]);
    expect(done.metrics_json.entity_summary).toMatchObject({ EMAIL: 1, US_SSN: 1, CREDIT_CARD: 1, IBAN_CODE: 1 });
  });

  it('keeps the caller spelling of aliases in output labels', async () => {
    const { client, ds } = await clientWithDataset();
    const done = await client.dataframer.transformJobs.createAndPoll({
      dataset_id: ds.id,
      name: 'aliases',
      pii_types: ['EMAIL_ADDRESS', 'SSN'],
      detection_method: 'heuristics',
    });
    const labels = new Set(done.metrics_json.transformed_samples!.flatMap((s) => s.entities.map((e) => e.label)));
    expect(labels).toEqual(new Set(['EMAIL_ADDRESS', 'SSN']));
  });

  it('rejects an unknown dataset id with NotFoundError', async () => {
    const { client } = await clientWithDataset();
    await expect(
      client.dataframer.transformJobs.create({ dataset_id: crypto.randomUUID(), name: 'x', pii_types: ['EMAIL'], detection_method: 'heuristics' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('anonymizationRuns on a CSV dataset (heuristics)', () => {
  it('runs PENDING → SUCCEEDED with results and an anonymized CSV of the same shape', async () => {
    const { client, ds } = await clientWithDataset();
    const run = await client.dataframer.anonymizationRuns.create({
      dataset_id: ds.id,
      pii_types: ['email', 'us_ssn', 'credit_card', 'iban_code'],
      detection_method: 'heuristics',
      mask_config: { email: '<EMAIL>' },
    });
    expect(run.status).toBe('PENDING');
    expect(run.results).toEqual({});
    expect(run.anonymized_files).toEqual([]);
    const done = await client.dataframer.anonymizationRuns.run({ dataset_id: ds.id, pii_types: ['email', 'us_ssn', 'credit_card', 'iban_code'], detection_method: 'heuristics', mask_config: { email: '<EMAIL>' } });
    expect(done.status).toBe('SUCCEEDED');
    expectSeedShape(done, seedRun, new Set(['llm_model_name', 'created_by_email', 'results.error']));
    expect(done.results.samples_processed).toBe(ROWS.length);
    expect(done.results.entities_found!.map((e) => e.label).sort()).toEqual(['credit_card', 'email', 'iban_code', 'us_ssn']);
    for (const e of done.results.entities_found!) {
      expect(e.end).toBeGreaterThan(e.start);
      expect(e.score).toBeGreaterThan(0);
    }
    expect(done.anonymized_files).toHaveLength(1);
    const file = done.anonymized_files[0]!;
    expect(file.path).toBe('notes.csv');
    expect(file.content_type).toBe('text/csv');
    const blob = await client.dataframer.anonymizationRuns.files.content(done.id, file.id);
    const text = await blob.text();
    expect(new TextEncoder().encode(text).byteLength).toBe(file.size_in_bytes);
    const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true });
    expect(parsed.meta.fields).toEqual(['id', 'note', 'amount']);
    expect(parsed.data).toHaveLength(ROWS.length);
    expect(parsed.data.map((r) => r.amount)).toEqual(ROWS.map((r) => r.amount));
    expect(parsed.data[0]!.note).toContain('<EMAIL>');
    for (const secret of SECRETS) expect(text + JSON.stringify(done)).not.toContain(secret);

    const list = await client.dataframer.anonymizationRuns.list();
    expect(list).toHaveLength(2);
    expect(list[0]).not.toHaveProperty('results');
  });
});

describe('cancel and timeouts', () => {
  it('poll with a timeout resolves with the current object instead of throwing', async () => {
    const { client, ds } = await clientWithDataset();
    const job = await client.dataframer.transformJobs.create({ dataset_id: ds.id, name: 't', pii_types: ['EMAIL'], detection_method: 'heuristics' });
    const snapshot = await client.dataframer.transformJobs.poll(job.id, { timeout: 0 });
    expect(['PENDING', 'RUNNING', 'SUCCEEDED']).toContain(snapshot.status);
    await client.dataframer.transformJobs.poll(job.id);
  });

  it('cancel ends a queued job as FAILED with reason canceled', async () => {
    const { client, ds } = await clientWithDataset();
    const first = await client.dataframer.transformJobs.create({ dataset_id: ds.id, name: 'a', pii_types: ['EMAIL'], detection_method: 'heuristics' });
    const second = await client.dataframer.transformJobs.create({ dataset_id: ds.id, name: 'b', pii_types: ['EMAIL'], detection_method: 'heuristics' });
    const canceled = await client.dataframer.transformJobs.cancel(second.id);
    expect(canceled.status).toBe('FAILED');
    expect(canceled.metrics_json.error).toBe('canceled');
    expect(canceled.duration_seconds).toBeGreaterThanOrEqual(1);
    expect((await client.dataframer.transformJobs.poll(first.id)).status).toBe('SUCCEEDED');
  });

  it('an aborted poll rejects with APIUserAbortError and the job still finishes', async () => {
    const { client, ds } = await clientWithDataset();
    const job = await client.dataframer.transformJobs.create({ dataset_id: ds.id, name: 'a', pii_types: ['EMAIL'], detection_method: 'heuristics' });
    const controller = new AbortController();
    controller.abort();
    await expect(client.dataframer.transformJobs.poll(job.id, { signal: controller.signal })).rejects.toMatchObject({ name: 'APIUserAbortError' });
    expect((await client.dataframer.transformJobs.poll(job.id)).status).toBe('SUCCEEDED');
  });
});
