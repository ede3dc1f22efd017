import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { redactStream } from '../../src/cli/redact-stream.js';
import { createEngine } from '../../src/engine/engine.js';
import { createMasker } from '../../src/masks/index.js';
import { LocalDataframer, toFile } from '../../src/index.js';

// Issue 14 ("No silent damage"): an unclosed quote in the 2nd data row must not swallow the rows after it.
const SECRET = 'ann.secret@example.org';
const CSV = `id,note\n1,mail a@b.co\n2,"${SECRET} never closed\n3,third c@d.co\n4,fourth\n`;
const dir = mkdtempSync(join(tmpdir(), 'pii-broken-csv-'));
const input = join(dir, 'in.csv');
writeFileSync(input, CSV);

async function cli(...args: string[]) {
  const stderr: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (stderr.push(String(s)), true));
  const code = await main(['node', 'pii-local', ...args, '--method', 'heuristics', '--types', 'EMAIL']);
  return { code, stderr: stderr.join('') };
}

const EXPECTED = 'id,note\n1,mail [EMAIL]\n[REDACTION_FAILED],[REDACTION_FAILED]\n3,third [EMAIL]\n4,fourth\n';

describe('a CSV file whose 2nd data row has an unclosed quote', () => {
  afterEach(() => vi.restoreAllMocks());

  it('redact: only the broken row fails (line 3); header and row count kept, the other rows in place', async () => {
    const output = join(dir, 'out.csv');
    const { code, stderr } = await cli('redact', '--input', input, '--output', output);
    expect(code).toBe(1);
    const written = readFileSync(output, 'utf8');
    expect(Papa.parse<string[]>(written, { skipEmptyLines: true }).data).toHaveLength(5);
    expect(written).toBe(EXPECTED);
    expect(stderr).toMatch(/1 of 4 records failed.*line 3\n$/);
    expect(stderr + written).not.toContain(SECRET);
  });

  it('redact, streamed in chunks of one row: the same output and line numbers', async () => {
    const output = join(dir, 'streamed.csv');
    const result = await redactStream(input, output, createEngine(), createMasker(), { method: 'heuristics', types: ['EMAIL'], maskConfig: {}, chunkRecords: 1 });
    expect(result).toMatchObject({ records: 4, failed: 1, failedLines: [3] });
    expect(readFileSync(output, 'utf8')).toBe(EXPECTED);
  });

  it('API: a job over the dataset reports the one broken row with its line; every other row comes out', async () => {
    const client = new LocalDataframer();
    const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'broken', file: toFile(CSV, 'in.csv') });
    expect(ds.sample_count).toBe(4);
    const run = await client.dataframer.anonymizationRuns.createAndPoll({ dataset_id: ds.id, pii_types: ['email'], detection_method: 'heuristics' });
    expect(run.results.sample_errors).toEqual([{ sample_index: 1, error: 'invalid_record: csv_unclosed_quote at line 3' }]);
    const written = await (await client.dataframer.anonymizationRuns.files.content(run.id, run.anonymized_files[0]!.id)).text();
    expect(written).not.toContain(SECRET);
    expect(Papa.parse<string[]>(written, { skipEmptyLines: true }).data).toHaveLength(5);
    expect(written.split('\n')[3]).toMatch(/^3,third /);
  });
});
