import { describe, expect, it } from 'vitest';
import { BadRequestError, LocalDataframer, NotFoundError, toFile } from '../../src/index.js';
import type { AnonymizationRunCreateParams, TransformJobCreateParams } from '../../src/index.js';

const CANARY = 'CANARY-7f3a-Zelda-Quixote';

async function setup(options: ConstructorParameters<typeof LocalDataframer>[0] = {}) {
  const client = new LocalDataframer(options);
  const ds = await client.dataframer.datasets.createWithFiles({
    dataset_type: 'SINGLE_FILE',
    name: 'd',
    file: toFile(`id,text\n1,${CANARY} wrote to a@b.co\n`, 'd.csv'),
  });
  return { client, ds };
}

type JobCase = [name: string, patch: Record<string, unknown>, field: string];

const JOB_CASES: JobCase[] = [
  ['missing name', { name: undefined }, 'name'],
  ['empty name', { name: '' }, 'name'],
  ['name not a string', { name: 42 }, 'name'],
  ['missing dataset_id', { dataset_id: undefined }, 'dataset_id'],
  ['unknown detection_method', { detection_method: 'magic' }, 'detection_method'],
  ['run-family method on a transform job', { detection_method: 'aimon_pii_m1' }, 'detection_method'],
  ['detection_method not a string', { detection_method: 3 }, 'detection_method'],
  ['threshold -1', { threshold: -1 }, 'threshold'],
  ['threshold 1.5', { threshold: 1.5 }, 'threshold'],
  ['threshold NaN', { threshold: Number.NaN }, 'threshold'],
  ['threshold Infinity', { threshold: Number.POSITIVE_INFINITY }, 'threshold'],
  ['threshold as a string', { threshold: '0.5' }, 'threshold'],
  ['pii_types missing', { pii_types: undefined }, 'pii_types'],
  ['pii_types empty', { pii_types: [] }, 'pii_types'],
  ['pii_types not an array', { pii_types: 'EMAIL' }, 'pii_types'],
  ['pii_types with a non-string', { pii_types: ['EMAIL', 7] }, 'pii_types'],
  ['unknown type', { pii_types: ['EMAIL', 'FAVOURITE_COLOUR'] }, 'pii_types'],
  ['free-text type with heuristics only', { pii_types: ['PERSON'] }, 'pii_types'],
  ['mask for a type not requested', { mask_config: { PHONE_NUMBER: 'REDACT' } }, 'mask_config.PHONE_NUMBER'],
  ['unknown mask strategy', { mask_config: { EMAIL: 'SHRED' } }, 'mask_config.EMAIL'],
  ['mistyped mask strategy', { mask_config: { EMAIL: 'REDCT' } }, 'mask_config.EMAIL'],
  ['mask_config not an object', { mask_config: 'REDACT' }, 'mask_config'],
  ['mask rule of the wrong type', { mask_config: { EMAIL: 5 } }, 'mask_config.EMAIL'],
  ['ENCRYPT without a key', { mask_config: { EMAIL: 'ENCRYPT' } }, 'mask_options.encryption_key'],
  ['llm without model_name', { detection_method: 'llm' }, 'model_name'],
  ['llm without a provider', { detection_method: 'llm+heuristics', model_name: 'local-llama' }, 'detection_method'],
  ['all without a provider', { detection_method: 'all', model_name: 'local-llama' }, 'detection_method'],
  ['model_name not a string', { model_name: 12 }, 'model_name'],
  ['evaluation_model not a string', { evaluation_model: {} }, 'evaluation_model'],
];

