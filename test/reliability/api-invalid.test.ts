/**
 * Invalid requests that test/api/validation.test.ts does not cover: nested mask rules, local mask
 * options, wrong shapes of the whole body, unknown ids on every method, dataset misuse. Each must
 * give the right error class, name the field, and create nothing.
 */
import { describe, expect, it } from 'vitest';
import { BadRequestError, ConflictError, LocalDataframer, NotFoundError, toFile } from '../../src/index.js';
import type { APIError, AnonymizationRunCreateParams, TransformJobCreateParams } from '../../src/index.js';

const CANARY = 'Quentin-Marmaduke-c4n4ry';

async function setup() {
  const client = new LocalDataframer();
  const ds = await client.dataframer.datasets.createWithFiles({
    dataset_type: 'SINGLE_FILE',
    name: 'd',
    file: toFile(`id,text\n1,${CANARY} wrote to a@b.co\n`, 'd.csv'),
  });
  return { client, ds };
}

const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as APIError);

type Case = [name: string, patch: Record<string, unknown>, field: string | RegExp];

const JOB_CASES: Case[] = [
  ['pii_types with a blank string', { pii_types: ['EMAIL', '  '] }, 'pii_types'],
  ['pii_types null', { pii_types: null }, 'pii_types'],
  ['pii_types an object', { pii_types: { EMAIL: true } }, 'pii_types'],
  ['detection_method in the wrong case', { detection_method: 'HEURISTICS' }, 'detection_method'],
  ['detection_method empty', { detection_method: '' }, 'detection_method'],
  ['threshold -0.0001', { threshold: -0.0001 }, 'threshold'],
  ['threshold 1.0001', { threshold: 1.0001 }, 'threshold'],
  ['threshold -Infinity', { threshold: Number.NEGATIVE_INFINITY }, 'threshold'],
  ['threshold boolean', { threshold: true }, 'threshold'],
  ['threshold an array', { threshold: [0.5] }, 'threshold'],
  ['mask_config an array', { mask_config: ['REDACT'] }, 'mask_config'],
  ['mask_config key unknown type', { mask_config: { FAVOURITE_COLOUR: 'REDACT' } }, /^mask_config/],
  ['mask_config rule null', { mask_config: { EMAIL: null } }, 'mask_config.EMAIL'],
  ['mask_config rule an array', { mask_config: { EMAIL: ['REDACT'] } }, 'mask_config.EMAIL'],
  ['mask_config rule object without strategy', { mask_config: { EMAIL: { params: {} } } }, 'mask_config.EMAIL'],
  ['mask_config rule object with unknown strategy', { mask_config: { EMAIL: { strategy: 'SHRED' } } }, 'mask_config.EMAIL'],
  ['mask_config literal string on a transform job', { mask_config: { EMAIL: '<EMAIL>' } }, 'mask_config.EMAIL'],
  ['MASK with a two-character masking_char', { mask_config: { EMAIL: { strategy: 'MASK', params: { masking_char: '##' } } } }, /^mask_config\.EMAIL/],
  ['MASK with negative chars_to_mask', { mask_config: { EMAIL: { strategy: 'MASK', params: { chars_to_mask: -1 } } } }, /^mask_config\.EMAIL/],
  ['MASK with a non-numeric chars_to_mask', { mask_config: { EMAIL: { strategy: 'MASK', params: { chars_to_mask: 'all' } } } }, /^mask_config\.EMAIL/],
  ['mask_options not an object', { mask_options: 'yes' }, 'mask_options'],
  ['ENCRYPT with a key of the wrong length', { mask_config: { EMAIL: 'ENCRYPT' }, mask_options: { encryption_key: Buffer.alloc(5).toString('base64') } }, /^mask_options\.encryption_key/],
  ['ENCRYPT with a key that is not base64', { mask_config: { EMAIL: 'ENCRYPT' }, mask_options: { encryption_key: 'not a key!' } }, /^mask_options\.encryption_key/],
  ['ENCRYPT key as a number', { mask_config: { EMAIL: 'ENCRYPT' }, mask_options: { encryption_key: 12 } }, /^mask_options\.encryption_key/],
  ['HASH key as a number', { mask_config: { EMAIL: 'HASH' }, mask_options: { hash_key: 12 } }, /^mask_options\.hash_key/],
  ['seed not an integer', { mask_config: { EMAIL: 'REPLACE' }, mask_options: { seed: 1.5 } }, /^mask_options\.seed/],
  ['locales not an array', { mask_options: { locales: 'en-GB' } }, /^mask_options\.locales/],
  ['name only spaces', { name: '   ' }, 'name'],
  ['dataset_id a number', { dataset_id: 12 }, 'dataset_id'],
];

