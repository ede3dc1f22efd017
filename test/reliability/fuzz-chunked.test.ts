import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { chunkFile, readChunk, recordCount, writeChunk } from '../../src/datasets/chunked.js';
import { DatasetError, parseFile, serializeFile, type DatasetField, type ParsedFile } from '../../src/datasets/index.js';
import { RUNS, TRICKY_PIECES, adversarialText, checkProperty, flushCounts } from './fuzz-support.js';

afterAll(() => flushCounts('fuzz-chunked'));

const enc = (s: string) => new TextEncoder().encode(s);

/** Every field of every readable record replaced by a mark that names its record and field. */
function maskAll(parsed: ParsedFile, offset: number): Map<number, DatasetField[]> {
  const out = new Map<number, DatasetField[]>();
  for (const r of parsed.records) if (r.error === undefined) out.set(r.index, r.fields.map((f) => ({ key: f.key, text: `<${offset + r.index}:${f.key}>` })));
  return out;
}

/**
 * The chunked path (what API jobs run) against the whole-file path (what `redactFile` and small CLI
 * inputs run): same records in the same order, and the written chunks joined are, byte for byte,
 * the whole file written — unchanged and masked.
 */
function expectSameAsWhole(name: string, bytes: Uint8Array, every: number): void {
  let whole: ParsedFile;
  try {
    whole = parseFile(name, bytes);
  } catch (error) {
    // Bytes that are not text are refused by both paths alike.
    expect((error as DatasetError).code).toBe('not_text');
    expect(() => chunkFile(name, bytes, {}, every)).toThrow(DatasetError);
    return;
  }
  const chunked = chunkFile(name, bytes, {}, every);
  expect(chunked.format).toBe(whole.format);
  expect(recordCount(chunked)).toBe(whole.records.length);
  if (whole.format === 'csv' || whole.format === 'jsonl') expect(chunked.records.every((n) => n <= every)).toBe(true);

  const records: ParsedFile['records'] = [];
  const plain: string[] = [];
  const masked: string[] = [];
  let offset = 0;
  chunked.chunks.forEach((_, c) => {
    const parsed = readChunk(chunked, c);
    expect(parsed.records).toHaveLength(chunked.records[c]!);
    records.push(...parsed.records.map((r) => ({ ...r, index: offset + r.index, id: '' })));
    plain.push(writeChunk(chunked, c, parsed, new Map()));
    masked.push(writeChunk(chunked, c, parsed, maskAll(parsed, offset)));
    offset += parsed.records.length;
  });
  expect(records).toEqual(whole.records.map((r) => ({ ...r, id: '' })));
  expect(plain.join('')).toBe(serializeFile(whole, new Map()));
  expect(masked.join('')).toBe(serializeFile(whole, maskAll(whole, 0)));
}

const cell = fc.oneof(
  { weight: 3, arbitrary: adversarialText(5) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '"', '""', ',', '\r\n', '\n', 'a,"b"\nc', '\uFEFFbom', ';', '\t') },
);

/** Well-formed and broken CSV: quoted newlines, blank lines, ragged rows, stray quotes, a BOM. */
const csvText = fc
  .record({
    cols: fc.integer({ min: 1, max: 4 }),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 14 }),
    newline: fc.constantFrom('\n', '\r\n'),
    delimiter: fc.constantFrom(',', ';', '\t'),
    bom: fc.boolean(),
    trailing: fc.boolean(),
    blanks: fc.array(fc.nat(14), { maxLength: 3 }),
    junk: fc.option(fc.constantFrom('"unclosed, quote', 'a"b,c', '""x"', ',,,'), { nil: undefined }),
  })
  .map(({ cols, rows, newline, delimiter, bom, trailing, blanks, junk }) => {
    const header = Array.from({ length: cols }, (_, i) => `c${i}`);
    const lines = Papa.unparse({ fields: header, data: rows }, { newline, delimiter, quotes: false }).split(newline);
    for (const b of blanks) lines.splice(1 + (b % Math.max(1, lines.length)), 0, '');
    if (junk !== undefined) lines.splice(1 + (rows.length % Math.max(1, lines.length)), 0, junk);
    return (bom ? '\uFEFF' : '') + lines.join(newline) + (trailing ? newline : '');
  });

const jsonlText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(adversarialText(4), fc.jsonValue({ maxDepth: 2 })), { maxKeys: 4 }).map((o) => JSON.stringify(o)) },
      { weight: 1, arbitrary: fc.constantFrom('', '   ', '{"broken": ', 'not json', '"just a string"', '[1,2]', '\uFEFF{"text":"x"}') },
    ),
    { maxLength: 14 },
  )
  .chain((lines) => fc.record({ lines: fc.constant(lines), newline: fc.constantFrom('\n', '\r\n'), trailing: fc.boolean() }))
  .map(({ lines, newline, trailing }) => lines.join(newline) + (trailing ? newline : ''));

describe('chunked files read and write exactly like whole files', () => {
  it('CSV, any chunk size', async () => {
    await checkProperty(
      'chunked.csv',
      fc.property(csvText, fc.integer({ min: 1, max: 5 }), fc.constantFrom('t.csv', 't.tsv'), (text, every, name) => expectSameAsWhole(name, enc(text), every)),
      { numRuns: RUNS },
    );
  });

  it('CSV with caller-named columns (no header row)', async () => {
    await checkProperty(
      'chunked.csv-headers',
      fc.property(csvText, fc.integer({ min: 1, max: 4 }), (text, every) => {
        const body = text.slice(text.indexOf('\n') + 1);
        const options = { csvHeaders: ['a', 'b', 'c'] };
        const whole = parseFile('t.csv', enc(body), options);
        const chunked = chunkFile('t.csv', enc(body), options, every);
        let offset = 0;
        const out = chunked.chunks.map((_, c) => {
          const parsed = readChunk(chunked, c);
          const piece = writeChunk(chunked, c, parsed, maskAll(parsed, offset));
          offset += parsed.records.length;
          return piece;
        });
        expect(offset).toBe(whole.records.length);
        expect(out.join('')).toBe(serializeFile(whole, maskAll(whole, 0)));
      }),
      { numRuns: RUNS },
    );
  });

  it('JSON Lines, any chunk size', async () => {
    await checkProperty(
      'chunked.jsonl',
      fc.property(jsonlText, fc.integer({ min: 1, max: 5 }), (text, every) => expectSameAsWhole('t.jsonl', enc(text), every)),
      { numRuns: RUNS },
    );
  });

  it('arbitrary bytes under CSV and JSONL names', async () => {
    await checkProperty(
      'chunked.bytes',
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.array(fc.constantFrom(...TRICKY_PIECES, '\n', '\r\n', ',', '"', '{', '}'), { maxLength: 40 }).map((p) => enc(p.join('')))),
        fc.constantFrom('x.csv', 'x.jsonl'),
        fc.integer({ min: 1, max: 3 }),
        (bytes, name, every) => expectSameAsWhole(name, bytes, every),
      ),
      { numRuns: RUNS },
    );
  });

  it('JSON, TXT and MD stay one chunk; an unreadable JSON file is refused when chunked', () => {
    for (const [name, text] of [['a.json', '[{"text":"x"},{"text":"y"}]'], ['a.txt', 'hello\nworld'], ['a.md', '# t']] as const) {
      const chunked = chunkFile(name, enc(text), {}, 1);
      expect(chunked.chunks).toHaveLength(1);
      expectSameAsWhole(name, enc(text), 1);
    }
    expect(() => chunkFile('bad.json', enc('{"text": '))).toThrow();
  });
});