describe('transformJobs.create rejects invalid requests', () => {
  it.each(JOB_CASES)('%s → BadRequestError naming %s', async (_name, patch, field) => {
    const { client, ds } = await setup();
    const params = { dataset_id: ds.id, name: 'job', pii_types: ['EMAIL'], detection_method: 'heuristics', ...patch } as TransformJobCreateParams;
    const error = await client.dataframer.transformJobs.create(params).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BadRequestError);
    const e = error as BadRequestError;
    expect(e.status).toBe(400);
    expect(e.field).toBe(field);
    expect(e.message).toContain(field.split('.')[0]);
    expect(e.message).not.toContain(CANARY);
    expect(await client.dataframer.transformJobs.list()).toEqual([]); // nothing was created
  });

  it('rejects unknown ids with NotFoundError', async () => {
    const { client } = await setup();
    await expect(client.dataframer.transformJobs.retrieve('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.dataframer.transformJobs.cancel('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.dataframer.anonymizationRuns.retrieve('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.dataframer.datasets.retrieve('nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('exposes the error classes as statics of the client, like the Stainless SDKs', () => {
    expect(LocalDataframer.BadRequestError).toBe(BadRequestError);
    expect(LocalDataframer.NotFoundError).toBe(NotFoundError);
  });
});

type RunCase = [name: string, patch: Record<string, unknown>, field: string];

const RUN_CASES: RunCase[] = [
  ['upper-case pii_types', { pii_types: ['EMAIL'] }, 'pii_types'],
  ['transform-family method on a run', { detection_method: 'gliner' }, 'detection_method'],
  ['llm without llm_model_name', { detection_method: 'llm' }, 'llm_model_name'],
  ['threshold above 1', { threshold: 2 }, 'threshold'],
  ['mask for a type not requested', { mask_config: { phone_number: '<PHONE>' } }, 'mask_config.phone_number'],
  ['strategy-shaped typo as mask_config', { mask_config: { email: 'REDCT' } }, 'mask_config.email'],
  ['unknown upper-case word as mask_config', { mask_config: { email: 'SCRAMBLE' } }, 'mask_config.email'],
];

describe('anonymizationRuns.create rejects invalid requests', () => {
  it.each(RUN_CASES)('%s → BadRequestError naming %s', async (_name, patch, field) => {
    const { client, ds } = await setup();
    const params = { dataset_id: ds.id, pii_types: ['email'], detection_method: 'heuristics', ...patch } as AnonymizationRunCreateParams;
    const error = (await client.dataframer.anonymizationRuns.create(params).catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.field).toBe(field);
  });

  it('says which strategy a mistyped word was close to', async () => {
    const { client, ds } = await setup();
    const error = await client.dataframer.anonymizationRuns
      .create({ dataset_id: ds.id, pii_types: ['email'], detection_method: 'heuristics', mask_config: { email: 'REDCT' } })
      .catch((e: unknown) => e);
    expect((error as BadRequestError).message).toBe('mask_config.email: unknown strategy "REDCT" for email; did you mean REDACT?');
  });

  it('writes a strategy-shaped word when given in the object form', async () => {
    const { client, ds } = await setup();
    const run = await client.dataframer.anonymizationRuns.createAndPoll({
      dataset_id: ds.id, pii_types: ['email'], detection_method: 'heuristics', mask_config: { email: { strategy: 'REPLACE', params: { value: 'REDCT' } } },
    });
    expect(run.status).toBe('SUCCEEDED');
  });

  it('accepts a literal replacement string as the run form of mask_config', async () => {
    const { client, ds } = await setup();
    const run = await client.dataframer.anonymizationRuns.createAndPoll({ dataset_id: ds.id, pii_types: ['email'], detection_method: 'heuristics', mask_config: { email: '<EMAIL>' } });
    expect(run.status).toBe('SUCCEEDED');
  });
});

describe('datasets.createWithFiles rejects invalid uploads', () => {
  it.each([
    ['unknown dataset_type', { dataset_type: 'ZIP', name: 'x', file: toFile('a', 'a.csv') }, 'dataset_type'],
    ['missing name', { dataset_type: 'SINGLE_FILE', file: toFile('a\n1', 'a.csv') }, 'name'],
    ['SINGLE_FILE without file', { dataset_type: 'SINGLE_FILE', name: 'x' }, 'file'],
    ['SINGLE_FILE with a TXT file', { dataset_type: 'SINGLE_FILE', name: 'x', file: toFile('hello', 'a.txt') }, 'file'],
    ['MULTI_FILE without files', { dataset_type: 'MULTI_FILE', name: 'x', files: [] }, 'files'],
    ['MULTI_FOLDER with one folder', { dataset_type: 'MULTI_FOLDER', name: 'x', files: [toFile('a', 'a.txt')], folder_names: ['f'] }, 'folder_names'],
    ['MULTI_FOLDER without folder_names', { dataset_type: 'MULTI_FOLDER', name: 'x', files: [toFile('a', 'a.txt'), toFile('b', 'b.txt')] }, 'folder_names'],
    ['a file without a name', { dataset_type: 'SINGLE_FILE', name: 'x', file: { name: '', content: 'a' } }, 'file'],
  ])('%s → BadRequestError naming %s', async (_name, params, field) => {
    const client = new LocalDataframer();
    const error = (await client.dataframer.datasets.createWithFiles(params as never).catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.field).toBe(field);
  });

  it('refuses a duplicate name', async () => {
    const { client } = await setup();
    const error = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'd', file: toFile('a\n1\n', 'a.csv') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
  });
});