describe('transformJobs.create: invalid requests the lead table does not cover', () => {
  it.each(JOB_CASES)('%s → BadRequestError naming %s', async (_name, patch, field) => {
    const { client, ds } = await setup();
    const params = { dataset_id: ds.id, name: 'job', pii_types: ['EMAIL'], detection_method: 'heuristics', ...patch } as TransformJobCreateParams;
    const e = await failure(client.dataframer.transformJobs.create(params));
    expect(e).toBeInstanceOf(BadRequestError);
    expect(e!.status).toBe(400);
    if (typeof field === 'string') expect(e!.field).toBe(field);
    else expect(e!.field).toMatch(field);
    expect(e!.message).not.toContain(CANARY);
    expect(await client.dataframer.transformJobs.list()).toEqual([]);
  });

  it.each([null, undefined, 'job', 42, []])('a body of %j → BadRequestError', async (body) => {
    const { client } = await setup();
    expect(await failure(client.dataframer.transformJobs.create(body as never))).toBeInstanceOf(BadRequestError);
    expect(await failure(client.dataframer.anonymizationRuns.create(body as never))).toBeInstanceOf(BadRequestError);
  });

  it('an unknown dataset_id → NotFoundError naming dataset_id, nothing created', async () => {
    const { client } = await setup();
    const e = await failure(client.dataframer.transformJobs.create({ dataset_id: crypto.randomUUID(), name: 'j', pii_types: ['EMAIL'], detection_method: 'heuristics' }));
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e!.status).toBe(404);
    expect(e!.field).toBe('dataset_id');
    expect(await client.dataframer.transformJobs.list()).toEqual([]);
  });

  it('unknown ids on every method → NotFoundError', async () => {
    const { client } = await setup();
    const id = crypto.randomUUID();
    const { transformJobs: tj, anonymizationRuns: ar, datasets } = client.dataframer;
    for (const p of [
      tj.retrieve(id), tj.cancel(id), tj.delete(id), tj.poll(id, { timeout: 10 }),
      ar.retrieve(id), ar.cancel(id), ar.delete(id), ar.poll(id, { timeout: 10 }), ar.files.content(id, id),
      datasets.retrieve(id), datasets.update(id, { name: 'x' }), datasets.delete(id), datasets.listFiles(id), datasets.listFolders(id),
    ]) {
      expect(await failure(p)).toBeInstanceOf(NotFoundError);
    }
  });

  it('a file id of another run → NotFoundError', async () => {
    const { client, ds } = await setup();
    const a = await client.dataframer.anonymizationRuns.createAndPoll({ dataset_id: ds.id, pii_types: ['email'], detection_method: 'heuristics' });
    const b = await client.dataframer.anonymizationRuns.createAndPoll({ dataset_id: ds.id, pii_types: ['email'], detection_method: 'heuristics' });
    expect(await failure(client.dataframer.anonymizationRuns.files.content(a.id, b.anonymized_files[0]!.id))).toBeInstanceOf(NotFoundError);
  });
});

const RUN_CASES: Case[] = [
  ['unknown lower-case type', { pii_types: ['favourite_colour'] }, 'pii_types'],
  ['mixed-case type', { pii_types: ['Email'] }, 'pii_types'],
  ['mask_config value a number', { mask_config: { email: 5 } }, 'mask_config.email'],
  ['mask_config value null', { mask_config: { email: null } }, 'mask_config.email'],
  ['llm_model_name not a string', { llm_model_name: 5 }, 'llm_model_name'],
  ['llm method with an empty llm_model_name', { detection_method: 'llm+heuristics', llm_model_name: ' ' }, 'llm_model_name'],
  ['llm method with a model name but no provider', { detection_method: 'llm', llm_model_name: 'm' }, 'detection_method'],
  ['threshold NaN', { threshold: Number.NaN }, 'threshold'],
  ['threshold -1', { threshold: -1 }, 'threshold'],
  ['transform-family hybrid on a run', { detection_method: 'gliner+heuristics' }, 'detection_method'],
  ['missing dataset_id', { dataset_id: undefined }, 'dataset_id'],
];

