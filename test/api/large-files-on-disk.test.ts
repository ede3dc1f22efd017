import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalDataframer, toFile } from '../../src/index.js';

/**
 * Issue 14 (a 100 MB CSV through the API within 300 MB RSS): in Node a Blob's bytes are process
 * memory, so an upload given as bytes and a job's output go to temporary files once large; they
 * read back whole, and go when their dataset or run is deleted.
 */
function spoolFiles(): Set<string> {
  const out = new Set<string>();
  for (const d of readdirSync(tmpdir()).filter((d) => d.startsWith('pii-local-'))) {
    try {
      for (const f of readdirSync(join(tmpdir(), d))) if (f.startsWith('spool-')) out.add(join(d, f));
    } catch {
      /* another process's folder, gone */
    }
  }
  return out;
}

describe('large uploads and outputs in Node', () => {
  it('keeps a 9 MB upload and its output on disk, writes every row, and deletes both with their owners', async () => {
    const rows = ['id,note'];
    for (let i = 0; rows.length < 90_000; i++) rows.push(`${i},"Zoë wrote from zoe${i}@example.org about ticket ${i}, ${'x'.repeat(60)}"`);
    const csv = `${rows.join('\n')}\n`;
    const bytes = new TextEncoder().encode(csv);
    expect(bytes.length).toBeGreaterThan(9_000_000);

    const before = spoolFiles();
    const client = new LocalDataframer();
    const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'big', file: toFile(bytes, 'big.csv') });
    const afterUpload = [...spoolFiles()].filter((f) => !before.has(f));
    expect(afterUpload).toHaveLength(1);
    bytes.fill(0x20); // the caller reuses its buffer: the dataset has its own copy

    const run = await client.dataframer.anonymizationRuns.createAndPoll({ dataset_id: ds.id, pii_types: ['email'], detection_method: 'heuristics', mask_config: { email: 'REDACT' } });
    expect(run.status).toBe('SUCCEEDED');
    expect(run.results.samples_processed).toBe(rows.length - 1);
    const created = [...spoolFiles()].filter((f) => !before.has(f));
    expect(created).toHaveLength(2);

    const blob = await client.dataframer.anonymizationRuns.files.content(run.id, run.anonymized_files[0]!.id);
    const out = (await blob.text()).split('\n');
    expect(out).toHaveLength(rows.length + 1);
    expect(out[0]).toBe('id,note');
    expect(out[5]).toBe(`4,"Zoë wrote from [email] about ticket 4, ${'x'.repeat(60)}"`);
    expect(out.at(-2)).toBe(rows.at(-1)!.replace(/zoe\d+@example\.org/, '[email]'));

    await client.dataframer.anonymizationRuns.delete(run.id);
    await client.dataframer.datasets.delete(ds.id);
    expect([...spoolFiles()].filter((f) => !before.has(f))).toEqual([]);
  }, 120_000);
});
