/**
 * Canary tests: scanned text must never reach an error message, an exception, a log line, or a job
 * field other than the masked output the caller asked for. Every failure path we can trigger from
 * outside runs with two canaries in the data: an e-mail (PII the heuristics mask) and a plain word
 * (not PII, so it may legitimately survive in masked output, and only there).
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createEngine } from '../../src/engine/engine.js';
import { LocalDataframer, MemoryStorage, toFile } from '../../src/index.js';
import type { AnonymizationRun, TransformJob } from '../../src/index.js';
import { createMasker } from '../../src/masks/index.js';
import { faultyEngine } from './engines.js';

const CANARY_EMAIL = 'wilhelmina.c4n4ry@example.org';
const CANARY_WORD = 'Xylophonequartz';
const CANARIES = [CANARY_EMAIL, CANARY_WORD, 'c4n4ry'];
const HASH_KEY = Buffer.alloc(32, 7).toString('base64');
const ENCRYPTION_KEY = Buffer.alloc(32, 9).toString('base64');

const CSV = `id,note\n1,"${CANARY_WORD} wrote from ${CANARY_EMAIL}"\n2,"plain row"\n`;

// ------------------------------------------------------------------ log capture

const logged: string[] = [];
beforeEach(() => {
  logged.length = 0;
  for (const m of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}\n${a.stack}` : typeof a === 'string' ? a : safeJson(a))).join(' '));
    });
  }
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
    logged.push(String(chunk));
    return write(chunk as string, ...(rest as []));
  }) as typeof process.stderr.write);
});
afterEach(() => {
  expectNoCanary(logged.join('\n'), 'console/stderr');
  vi.restoreAllMocks();
});

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function expectNoCanary(text: string, where: string): void {
  for (const c of CANARIES) {
    if (text.includes(c)) throw new Error(`canary ${JSON.stringify(c)} leaked into ${where}: …${text.slice(Math.max(0, text.indexOf(c) - 80), text.indexOf(c) + 40)}…`);
  }
}

/** Everything an error carries: message, stack, cause chain, own fields. */
function describeError(e: unknown): string {
  if (!(e instanceof Error)) return safeJson(e);
  const own = Object.fromEntries(Object.getOwnPropertyNames(e).map((k) => [k, (e as unknown as Record<string, unknown>)[k]]));
  return `${e.name} ${e.message} ${e.stack} ${safeJson(own)} ${e.cause === undefined ? '' : describeError(e.cause)}`;
}

/** A job or run with masked outputs removed: the rest must hold no scanned text at all. */
function withoutMaskedOutput(job: TransformJob | AnonymizationRun): string {
  const copy = structuredClone(job) as TransformJob & AnonymizationRun;
  for (const s of copy.metrics_json?.transformed_samples ?? []) {
    expectNoCanary(s.masked_content.replaceAll(CANARY_WORD, ''), 'masked_content (PII canary)');
    s.masked_content = '';
  }
  return JSON.stringify(copy);
}

async function expectJobClean(client: LocalDataframer, storage: MemoryStorage, job: TransformJob | AnonymizationRun): Promise<void> {
  expectNoCanary(withoutMaskedOutput(job), `job ${job.status}`);
  for (const f of (job as AnonymizationRun).anonymized_files ?? []) {
    const text = await (await client.dataframer.anonymizationRuns.files.content(job.id, f.id)).text();
    expectNoCanary(text.replaceAll(CANARY_WORD, ''), 'anonymized file');
  }
  for (const j of await storage.list<TransformJob>('transform_jobs')) expectNoCanary(withoutMaskedOutput(j), 'stored job');
  for (const r of await storage.list<AnonymizationRun>('anonymization_runs')) expectNoCanary(JSON.stringify(r), 'stored run');
}

async function setup(options: ConstructorParameters<typeof LocalDataframer>[0] = {}, file = toFile(CSV, 'notes.csv')) {
  const storage = new MemoryStorage();
  const client = new LocalDataframer({ storage, ...options });
  const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'notes', file });
  return { client, storage, ds };
}

const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

// ------------------------------------------------------------------ API failure paths

