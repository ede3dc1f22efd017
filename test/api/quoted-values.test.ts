import { describe, expect, it } from 'vitest';
import { APIError, LocalDataframer, toFile } from '../../src/index.js';
import { quoteValue } from '../../src/quote.js';

/** A caller's value gone wrong: 1 MB, with a recognisable head. */
const HUGE = `head-${'x'.repeat(1024 * 1024)}`;

async function setup() {
  const client = new LocalDataframer();
  const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'd', file: toFile('id,text\n1,a@b.co\n', 'd.csv') });
  return { client, ds };
}

async function errorOf(promise: Promise<unknown>): Promise<APIError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(APIError);
  return error as APIError;
}

describe('API errors quote a short, escaped prefix of a caller value, never the whole of it', () => {
  const job = (patch: Record<string, unknown>, ds: string) =>
    ({ dataset_id: ds, name: 'j', pii_types: ['EMAIL'], detection_method: 'heuristics', ...patch }) as never;
  const run = (patch: Record<string, unknown>, ds: string) => ({ dataset_id: ds, pii_types: ['email'], detection_method: 'heuristics', ...patch }) as never;

  it.each<[string, (c: LocalDataframer, ds: string) => Promise<unknown>]>([
    ['datasets.retrieve', (c) => c.dataframer.datasets.retrieve(HUGE)],
    ['transformJobs.create with dataset_id', (c) => c.dataframer.transformJobs.create(job({}, HUGE))],
    ['anonymizationRuns.create with dataset_id', (c) => c.dataframer.anonymizationRuns.create(run({}, HUGE))],
    ['transformJobs.retrieve', (c) => c.dataframer.transformJobs.retrieve(HUGE)],
    ['anonymizationRuns.retrieve', (c) => c.dataframer.anonymizationRuns.retrieve(HUGE)],
    ['pii_types entry', (c, ds) => c.dataframer.transformJobs.create(job({ pii_types: [HUGE] }, ds))],
    ['mask_config key', (c, ds) => c.dataframer.transformJobs.create(job({ mask_config: { [HUGE]: 'REDACT' } }, ds))],
    ['mask_config value', (c, ds) => c.dataframer.transformJobs.create(job({ mask_config: { EMAIL: HUGE } }, ds))],
    ['mask_options key', (c, ds) => c.dataframer.transformJobs.create(job({ mask_options: { [HUGE]: 1 } }, ds))],
    ['upload file name', (c) => c.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'n', file: toFile('hello', `${HUGE}.txt`) })],
  ])('%s', async (_name, call) => {
    const { client, ds } = await setup();
    const error = await errorOf(call(client, ds.id));
    expect(error.message.length).toBeLessThan(300);
    expect(error.message).toContain('"head-xxx');
    expect(error.message).toContain('…');
    expect(JSON.stringify(error.error).length).toBeLessThan(400);
  });

  it('escapes control characters and quotes', async () => {
    const { client } = await setup();
    const error = await errorOf(client.dataframer.datasets.retrieve('a\u0000b\n"c'));
    expect(error.message).toBe('dataset "a\\u0000b\\n\\"c" not found');
  });
});

describe('quoteValue', () => {
  it('keeps a short value whole and cuts a long one at 40 code points', () => {
    expect(quoteValue('abc')).toBe('"abc"');
    expect(quoteValue('y'.repeat(41))).toBe(`"${'y'.repeat(40)}…"`);
    expect(quoteValue('🙈'.repeat(50))).toBe(`"${'🙈'.repeat(40)}…"`);
  });
});
