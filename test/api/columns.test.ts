import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BadRequestError, LocalDataframer, toFile } from '../../src/index.js';

const CSV = [
  'Customer ID,Full Name,E-mail,Mobile,SSN,Comments',
  'C-20417,Ann Lee,ann.lee@example.com,(415) 555-0142,536-22-8140,Call back at 212-555-0143 please',
  'C-20418,Bo Chan,N/A,415-555-0177,,Nothing to add',
].join('\n');
const TYPES = ['EMAIL', 'PHONE_NUMBER', 'US_SSN'];

async function dataset(client: LocalDataframer, csv = CSV) {
  return client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'customers', file: toFile(csv, 'customers.csv') });
}

describe('columns in jobs and runs', () => {
  it('masks PII columns whole, keeps ids, and returns the plan in metrics_json', async () => {
    const client = new LocalDataframer();
    const ds = await dataset(client);
    const job = await client.dataframer.transformJobs.createAndPoll({
      dataset_id: ds.id, name: 'scrub', pii_types: TYPES, detection_method: 'heuristics', mask_config: { PHONE_NUMBER: 'REDACT' },
    });
    expect(job.status).toBe('SUCCEEDED');
    const rows = job.metrics_json.transformed_samples!.map((s) => JSON.parse(s.masked_content) as Record<string, string>);
    expect(rows).toEqual([
      { 'Customer ID': 'C-20417', 'Full Name': 'Ann Lee', 'E-mail': '[EMAIL]', Mobile: '[PHONE_NUMBER]', SSN: '[US_SSN]', Comments: 'Call back at [PHONE_NUMBER] please' },
      { 'Customer ID': 'C-20418', 'Full Name': 'Bo Chan', 'E-mail': 'N/A', Mobile: '[PHONE_NUMBER]', SSN: '', Comments: 'Nothing to add' },
    ]);
    const [plan] = job.metrics_json.column_plans!;
    expect(plan!.file_path).toBe('customers.csv');
    expect(plan!.columns.map((c) => [c.column, c.role, c.type, c.action, c.decided_by])).toEqual([
      ['Customer ID', 'identifier', undefined, 'keep', 'header'],
      ['Full Name', 'pii', 'PERSON', 'scan', 'header'], // PERSON was not asked for: never masked whole
      ['E-mail', 'pii', 'EMAIL', 'mask_whole', 'header'],
      ['Mobile', 'pii', 'PHONE_NUMBER', 'mask_whole', 'header'],
      ['SSN', 'pii', 'US_SSN', 'mask_whole', 'header'],
      ['Comments', 'free_text', undefined, 'scan', 'header'],
    ]);
    expect(JSON.stringify(job.metrics_json.column_plans)).not.toMatch(/Ann Lee|ann\.lee|536-22|C-20417/);
    // A whole cell is one entity of its field.
    expect(job.metrics_json.transformed_samples![0]!.entities).toContainEqual(expect.objectContaining({ field: 'SSN', start: 0, end: 11, label: 'US_SSN' }));
  });

  it('follows the caller\'s columns in an anonymization run, with the type in the caller\'s spelling', async () => {
    const client = new LocalDataframer();
    const ds = await dataset(client);
    const run = await client.dataframer.anonymizationRuns.run({
      dataset_id: ds.id, pii_types: ['email', 'phone_number', 'us_ssn'], detection_method: 'heuristics',
      columns: { 'Customer ID': 'scan', Comments: 'keep', 'Full Name': 'email' },
    });
    expect(run.status).toBe('SUCCEEDED');
    const text = await (await client.dataframer.anonymizationRuns.files.content(run.id, run.anonymized_files[0]!.id)).text();
    const rows = Papa.parse<Record<string, string>>(text, { header: true }).data;
    expect(rows.map((r) => [r['Customer ID'], r['Full Name'], r.Comments])).toEqual([
      ['C-20417', '[email]', 'Call back at 212-555-0143 please'],
      ['C-20418', '[email]', 'Nothing to add'],
    ]);
    const columns = run.results.column_plans![0]!.columns;
    expect(columns.find((c) => c.column === 'Full Name')).toMatchObject({ role: 'pii', type: 'email', action: 'mask_whole', decided_by: 'override' });
  });

  it.each([
    [{ 'Customer Id': 'keep', Coments: 'scan' }, /unknown column\(s\): "Customer Id", "Coments"/],
    [{ Comments: 'PERSON' }, /not among the requested types/],
    [{ Comments: 'NOT_A_TYPE' }, /unknown type/],
    [{ Comments: 3 }, /must be "keep", "scan" or a type name/],
  ])('refuses columns %j at create with a BadRequestError on `columns`', async (columns, message) => {
    const client = new LocalDataframer();
    const ds = await dataset(client);
    const create = client.dataframer.transformJobs.create({
      dataset_id: ds.id, name: 'x', pii_types: TYPES, detection_method: 'heuristics', columns: columns as Record<string, string>,
    });
    await expect(create).rejects.toThrow(BadRequestError);
    await expect(create).rejects.toThrow(message);
    await expect(create).rejects.toMatchObject({ field: 'columns' });
  });
});
