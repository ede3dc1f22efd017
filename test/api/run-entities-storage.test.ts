import { describe, expect, it } from 'vitest';
import { EntityTable, unpackEntities } from '../../src/api/entity-table.js';
import type { AnonymizationRun, EntityFound } from '../../src/api/types.js';
import { LocalDataframer, MemoryStorage, toFile } from '../../src/index.js';

/**
 * Runs store `entities_found` packed (typed arrays, see `src/api/entity-table.ts`) and build the
 * list when a caller reads it. The wire object must be what it was (values, key order), and a
 * caller changing what it got must never reach the stored run.
 */
const CSV = ['id,note,contact', '1,mail ana@example.com now,+1 212-555-0101', '2,nothing here,', '3,"two: bo@example.org, SSN 536-22-8741",cy@example.net'].join('\n');
const TYPES = ['email', 'us_ssn', 'phone_number'];

async function setup() {
  const storage = new MemoryStorage();
  const client = new LocalDataframer({ storage });
  const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'notes', file: toFile(CSV, 'notes.csv') });
  const run = await client.dataframer.anonymizationRuns.createAndPoll({ dataset_id: ds.id, pii_types: TYPES, detection_method: 'heuristics' });
  return { storage, client, ds, run };
}

describe('anonymization run entities', () => {
  it('are the entities a transform job lists, in sample order, with the same keys in the same order', async () => {
    const { client, ds, run } = await setup();
    expect(run.status).toBe('SUCCEEDED');
    const job = await client.dataframer.transformJobs.createAndPoll({ dataset_id: ds.id, name: 'j', pii_types: TYPES, detection_method: 'heuristics' });
    const expected = job.metrics_json!.transformed_samples!.flatMap((s) => s.entities);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(run.results.entities_found)).toBe(JSON.stringify(expected));
    expect(Object.keys(run.results)).toEqual(['entity_summary', 'samples_processed', 'entities_found', 'error', 'samples_total', 'sample_errors', 'evaluation', 'column_plans']);
    expect(JSON.parse(JSON.stringify(run)).results.entities_found).toEqual(expected);
    expect(structuredClone(run).results.entities_found).toEqual(expected);
  });

  it('a caller changing a returned run (before or after reading the list) leaves the stored run as it was', async () => {
    const { client, run } = await setup();
    const pristine = JSON.stringify(run);
    const first = run.results.entities_found!;
    first[0]!.label = 'changed';
    first.push({ start: 0, end: 1, label: 'x', score: 1 });
    run.results.entity_summary!.email = 99;
    run.anonymized_files.pop();

    const again = await client.dataframer.anonymizationRuns.retrieve(run.id);
    again.results.entities_found = []; // assigned before ever being read
    expect(again.results.entities_found).toEqual([]);
    expect(Object.keys(again.results)).toContain('entities_found');

    const third = await client.dataframer.anonymizationRuns.retrieve(run.id);
    expect(third.results.entities_found).not.toBe(first);
    expect(JSON.stringify(third)).toBe(pristine);
    delete third.results.entities_found;
    expect('entities_found' in third.results).toBe(false);
    expect(JSON.stringify(await client.dataframer.anonymizationRuns.poll(run.id))).toBe(pristine);
  });

  it('the stored run holds the packed table (plain structured-clonable data), and lists stay summaries', async () => {
    const { storage, client, run } = await setup();
    const stored = (await storage.get<AnonymizationRun>('anonymization_runs', run.id))!;
    const results = stored.results as Record<string, unknown>;
    expect(results.entities_found).toBeUndefined();
    expect(results.entities_packed).toBeDefined();
    expect(unpackEntities(structuredClone(results.entities_packed) as never)).toEqual(run.results.entities_found);
    const [item] = await client.dataframer.anonymizationRuns.list();
    expect(item!.id).toBe(run.id);
    expect('results' in item!).toBe(false);
  });

  it('a run stored with a plain entities_found list (an older store) is returned as stored', async () => {
    const { storage, client, run } = await setup();
    const list = run.results.entities_found!;
    const { entities_found: _e, ...rest } = run.results;
    const old = { ...run, results: { ...rest, entities_found: list } };
    await storage.put('anonymization_runs', run.id, old);
    const back = await client.dataframer.anonymizationRuns.retrieve(run.id);
    expect(back.results.entities_found).toEqual(list);
    expect(Object.getOwnPropertyDescriptor(back.results, 'entities_found')!.value).toEqual(list);
  });
});

describe('EntityTable', () => {
  it('round-trips many entities with and without sample_index and field, past its first capacity', () => {
    const table = new EntityTable();
    const all: EntityFound[] = [];
    for (let i = 0; i < 5000; i++) {
      const e: EntityFound =
        i % 3 === 0 ? { start: i, end: i + 4, label: `L${i % 5}`, score: i / 7, sample_index: i >> 1 }
        : i % 3 === 1 ? { start: i, end: i + 2, label: 'email', score: 0.5, sample_index: i, field: `f${i % 4}` }
        : { start: 2 ** 31 + i, end: 2 ** 31 + i + 1, label: 'x', score: Number.MIN_VALUE, field: 'note' };
      all.push(e);
      table.push(e);
    }
    expect(table.count).toBe(5000);
    const packed = table.pack();
    expect(packed.start.length).toBe(5000);
    const back = unpackEntities(structuredClone(packed));
    expect(back).toEqual(all);
    expect(back.map((e) => Object.keys(e).join())).toEqual(all.map((e) => Object.keys(e).join()));
  });

  it('refuses offsets it cannot hold exactly', () => {
    const table = new EntityTable();
    expect(() => table.push({ start: -1, end: 1, label: 'x', score: 1 })).toThrow(RangeError);
    expect(() => table.push({ start: 1.5, end: 2, label: 'x', score: 1 })).toThrow(RangeError);
  });
});