describe('no scanned text in API failures', () => {
  it('bad mask params and bad keys: rejected at create or failed per sample, never echoing text', async () => {
    const { client, storage, ds } = await setup();
    const attempts: Array<Record<string, unknown>> = [
      { mask_config: { EMAIL: { strategy: 'MASK', params: { masking_char: '##', chars_to_mask: -3 } } } },
      { mask_config: { EMAIL: { strategy: 'HASH', params: { algorithm: 'md5' } } } },
      { mask_config: { EMAIL: 'ENCRYPT' }, mask_options: { encryption_key: 'not base64 at all!!' } },
      { mask_config: { EMAIL: 'ENCRYPT' }, mask_options: { encryption_key: Buffer.alloc(5).toString('base64') } },
      { mask_config: { EMAIL: 'HASH' }, mask_options: { hash_key: 42 } },
      { mask_config: { EMAIL: 'REPLACE' }, mask_options: { seed: 'x' } },
    ];
    for (const patch of attempts) {
      const job = await client.dataframer.transformJobs
        .createAndPoll({ dataset_id: ds.id, name: 'j', pii_types: ['EMAIL'], detection_method: 'heuristics', ...patch } as never)
        .catch((e: unknown) => e);
      if (job instanceof Error) expectNoCanary(describeError(job), `create error for ${safeJson(patch)}`);
      else await expectJobClean(client, storage, job as TransformJob);
    }
  });

  it('bad CSV and broken JSONL: reader errors and per-record errors name the problem, not the row', async () => {
    const files = [
      toFile(`id,note\n1,"${CANARY_WORD} ${CANARY_EMAIL}\n2,x\n`, 'unclosed.csv'),
      toFile(`id,note\n1,${CANARY_WORD},${CANARY_EMAIL},extra\n`, 'ragged.csv'),
      toFile(`{"text":"${CANARY_WORD} ${CANARY_EMAIL}"\n{"text": "${CANARY_EMAIL}"}\n`, 'broken.jsonl'),
      toFile(`{"text": ${CANARY_WORD}}\n`, 'bare.jsonl'),
      toFile(`[{"text": "${CANARY_EMAIL}"}, ${CANARY_WORD}]`, 'broken.json'),
      toFile(`${'['.repeat(20_000)}"${CANARY_WORD}"${']'.repeat(20_000)}`, 'deep.json'),
    ];
    for (const file of files) {
      const storage = new MemoryStorage();
      const client = new LocalDataframer({ storage });
      const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'd', file }).catch((e: unknown) => e);
      if (ds instanceof Error) {
        expectNoCanary(describeError(ds), `createWithFiles(${file.name})`);
        continue;
      }
      const dataset = ds as { id: string };
      const job = await client.dataframer.transformJobs.createAndPoll({ dataset_id: dataset.id, name: 'j', pii_types: ['EMAIL'], detection_method: 'heuristics' });
      await expectJobClean(client, storage, job);
      const run = await client.dataframer.anonymizationRuns.createAndPoll({ dataset_id: dataset.id, pii_types: ['email'], detection_method: 'heuristics' });
      await expectJobClean(client, storage, run);
    }
  });

  it('a model that cannot load (missing folder, corrupt files) fails the job with a reason and no text', async () => {
    const corrupt = mkdtempSync(join(tmpdir(), 'pii-corrupt-model-'));
    writeFileSync(join(corrupt, 'gliner_config.json'), '{"model_name": ');
    writeFileSync(join(corrupt, 'tokenizer.json'), 'not a tokenizer');
    mkdirSync(join(corrupt, 'onnx'));
    writeFileSync(join(corrupt, 'onnx', 'model.onnx'), Buffer.from('garbage onnx bytes'));
    for (const model of [join(tmpdir(), 'no-such-model-dir'), corrupt]) {
      const { client, storage, ds } = await setup({ model, backend: 'wasm' });
      const job = await client.dataframer.transformJobs.createAndPoll({ dataset_id: ds.id, name: 'j', pii_types: ['PERSON', 'EMAIL'], detection_method: 'gliner+heuristics' });
      expect(job.status).toBe('FAILED');
      expect(job.metrics_json.error).toMatch(/model_load_failed/);
      await expectJobClean(client, storage, job);
      const direct = await caught(createEngine({ model }).detect([`${CANARY_WORD} ${CANARY_EMAIL}`], { method: 'gliner', types: ['PERSON'] }));
      expect(direct).toBeInstanceOf(Error);
      expectNoCanary(describeError(direct), 'engine.detect error');
    }
  });

  it('an engine whose failure message quotes the text (a third-party throw) never passes it on', async () => {
    const engine = faultyEngine({ failOnCall: 1, fault: 'throw', message: `tokenizer choked on "${CANARY_WORD} ${CANARY_EMAIL}"` });
    const { client, storage, ds } = await setup({ engine });
    const job = await client.dataframer.transformJobs.createAndPoll({ dataset_id: ds.id, name: 'j', pii_types: ['EMAIL'], detection_method: 'heuristics' });
    expect(job.status).toBe('FAILED');
    await expectJobClean(client, storage, job);
  });
});

