import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { LocalDataframer, toFile } from '../../src/index.js';
import type { AnonymizationRun, TransformJob, Uploadable } from '../../src/index.js';
import { FAILED_PLACEHOLDER, redactTexts } from '../../src/engine/redact-texts.js';
import { createMasker } from '../../src/masks/index.js';
import { faultyEngine, slowEngine } from './engines.js';

const TYPES = ['EMAIL', 'CREDIT_CARD', 'US_SSN'];
const EMAIL = 'nina.ortiz@example.net';
const HUGE = `${'lorem ipsum dolor sit amet '.repeat(80_000)} contact ${EMAIL} end`; // ~2 MB
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Random bytes that are mostly not valid UTF-8. */
function garbage(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

function concat(...parts: Array<string | Uint8Array>): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Every sample index appears once, and each has masked content or a reason; PII never survives. */
function expectAllAccountedFor(job: TransformJob, sampleCount: number): void {
  expect(job.status).toBe('SUCCEEDED');
  const samples = job.metrics_json.transformed_samples!;
  expect(samples.map((s) => s.sample_index)).toEqual([...Array(sampleCount).keys()]);
  for (const s of samples) {
    if (s.error !== undefined) {
      expect(typeof s.error).toBe('string');
      expect(s.error.length).toBeGreaterThan(0);
      expect(s.masked_content).toBe('');
    } else {
      expect(typeof s.masked_content).toBe('string');
    }
  }
  expect(job.metrics_json.samples_total).toBe(sampleCount);
  expect(job.metrics_json.samples_failed).toBe(samples.filter((s) => s.error !== undefined).length);
  expect(JSON.stringify(job)).not.toContain(EMAIL);
}

async function runOn(file: Uploadable, dataset_type: 'SINGLE_FILE' | 'MULTI_FILE' = 'SINGLE_FILE', files?: Uploadable[]) {
  const client = new LocalDataframer();
  const ds = await client.dataframer.datasets.createWithFiles(
    dataset_type === 'SINGLE_FILE' ? { dataset_type, name: 'messy', file } : { dataset_type, name: 'messy', files: files! },
  );
  const job = await client.dataframer.transformJobs.createAndPoll({ dataset_id: ds.id, name: 'j', pii_types: TYPES, detection_method: 'heuristics' });
  return { client, ds, job };
}

describe('nothing lost: every sample of a messy dataset is accounted for', () => {
  it('JSONL with broken lines, garbage bytes, empty and huge samples', async () => {
    const lines: Array<string | Uint8Array> = [
      `{"id":"1","text":"mail ${EMAIL} now"}\n`,
      '{"id":"2","text":"unterminated\n', // broken JSON
      '\n', // blank line
      '{"id":"3","text":""}\n', // empty sample
      '{"id":"4"}\n', // no text
      '{"id":"5","text":123}\n', // text not a string
      '[1,2,3]\n',
      'null\n',
      garbage(300),
      '\n',
      `{"id":"6","text":${JSON.stringify(HUGE)}}\r\n`, // huge + CRLF
      `{"id":"7","text":"card 4111 1111 1111 1111 \\u0000 \\ud83d"}\n`, // NUL and a lone surrogate escape
      `{"id":"8","text":"last ${EMAIL}"}`, // no trailing newline
    ];
    const bytes = concat(...lines);
    const { ds, job } = await runOn(toFile(bytes, 'messy.jsonl'));
    const nonBlank = new TextDecoder().decode(bytes).split(/\r?\n/).filter((l) => l.trim() !== '').length;
    expect(ds.sample_count).toBeGreaterThanOrEqual(nonBlank - 1); // the garbage may hold a newline byte or not: never fewer lines than seen
    expectAllAccountedFor(job, ds.sample_count);
    const samples = job.metrics_json.transformed_samples!;
    const ok = samples.filter((s) => s.error === undefined);
    expect(ok.length).toBeGreaterThanOrEqual(4); // 1, 3, 6, 7, 8 are valid
    expect(samples.filter((s) => s.error !== undefined).length).toBeGreaterThanOrEqual(4); // 2, 4/5 or garbage, [1,2,3], null
  }, 120_000);

  it('CSV with unclosed quotes, ragged rows, embedded newlines and garbage', async () => {
    const csv = concat(
      'id,note,amount\n',
      `1,"hello ${EMAIL}",3\n`,
      '2,"multi\nline, with ""quotes""",4\n',
      '3,too,many,fields,here\n',
      '4,short\n',
      ',,\n',
      garbage(200, 99),
      '\n',
      `5,"${HUGE}",9\n`,
      '6,"never closed ,7\n8,after,1\n',
    );
    const { client, ds, job } = await runOn(toFile(csv, 'messy.csv'));
    expectAllAccountedFor(job, ds.sample_count);

    // The same dataset as a run: the anonymized CSV keeps the header and one row per input row.
    const run = await client.dataframer.anonymizationRuns.createAndPoll({ dataset_id: ds.id, pii_types: ['email', 'credit_card'], detection_method: 'heuristics' });
    expect(run.status).toBe('SUCCEEDED');
    const [file] = run.anonymized_files;
    const text = await (await client.dataframer.anonymizationRuns.files.content(run.id, file!.id)).text();
    expect(text).not.toContain(EMAIL);
    const parsedOut = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
    const header = parsedOut.data[0];
    expect(header).toEqual(['id', 'note', 'amount']);
    const processed = run.results.samples_processed!;
    expect(processed).toBe(ds.sample_count);
    expect((run.results.sample_errors ?? []).every((e) => e.sample_index >= 0 && e.sample_index < processed)).toBe(true);
  }, 120_000);

  it('MULTI_FILE with an empty file, a garbage .txt and a huge file', async () => {
    const files = [
      toFile(`Write to ${EMAIL}.`, 'a.txt'),
      toFile('', 'empty.txt'),
      toFile(garbage(5000, 3), 'garbage.txt'),
      toFile(HUGE, 'huge.md'),
      toFile('{"broken": ', 'broken.json'),
    ];
    const client = new LocalDataframer();
    const ds = await client.dataframer.datasets
      .createWithFiles({ dataset_type: 'MULTI_FILE', name: 'multi', files })
      .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    if (ds instanceof Error) {
      // Refusing the upload outright is also "nothing lost", as long as it names the file and not its text
      // (the garbage, refused as not text, or the broken JSON).
      expect(ds.message).not.toContain(EMAIL);
      expect(ds.message).toMatch(/garbage\.txt|broken\.json/);
      return;
    }
    const job = await client.dataframer.transformJobs.createAndPoll({ dataset_id: ds.id, name: 'j', pii_types: TYPES, detection_method: 'heuristics' });
    expectAllAccountedFor(job, ds.sample_count);
    expect(ds.sample_count).toBeGreaterThanOrEqual(3);
  }, 120_000);
});

/** A FAILED job that is finished for good: reason set, times set, heartbeat stopped. */
async function expectFinishedFailure(get: () => Promise<TransformJob | AnonymizationRun>, reason: RegExp): Promise<void> {
  const job = await get();
  expect(job.status).toBe('FAILED');
  const error = 'metrics_json' in job ? job.metrics_json.error : job.results.error;
  expect(error).toMatch(reason);
  expect(job.completed_at).toMatch(/Z$/);
  expect(Number.isInteger(job.duration_seconds)).toBe(true);
  expect(job.duration_seconds).toBeGreaterThanOrEqual(0);
  expect(job.updated_at).toBe(job.completed_at);
  expect(job.trace?.last_seen_at).toBe(job.completed_at);
  if (job.started_at) expect(Date.parse(job.completed_at!)).toBeGreaterThanOrEqual(Date.parse(job.started_at));
  await sleep(450); // > two heartbeat periods
  expect(await get()).toEqual(job);
}

function rowsCsv(n: number): string {
  return Papa.unparse(Array.from({ length: n }, (_, i) => ({ id: String(i), note: `row ${i} writes to user${i}@example.com, card 4111 1111 1111 1111` })));
}

describe('nothing lost: an engine failing mid-job fails the job with a reason', () => {
  it.each([
    ['throw', /internal_error: Error/],
    ['out-of-memory', /internal_error: RangeError/],
    ['short-result', /internal_error|invalid|mismatch|result/],
  ] as const)('a worker that fails with %s on the 3rd batch', async (fault, reason) => {
    const engine = faultyEngine({ failOnCall: 3, fault, message: 'boom' });
    const client = new LocalDataframer({ engine });
    const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'rows', file: toFile(rowsCsv(100), 'rows.csv') });
    const job = await client.dataframer.transformJobs.createAndPoll({ dataset_id: ds.id, name: 'j', pii_types: TYPES, detection_method: 'heuristics' });
    expect(engine.calls).toBe(3);
    expect(job.metrics_json.transformed_samples).toBeUndefined(); // no partial result dressed up as output
    await expectFinishedFailure(() => client.dataframer.transformJobs.retrieve(job.id), reason);

    const run = await client.dataframer.anonymizationRuns.createAndPoll({ dataset_id: ds.id, pii_types: ['email'], detection_method: 'heuristics' });
    // The fault was not sticky: the next run goes through on the same client.
    expect(run.status).toBe('SUCCEEDED');
    expect(run.results.samples_processed).toBe(100);
  });

  it('a sticky failure fails the anonymization run too, with no anonymized file', async () => {
    const engine = faultyEngine({ failOnCall: 2, fault: 'throw', sticky: true });
    const client = new LocalDataframer({ engine });
    const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'rows', file: toFile(rowsCsv(60), 'rows.csv') });
    const run = await client.dataframer.anonymizationRuns.createAndPoll({ dataset_id: ds.id, pii_types: ['email'], detection_method: 'heuristics' });
    expect(run.anonymized_files).toEqual([]);
    await expectFinishedFailure(() => client.dataframer.anonymizationRuns.retrieve(run.id), /internal_error: Error/);
  });

  it('a worker that returns one result too many never shifts outputs onto the wrong texts', async () => {
    const engine = faultyEngine({ failOnCall: 1, fault: 'long-result', sticky: true });
    const texts = ['a@b.co', 'nothing here', `${EMAIL} x`];
    const out = await redactTexts(engine, createMasker(), texts, { method: 'heuristics', types: TYPES, maskConfig: {}, batchSize: 2 }).catch((e: unknown) => e);
    if (out instanceof Error) return; // refusing a malformed reply is fine
    expect(out).toHaveLength(texts.length);
    expect((out as Array<{ text: string }>)[1]!.text).toBe('nothing here');
  });

  it('a worker that never replies: cancel still ends the job FAILED/canceled', async () => {
    const engine = faultyEngine({ failOnCall: 2, fault: 'hang' });
    const client = new LocalDataframer({ engine });
    const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'rows', file: toFile(rowsCsv(50), 'rows.csv') });
    const job = await client.dataframer.transformJobs.create({ dataset_id: ds.id, name: 'j', pii_types: TYPES, detection_method: 'heuristics' });
    while (engine.calls < 2) await sleep(5);
    const canceled = await Promise.race([client.dataframer.transformJobs.cancel(job.id), sleep(5000).then(() => 'cancel hung' as const)]);
    expect(canceled).not.toBe('cancel hung');
    await expectFinishedFailure(() => client.dataframer.transformJobs.retrieve(job.id), /^canceled$/);
  });
});