describe('anonymizationRuns.create: invalid requests the lead table does not cover', () => {
  it.each(RUN_CASES)('%s → BadRequestError naming %s', async (_name, patch, field) => {
    const { client, ds } = await setup();
    const params = { dataset_id: ds.id, pii_types: ['email'], detection_method: 'heuristics', ...patch } as AnonymizationRunCreateParams;
    const e = await failure(client.dataframer.anonymizationRuns.create(params));
    expect(e).toBeInstanceOf(BadRequestError);
    if (typeof field === 'string') expect(e!.field).toBe(field);
    else expect(e!.field).toMatch(field);
    expect(e!.message).not.toContain(CANARY);
    expect(await client.dataframer.anonymizationRuns.list()).toEqual([]);
  });
});

describe('datasets: misuse the lead table does not cover', () => {
  it.each([
    ['csv_headers not an array', { dataset_type: 'SINGLE_FILE', name: 'x', file: toFile('a\n1\n', 'a.csv'), csv_headers: 'a' }, 'csv_headers'],
    ['csv_headers with a number', { dataset_type: 'SINGLE_FILE', name: 'x', file: toFile('a\n1\n', 'a.csv'), csv_headers: ['a', 1] }, 'csv_headers'],
    ['file content a number', { dataset_type: 'SINGLE_FILE', name: 'x', file: { name: 'a.csv', content: 5 } }, 'file'],
    ['file null', { dataset_type: 'SINGLE_FILE', name: 'x', file: null }, 'file'],
    ['an unsupported extension', { dataset_type: 'SINGLE_FILE', name: 'x', file: toFile('a', 'a.exe') }, 'file'],
    ['MULTI_FILE files not an array', { dataset_type: 'MULTI_FILE', name: 'x', files: toFile('a', 'a.txt') }, 'files'],
    ['MULTI_FILE with a null entry', { dataset_type: 'MULTI_FILE', name: 'x', files: [toFile('a', 'a.txt'), null] }, 'files[1]'],
    ['MULTI_FOLDER folder_names of the wrong length', { dataset_type: 'MULTI_FOLDER', name: 'x', files: [toFile('a', 'a.txt'), toFile('b', 'b.txt')], folder_names: ['f'] }, 'folder_names'],
    ['MULTI_FOLDER with an empty folder name', { dataset_type: 'MULTI_FOLDER', name: 'x', files: [toFile('a', 'a.txt'), toFile('b', 'b.txt')], folder_names: ['f', ''] }, 'folder_names'],
    ['SINGLE_FILE with only a header row', { dataset_type: 'SINGLE_FILE', name: 'x', file: toFile('id,text\n', 'a.csv') }, 'file'],
    ['SINGLE_FILE with an empty file', { dataset_type: 'SINGLE_FILE', name: 'x', file: toFile('', 'a.jsonl') }, 'file'],
    ['name not a string', { dataset_type: 'SINGLE_FILE', name: 5, file: toFile('a\n1\n', 'a.csv') }, 'name'],
    ['null body', null, undefined],
  ])('%s → BadRequestError naming %s', async (_name, params, field) => {
    const client = new LocalDataframer();
    const e = await failure(client.dataframer.datasets.createWithFiles(params as never));
    expect(e).toBeInstanceOf(BadRequestError);
    expect(e!.field).toBe(field);
    expect(await client.dataframer.datasets.list()).toEqual([]);
  });

  it('update with an empty name → BadRequestError; delete while a job reads it → ConflictError', async () => {
    const { client, ds } = await setup();
    expect((await failure(client.dataframer.datasets.update(ds.id, { name: '' })))!.field).toBe('name');
    const big = await client.dataframer.datasets.createWithFiles({
      dataset_type: 'SINGLE_FILE', name: 'big',
      file: toFile(`id,text\n${Array.from({ length: 3000 }, (_, i) => `${i},mail u${i}@example.com`).join('\n')}\n`, 'big.csv'),
    });
    const job = await client.dataframer.transformJobs.create({ dataset_id: big.id, name: 'j', pii_types: ['EMAIL'], detection_method: 'heuristics' });
    const e = await failure(client.dataframer.datasets.delete(big.id));
    expect(e).toBeInstanceOf(ConflictError);
    expect(e!.status).toBe(409);
    await client.dataframer.transformJobs.poll(job.id);
    await client.dataframer.datasets.delete(big.id);
  });
});