// ------------------------------------------------------------------ LLM provider failures

type Behaviour = 'echo-500' | 'echo-content' | 'bad-offsets' | 'not-json';
let server: Server;
let baseURL = '';
let behaviour: Behaviour = 'echo-500';

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const reply = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(typeof value === 'string' ? value : JSON.stringify(value));
      };
      const chat = (content: string) => ({ id: 'x', object: 'chat.completion', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }] });
      // Each behaviour is how real servers answer badly, with the prompt (and so the canary) in the answer.
      if (behaviour === 'echo-500') return reply(500, { error: { message: `upstream failed on request ${body}` } });
      if (behaviour === 'echo-content') return reply(200, chat(`I cannot do that. You sent: ${body}`));
      if (behaviour === 'bad-offsets') return reply(200, chat(JSON.stringify({ entities: [{ text: CANARY_EMAIL, label: 'EMAIL', start: -5, end: 99_999 }, { text: `${CANARY_WORD}`, label: 'PERSON' }] })));
      return reply(200, `<html>${body}</html>`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('no scanned text in LLM provider failures', () => {
  it.each<Behaviour>(['echo-500', 'echo-content', 'bad-offsets', 'not-json'])('provider answering %s', async (b) => {
    behaviour = b;
    const { client, storage, ds } = await setup({ llm: { baseURL, apiKey: 'k' } });
    const job = await client.dataframer.transformJobs.createAndPoll({
      dataset_id: ds.id, name: 'j', pii_types: ['EMAIL', 'PERSON'], detection_method: 'llm+heuristics', model_name: 'local-model',
    });
    expect(['SUCCEEDED', 'FAILED']).toContain(job.status);
    await expectJobClean(client, storage, job);
    const run = await client.dataframer.anonymizationRuns.createAndPoll({
      dataset_id: ds.id, pii_types: ['email', 'first_name'], detection_method: 'llm', llm_model_name: 'local-model',
    });
    await expectJobClean(client, storage, run);
  });

  it('a provider that refuses the connection', async () => {
    const { client, storage, ds } = await setup({ llm: { baseURL: 'http://127.0.0.1:9/v1' } });
    const job = await client.dataframer.transformJobs.createAndPoll({
      dataset_id: ds.id, name: 'j', pii_types: ['EMAIL'], detection_method: 'llm', model_name: 'm',
    });
    expect(job.status === 'FAILED' || job.metrics_json.samples_failed! > 0).toBe(true);
    await expectJobClean(client, storage, job);
  });
});

// ------------------------------------------------------------------ keys and pseudonym maps

describe('keys and pseudonym maps stay with the caller', () => {
  it('are not on the job, the run or in storage unless return_pseudonym_map is set', async () => {
    const { client, storage, ds } = await setup();
    const mask_options = { hash_key: HASH_KEY, encryption_key: ENCRYPTION_KEY };
    const mask_config = { EMAIL: 'PSEUDONYMIZE', CREDIT_CARD: 'ENCRYPT', US_SSN: 'HASH' } as const;
    const job = await client.dataframer.transformJobs.createAndPoll({ dataset_id: ds.id, name: 'j', pii_types: ['EMAIL', 'CREDIT_CARD', 'US_SSN'], detection_method: 'heuristics', mask_config, mask_options });
    expect(job.status).toBe('SUCCEEDED');
    expect(job.metrics_json.pseudonym_map).toBeUndefined();
    const run = await client.dataframer.anonymizationRuns.createAndPoll({ dataset_id: ds.id, pii_types: ['email'], detection_method: 'heuristics', mask_config: { email: 'PSEUDONYMIZE' }, mask_options });
    expect(run.results.pseudonym_map).toBeUndefined();
    const everything = JSON.stringify([job, run, await storage.list('transform_jobs'), await storage.list('anonymization_runs'), await storage.list('files')]);
    for (const secret of [HASH_KEY, ENCRYPTION_KEY, CANARY_EMAIL]) expect(everything).not.toContain(secret);
  });

  it('the map is returned (and only the map) when asked', async () => {
    const { client, ds } = await setup();
    const job = await client.dataframer.transformJobs.createAndPoll({
      dataset_id: ds.id, name: 'j', pii_types: ['EMAIL'], detection_method: 'heuristics',
      mask_config: { EMAIL: 'PSEUDONYMIZE' }, mask_options: { return_pseudonym_map: true, hash_key: HASH_KEY },
    });
    expect(Object.values(job.metrics_json.pseudonym_map ?? {})).toContain(CANARY_EMAIL);
    expect(JSON.stringify(job)).not.toContain(HASH_KEY);
  });

  it('a masker error never carries the text it was masking', async () => {
    const masker = createMasker({ encryptionKey: Buffer.alloc(3).toString('base64') });
    const text = `${CANARY_WORD} ${CANARY_EMAIL}`;
    const start = text.indexOf(CANARY_EMAIL);
    const e = await caught(masker.mask(text, [{ start, end: text.length, label: 'EMAIL', score: 1 }], { EMAIL: 'ENCRYPT' }));
    if (e !== undefined) expectNoCanary(describeError(e), 'masker error');
  });
});

// ------------------------------------------------------------------ CLI

describe('no scanned text from the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pii-leak-cli-'));
  const run = (...args: string[]) => main(['node', 'pii-local', ...args]);

  it.each([
    ['broken.jsonl', `{"id":"1","text":"${CANARY_WORD} ${CANARY_EMAIL}"}\n{"id":"2","text":"${CANARY_EMAIL}\n${CANARY_WORD}\n`],
    ['bad.csv', `id,note\n1,"${CANARY_WORD} ${CANARY_EMAIL}\n`],
    ['ok.txt', `${CANARY_WORD} ${CANARY_EMAIL}\n`],
  ])('redact and detect on %s', async (name, content) => {
    const input = join(dir, name);
    writeFileSync(input, content);
    const output = join(dir, `out-${name}`);
    const code = await run('redact', '--input', input, '--output', output, '--method', 'heuristics', '--types', 'EMAIL');
    expect([0, 1, 2]).toContain(code);
    if (code !== 2) expectNoCanary(readFileSync(output, 'utf8').replaceAll(CANARY_WORD, ''), `redact output of ${name}`);
    if (name.endsWith('.jsonl')) {
      const detected = join(dir, `det-${name}`);
      await run('detect', '--input', input, '--output', detected, '--method', 'heuristics', '--types', 'EMAIL');
      expectNoCanary(readFileSync(detected, 'utf8'), `detect output of ${name}`);
    }
  });

  it('bad keys, bad masks and a missing model', async () => {
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `{"id":"1","text":"${CANARY_WORD} ${CANARY_EMAIL}"}\n`);
    const output = join(dir, 'out.jsonl');
    const codes = [
      await run('redact', '--input', input, '--output', output, '--method', 'heuristics', '--types', 'EMAIL', '--mask', 'EMAIL=ENCRYPT', '--encryption-key', 'short'),
      await run('redact', '--input', input, '--output', output, '--method', 'heuristics', '--types', 'EMAIL', '--mask', 'EMAIL=HASH', '--hash-key', '!!'),
      await run('redact', '--input', input, '--output', output, '--method', 'gliner', '--types', 'PERSON', '--model', join(dir, 'missing-model')),
      await run('detect', '--input', input, '--output', output, '--method', 'gliner', '--types', 'PERSON', '--model', join(dir, 'missing-model')),
    ];
    expect(codes.every((c) => c !== 0)).toBe(true);
  });
});
