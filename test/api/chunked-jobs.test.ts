import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CHUNK_RECORDS } from '../../src/datasets/chunked.js';
import { parseFile, serializeFile } from '../../src/datasets/index.js';
import { createEngine } from '../../src/engine/engine.js';
import { redactRecords } from '../../src/engine/redact-records.js';
import { createMasker } from '../../src/masks/index.js';
import { LocalDataframer, toFile } from '../../src/index.js';

/**
 * Datasets bigger than one record chunk: jobs stream through them chunk by chunk. The output must
 * be what the whole-file path writes, and every sample must be accounted for in order.
 */
const ROWS = CHUNK_RECORDS * 2 + 321;
const BROKEN_ROW = CHUNK_RECORDS - 1; // the last record of the first chunk

function bigCsv(): string {
  const lines = ['id,note,amount'];
  for (let i = 0; i < ROWS; i++) {
    // The same address every 1,000 rows: PSEUDONYMIZE must give it one token across chunks.
    const note = i % 7 === 0 ? `mail person${i % 1000}@example.org now` : i % 11 === 0 ? 'line one\nline two, "quoted"' : `plain note ${i}`;
    if (i === BROKEN_ROW) lines.push(`${i},"unclosed quote, but only at the end`);
    else lines.push(Papa.unparse([[String(i), note, (i / 3).toFixed(2)]]));
    if (i % 500 === 0) lines.push(''); // blank lines are kept but are not records
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('jobs over multi-chunk datasets', () => {
  const csv = bigCsv();
  // An unclosed quote swallows the rest of the file into one row: move it to the end instead.
  const text = csv.replace(`${BROKEN_ROW},"unclosed quote, but only at the end\r\n`, '') + `${BROKEN_ROW},"unclosed quote, but only at the end\r\n`;

  it('an anonymization run writes exactly the whole-file output and accounts for every sample', async () => {
    const client = new LocalDataframer();
    const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'big', file: toFile(text, 'big.csv') });
    expect(ds.sample_count).toBe(ROWS);
    const maskConfig = { email: 'PSEUDONYMIZE' } as const;
    const run = await client.dataframer.anonymizationRuns.createAndPoll({
      dataset_id: ds.id, pii_types: ['email'], detection_method: 'heuristics', mask_config: maskConfig, mask_options: { seed: 7 },
    });
    expect(run.status).toBe('SUCCEEDED');
    expect(run.results.samples_processed).toBe(ROWS);
    expect(run.results.sample_errors).toEqual([{ sample_index: ROWS - 1, error: `invalid_record: csv_unclosed_quote at line ${text.split('\r\n').length - 1}` }]);

    const written = await (await client.dataframer.anonymizationRuns.files.content(run.id, run.anonymized_files[0]!.id)).text();
    expect(run.anonymized_files[0]!.size_in_bytes).toBe(new TextEncoder().encode(written).byteLength);

    const whole = parseFile('big.csv', text);
    const { masked } = await redactRecords(createEngine(), createMasker({ seed: 7 }), whole, {
      method: 'heuristics', types: ['EMAIL'], maskConfig: { EMAIL: 'PSEUDONYMIZE' }, displayLabel: (t) => t.toLowerCase(),
    });
    expect(written).toBe(serializeFile(whole, masked));
    expect(written).not.toMatch(/person\d+@example\.org/);

    const emails = whole.records.filter((r) => /@example\.org/.test(r.fields[1]?.text ?? '')).map((r) => r.index);
    const found = run.results.entities_found!;
    expect(found.map((e) => e.sample_index)).toEqual(emails);
    expect(found.every((e) => e.field === 'note')).toBe(true);
    // One pseudonym per distinct address, across chunks.
    const tokens = new Set(written.match(/<email_\d+>/g));
    expect(tokens.size).toBe(new Set(text.match(/person\d+@example\.org/g)).size);
  }, 120_000);

  it('a transform job lists every sample in order with its row, including the unreadable one', async () => {
    const client = new LocalDataframer();
    const ds = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'big', file: toFile(text, 'big.csv') });
    const job = await client.dataframer.transformJobs.createAndPoll({ dataset_id: ds.id, name: 'j', pii_types: ['EMAIL'], detection_method: 'heuristics' });
    expect(job.status).toBe('SUCCEEDED');
    const samples = job.metrics_json.transformed_samples!;
    expect(samples.map((s) => s.sample_index)).toEqual([...Array(ROWS).keys()]);
    expect(samples.every((s) => s.row === s.sample_index)).toBe(true);
    expect(samples[ROWS - 1]!.error).toMatch(/^invalid_record: csv_unclosed_quote at line \d+$/);
    expect(samples[ROWS - 1]!.masked_content).toBe('');
    expect(samples[CHUNK_RECORDS + 7]!.masked_content).toContain('plain note');
  }, 120_000);

  it('a MULTI_FILE sample spanning chunks is one sample, written whole', async () => {
    const client = new LocalDataframer();
    const ds = await client.dataframer.datasets.createWithFiles({
      dataset_type: 'MULTI_FILE', name: 'files', files: [toFile(csv.split(`${BROKEN_ROW},"unclosed`)[0]!, 'a.csv'), toFile('Write to ana@example.org.', 'b.txt'), toFile('', 'empty.txt')],
    });
    expect(ds.sample_count).toBe(2);
    const job = await client.dataframer.transformJobs.createAndPoll({ dataset_id: ds.id, name: 'j', pii_types: ['EMAIL'], detection_method: 'heuristics' });
    const [a, b] = job.metrics_json.transformed_samples!;
    expect(a!.file_path).toBe('a.csv');
    expect(a!.masked_content.startsWith('id,note,amount\r\n')).toBe(true);
    expect(a!.masked_content).not.toMatch(/person\d+@example\.org/);
    expect(a!.entities.length).toBeGreaterThan(CHUNK_RECORDS / 7);
    expect(b!.masked_content).toBe('Write to [EMAIL].');
  }, 120_000);
});