describe('cancel mid-job leaves a consistent object', () => {
  it('a running transform job: FAILED, error "canceled", completed_at set, integer duration, heartbeat stopped', async () => {
    const client = new LocalDataframer({ engine: slowEngine(30) });
    const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'rows', file: toFile(rowsCsv(400), 'rows.csv') });
    const job = await client.dataframer.transformJobs.create({ dataset_id: ds.id, name: 'j', pii_types: TYPES, detection_method: 'heuristics' });
    let current = job;
    while (!(current.status === 'RUNNING' && (current.metrics_json.samples_processed ?? 0) > 0)) {
      await sleep(5);
      current = await client.dataframer.transformJobs.retrieve(job.id);
    }
    const canceled = await client.dataframer.transformJobs.cancel(job.id);
    expect(canceled.status).toBe('FAILED');
    expect(canceled.metrics_json.error).toBe('canceled');
    expect(canceled.metrics_json.transformed_samples).toBeUndefined();
    expect(canceled.metrics_json.samples_processed).toBeLessThan(400);
    expect(canceled.started_at).not.toBeNull();
    await expectFinishedFailure(() => client.dataframer.transformJobs.retrieve(job.id), /^canceled$/);
    // Canceling again is a no-op that returns the same finished object.
    expect(await client.dataframer.transformJobs.cancel(job.id)).toEqual(await client.dataframer.transformJobs.retrieve(job.id));
  });

  it('a queued job canceled before it starts, and a running run, both end consistent', async () => {
    const client = new LocalDataframer({ engine: slowEngine(30) });
    const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'rows', file: toFile(rowsCsv(200), 'rows.csv') });
    const first = await client.dataframer.transformJobs.create({ dataset_id: ds.id, name: 'first', pii_types: TYPES, detection_method: 'heuristics' });
    const queued = await client.dataframer.transformJobs.create({ dataset_id: ds.id, name: 'queued', pii_types: TYPES, detection_method: 'heuristics' });
    const c = await client.dataframer.transformJobs.cancel(queued.id);
    expect(c.status).toBe('FAILED');
    expect(c.metrics_json.error).toBe('canceled');
    expect(c.completed_at).not.toBeNull();
    expect(Number.isInteger(c.duration_seconds)).toBe(true);
    await client.dataframer.transformJobs.cancel(first.id);

    const run = await client.dataframer.anonymizationRuns.create({ dataset_id: ds.id, pii_types: ['email'], detection_method: 'heuristics' });
    while ((await client.dataframer.anonymizationRuns.retrieve(run.id)).status !== 'PROCESSING') await sleep(5);
    const r = await client.dataframer.anonymizationRuns.cancel(run.id);
    expect(r.status).toBe('FAILED');
    expect(r.results.error).toBe('canceled');
    expect(r.anonymized_files).toEqual([]);
    await expectFinishedFailure(() => client.dataframer.anonymizationRuns.retrieve(run.id), /^canceled$/);
    // The dataset is free again once every job has ended.
    await client.dataframer.datasets.delete(ds.id);
  });
});

it('failed samples are written as the placeholder, never as their original text', async () => {
  const engine = faultyEngine({ failOnCall: 1, fault: 'throw' });
  const out = await redactTexts(engine, createMasker(), [EMAIL], { method: 'heuristics', types: TYPES, maskConfig: {} }).catch((e: unknown) => e);
  // An engine-wide failure rejects (the caller fails the job); it never returns the text unmasked.
  expect(out).toBeInstanceOf(Error);
  expect(FAILED_PLACEHOLDER).not.toContain('@');
});
