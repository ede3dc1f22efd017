import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile, serializeFile } from '../../src/datasets/index.js';

const examples = join(import.meta.dirname, '../../examples');

describe('the example datasets', () => {
  it.each([
    ['patients.csv', 12],
    ['notes.jsonl', 12],
    ['records.json', 12],
    ['letter.txt', 1],
  ])('%s reads as %i clean records and round-trips', (name, count) => {
    const bytes = readFileSync(join(examples, name));
    const parsed = parseFile(name, bytes);
    expect(parsed.records).toHaveLength(count);
    for (const r of parsed.records) expect(r.error).toBeUndefined();
    expect(serializeFile(parsed, new Map())).toBe(bytes.toString('utf8'));

    const masked = new Map(parsed.records.map((r, i) => [i, r.fields.map((f) => ({ key: f.key, text: '[X]' }))]));
    const again = parseFile(name, serializeFile(parsed, masked));
    expect(again.records).toHaveLength(count);
    for (const r of again.records) for (const f of r.fields) expect(f.text).toBe('[X]');
  });

  it('keeps the CSV header and the JSON numbers when every text is masked', () => {
    const csv = parseFile('patients.csv', readFileSync(join(examples, 'patients.csv')));
    const out = serializeFile(csv, new Map(csv.records.map((r, i) => [i, r.fields.map((f) => ({ key: f.key, text: '[X]' }))])));
    expect(out.split('\n')[0]).toBe('id,name,date_of_birth,email,phone,address,ssn,notes');

    const json = parseFile('records.json', readFileSync(join(examples, 'records.json')));
    const back = JSON.parse(serializeFile(json, new Map(json.records.map((r, i) => [i, r.fields.map((f) => ({ key: f.key, text: '[X]' }))])))) as Array<{ copay: number }>;
    expect(back.map((r) => r.copay)).toEqual([35, 20, 35, 0, 35, 20, 0, 20, 35, 20, 35, 0]);
  });
});
