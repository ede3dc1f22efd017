/**
 * IndexedDBStorage in Chromium: a dataset bigger than one record chunk, its run and its anonymized
 * file survive a reload; a new run over the stored dataset (chunks read back from IndexedDB) writes
 * the same bytes; and both equal what Node writes with the in-memory store.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CHUNK_RECORDS } from '../../src/datasets/chunked.js';
import { LocalDataframer, toFile } from '../../src/index.js';
import { openTestPage, pageUrl, skipReason, useBrowserSession } from './harness.js';

const ROWS = CHUNK_RECORDS + 250;

function csv(): string {
  const rows = Array.from({ length: ROWS }, (_, i) => [String(i), i % 5 === 0 ? `write to user${i % 300}@example.org, Zoë` : `note ${i} ✓`]);
  return `${Papa.unparse({ fields: ['id', 'note'], data: rows }, { newline: '\n' })}\n`;
}

describe.skipIf(skipReason !== undefined)('IndexedDBStorage in Chromium', () => {
  const session = useBrowserSession();

  it('keeps a multi-chunk dataset, its run and its file across a reload', async () => {
    const text = csv();
    const { page, errors } = await openTestPage(session.browser, pageUrl(session.server));
    const first = await page.evaluate((t) => window.pii.storedRun('stored-test', t), text);
    expect(first.status).toBe('SUCCEEDED');
    expect(first.samples).toBe(ROWS);
    expect(first.size).toBe(new TextEncoder().encode(first.text).byteLength);
    expect(first.text).not.toMatch(/user\d+@example\.org/);

    await page.reload();
    const after = await page.evaluate(([r, f, d]) => window.pii.storedAgain('stored-test', r, f, d), [first.runId, first.fileId, first.datasetId] as const);
    expect(after.status).toBe('SUCCEEDED');
    expect(after.samples).toBe(ROWS);
    expect(after.text).toBe(first.text);
    expect(after.again.status).toBe('SUCCEEDED');
    expect(after.again.text).toBe(first.text);

    // Node, in-memory store: the same bytes.
    const client = new LocalDataframer();
    const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'stored', file: toFile(text, 'stored.csv') });
    const run = await client.dataframer.anonymizationRuns.createAndPoll({
      dataset_id: ds.id, pii_types: ['email'], detection_method: 'heuristics', mask_config: { email: 'PSEUDONYMIZE' }, mask_options: { seed: 3 },
    });
    const inNode = await (await client.dataframer.anonymizationRuns.files.content(run.id, run.anonymized_files[0]!.id)).text();
    expect(first.text).toBe(inNode);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
