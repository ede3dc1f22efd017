/**
 * The README's main job — `pii-local redact --input examples/patients.csv` with the bundled model
 * and default settings — judged cell by cell the way a person reading the output would: every
 * name, street and city is gone under its own type, and the ordinary words of the notes stay.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const INPUT = join(import.meta.dirname, '..', '..', 'examples', 'patients.csv');
type Row = Record<string, string>;
const parse = (text: string): Row[] => Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;

const TAG = /\[([A-Z_]+)\]/g;
const tagsOf = (cell: string): string[] => [...cell.matchAll(TAG)].map((m) => m[1]!);
/** Words of 4+ letters: street names, cities, suffixes (Lane, Road); not state codes or unit letters. */
const longWords = (cell: string): string[] => cell.replace(TAG, ' ').match(/\p{L}{4,}/gu) ?? [];

/** Names inside the free-text notes, as a reader marks them. */
const NOTE_NAMES: Record<string, string[]> = {
  'P-1001': ['Alan Whitfield'],
  'P-1002': ["Sarah O'Connor"],
  'P-1004': ['Priya Raman'],
  'P-1007': ['Emily Chen'],
  'P-1011': ['Helen Park'],
};
/** Ordinary capitalised words of the notes that no reader would mask. */
const ORDINARY = ['Allergic', 'Prefers', 'Follow-up', 'Referred', 'Interpreter', 'Telehealth', 'Daughter', 'Wife', 'copays', 'neighbour'];

describe('the main job on examples/patients.csv (bundled model, defaults)', () => {
  let dir: string;
  let input: Row[];
  let output: Row[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pii-main-job-'));
    const out = join(dir, 'patients.redacted.csv');
    const code = await main(['node', 'pii-local', 'redact', '--input', INPUT, '--output', out]);
    expect(code).toBe(0);
    input = parse(readFileSync(INPUT, 'utf8'));
    output = parse(readFileSync(out, 'utf8'));
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every row', () => {
    expect(output).toHaveLength(input.length);
  });

  it('masks each name cell whole, as PERSON', () => {
    for (const [i, row] of input.entries()) {
      const cell = output[i]!['name']!;
      expect(tagsOf(cell), row['name']).toContain('PERSON');
      expect(new Set(tagsOf(cell)), row['name']).toEqual(new Set(['PERSON']));
      expect(longWords(cell), `${row['name']} → ${cell}`).toEqual([]);
    }
  });

  it('masks every street and city of the address cells, as an address or a location', () => {
    for (const [i, row] of input.entries()) {
      const cell = output[i]!['address']!;
      expect(longWords(cell), `${row['address']} → ${cell}`).toEqual([]);
      for (const t of tagsOf(cell)) expect(['STREET_ADDRESS', 'LOCATION'], `${row['address']} → ${cell}`).toContain(t);
    }
  });

  it('masks the names inside the notes as PERSON and leaves their ordinary words', () => {
    const notesIn = input.map((r) => r['notes']!);
    const notesOut = output.map((r) => r['notes']!);
    for (const [i, row] of input.entries()) {
      for (const name of NOTE_NAMES[row['id']!] ?? []) {
        for (const part of name.split(/[\s']+/).filter((p) => p.length > 2)) {
          expect(notesOut[i], `${name} in ${row['id']}`).not.toContain(part);
        }
        expect(tagsOf(notesOut[i]!), `${name} in ${row['id']}`).toContain('PERSON');
      }
    }
    for (const word of ORDINARY) {
      const before = notesIn.filter((n) => n.includes(word)).length;
      expect(before, word).toBeGreaterThan(0);
      expect(notesOut.filter((n) => n.includes(word)).length, `${word} was masked`).toBe(before);
    }
  });
});
