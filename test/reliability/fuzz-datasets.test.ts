import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile, serializeFile } from '../../src/datasets/index.js';
import type { DatasetField, ParsedFile } from '../../src/datasets/index.js';
import { RUNS, TRICKY_PIECES, adversarialText, checkProperty, countCases, flushCounts } from './fuzz-support.js';

afterAll(() => flushCounts('fuzz-datasets'));

const enc = (s: string) => new TextEncoder().encode(s);
const MARK = '<M>';

/** Every field of every readable record replaced by `f(text)`. */
function maskAll(parsed: ParsedFile, f: (text: string) => string): Map<number, DatasetField[]> {
  const out = new Map<number, DatasetField[]>();
  parsed.records.forEach((r, i) => {
    if (r.error === undefined) out.set(i, r.fields.map((x) => ({ key: x.key, text: f(x.text) })));
  });
  return out;
}

/** Same record count; no record carries an error for input we generated well-formed. */
function expectClean(parsed: ParsedFile, count: number): void {
  expect(parsed.records).toHaveLength(count);
  for (const r of parsed.records) expect(r.error).toBeUndefined();
}

// ------------------------------------------------------------------ CSV

/** Cells that break naive CSV handling: quotes, separators, CR/LF, BOM, spaces at the edges. */
const cell = fc.oneof(
  { weight: 3, arbitrary: adversarialText(6) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '"', '""', ',', '\r\n', '\n', 'a,"b"\nc', ' lead', 'trail ', '=1+2', '\uFEFFbom', '#', 'null', '0012', '1e5') },
);

const table = fc.integer({ min: 1, max: 5 }).chain((cols) =>
  fc.record({
    header: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/), { minLength: cols, maxLength: cols }),
    rows: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { maxLength: 12 }),
    newline: fc.constantFrom('\n', '\r\n'),
  }),
);

/**
 * A row that only holds an empty cell reads as a blank line, and the re-parse below (papaparse,
 * `skipEmptyLines: 'greedy'`) also skips rows of whitespace only: we never generate either.
 */
const hasContent = (row: readonly string[]) => row.join('').trim() !== '';

describe('CSV reader/writer under fuzzing', () => {
  it('keeps every row and every cell through read → write → read (identity and masked)', async () => {
    await checkProperty(
      'csv.roundtrip',
      fc.property(table, ({ header, rows: raw, newline }) => {
        const rows = raw.filter(hasContent);
        const csv = Papa.unparse({ fields: header, data: rows }, { newline, quotes: false });
        const parsed = parseFile('t.csv', enc(csv));
        expect(parsed.format).toBe('csv');
        expectClean(parsed, rows.length);

        const same = Papa.parse<string[]>(serializeFile(parsed, new Map()).replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
        expect(same).toEqual([header, ...rows]);

        const maskedOut = serializeFile(parsed, maskAll(parsed, () => MARK));
        const back = Papa.parse<string[]>(maskedOut.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
        expect(back[0]).toEqual(header);
        expect(back).toHaveLength(rows.length + 1);
        // Columns the reader calls fields are masked; every other column is kept byte for byte.
        parsed.records.forEach((r, i) => {
          const keys = new Set(r.fields.map((f) => f.key));
          header.forEach((h, c) => expect(back[i + 1]![c]).toBe(keys.has(h) ? MARK : rows[i]![c]));
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('reads a BOM, CRLF and a quoted embedded newline as one row each', () => {
    const parsed = parseFile('t.csv', enc('\uFEFFid,note\r\n1,"line one\r\nline two"\r\n2,"say ""hi"""\r\n'));
    expectClean(parsed, 2);
    const back = Papa.parse<string[]>(serializeFile(parsed, new Map()).replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
    expect(back).toEqual([['id', 'note'], ['1', 'line one\r\nline two'], ['2', 'say "hi"']]);
    countCases('csv.table', 1);
  });
});

// ------------------------------------------------------------------ JSONL / JSON

const objects = fc.array(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 5 }), { minLength: 1, maxLength: 8 });

/** Same shape; non-string leaves equal; string leaves unchanged or the mask. Returns masked count. */
function compareShapes(original: unknown, out: unknown, path = '$'): number {
  if (typeof original === 'string') {
    expect(typeof out, path).toBe('string');
    return out === original ? 0 : (expect(out, path).toBe(MARK), 1);
  }
  if (original === null || typeof original !== 'object') {
    expect(out, path).toEqual(original);
    return 0;
  }
  expect(Array.isArray(out), path).toBe(Array.isArray(original));
  const ok = Object.keys(original as object);
  expect(Object.keys(out as object).sort(), path).toEqual([...ok].sort());
  let n = 0;
  for (const k of ok) n += compareShapes((original as Record<string, unknown>)[k], (out as Record<string, unknown>)[k], `${path}.${k}`);
  return n;
}

const normalise = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('JSONL and JSON readers/writers under fuzzing', () => {
  it('JSONL: one record per line; non-text fields and structure survive masking', async () => {
    await checkProperty(
      'jsonl.roundtrip',
      fc.property(objects, fc.constantFrom('\n', '\r\n'), fc.boolean(), (objs, nl, trailing) => {
        const text = objs.map((o) => JSON.stringify(o)).join(nl) + (trailing ? nl : '');
        const parsed = parseFile('t.jsonl', enc(text));
        expectClean(parsed, objs.length);
        const same = serializeFile(parsed, new Map()).split(/\r?\n/).filter((l) => l !== '').map((l) => JSON.parse(l));
        expect(same).toEqual(objs.map(normalise));
        const masked = serializeFile(parsed, maskAll(parsed, () => MARK)).split(/\r?\n/).filter((l) => l !== '').map((l) => JSON.parse(l));
        expect(masked).toHaveLength(objs.length);
        objs.forEach((o, i) => {
          const n = compareShapes(normalise(o), masked[i]);
          // Every field the reader exposed was written back (a field may be an unchanged-equal MARK).
          expect(n).toBeLessThanOrEqual(parsed.records[i]!.fields.length);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('JSON array: one record per element; structure survives masking', async () => {
    await checkProperty(
      'json.roundtrip',
      fc.property(objects, (objs) => {
        const parsed = parseFile('t.json', enc(JSON.stringify(objs, null, 2)));
        expectClean(parsed, objs.length);
        expect(JSON.parse(serializeFile(parsed, new Map()))).toEqual(normalise(objs));
        const masked = JSON.parse(serializeFile(parsed, maskAll(parsed, () => MARK))) as unknown[];
        expect(masked).toHaveLength(objs.length);
        objs.forEach((o, i) => compareShapes(normalise(o), masked[i]));
      }),
      { numRuns: RUNS },
    );
  });

  it.each([10, 1000, 20_000])('deeply nested JSON (%i levels) is read or refused cleanly, never crashing', (depth) => {
    const deep = `${'{"a":'.repeat(depth)}"secret-at-the-bottom"${'}'.repeat(depth)}`;
    for (const [name, text] of [['deep.jsonl', `${deep}\n{"text":"x"}\n`], ['deep.json', `[${deep}]`]] as const) {
      let parsed: ParsedFile;
      try {
        parsed = parseFile(name, enc(text));
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        expect((e as Error).message).not.toContain('secret-at-the-bottom');
        continue;
      }
      const first = parsed.records[0]!;
      if (first.error !== undefined) {
        expect(first.error).not.toContain('secret-at-the-bottom');
      } else {
        // The bottom string is a field: it will be scanned and masked, not skipped.
        expect(first.fields.some((f) => f.text === 'secret-at-the-bottom')).toBe(true);
        const out = serializeFile(parsed, maskAll(parsed, () => MARK));
        expect(out).not.toContain('secret-at-the-bottom');
      }
      countCases('json.deep', 1);
    }
  });
});

// ------------------------------------------------------------------ TXT and garbage

describe('TXT and arbitrary bytes', () => {
  it('TXT/MD: the file is one sample and comes back unchanged', async () => {
    await checkProperty(
      'txt.roundtrip',
      fc.property(adversarialText(40), fc.constantFrom('t.txt', 't.md'), (text, name) => {
        const parsed = parseFile(name, enc(text));
        const fields = parsed.records.flatMap((r) => r.fields);
        if (text.replace(/^\uFEFF/, '') !== '') expect(fields.map((f) => f.text).join('')).toContain(text.replace(/^\uFEFF/, '').trim().slice(0, 1));
        expect(serializeFile(parsed, new Map()).replace(/^\uFEFF/, '')).toBe(text.replace(/^\uFEFF/, ''));
      }),
      { numRuns: RUNS },
    );
  });

  it('random bytes under every extension: an Error or records that write back and read again', async () => {
    await checkProperty(
      'bytes.any-format',
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.array(fc.constantFrom(...TRICKY_PIECES, '\n', ',', '"', '{', '}'), { maxLength: 40 }).map((p) => enc(p.join('')))),
        fc.constantFrom('x.csv', 'x.jsonl', 'x.json', 'x.txt', 'x.md'),
        (bytes, name) => {
          let parsed: ParsedFile;
          try {
            parsed = parseFile(name, bytes);
          } catch (e) {
            expect(e).toBeInstanceOf(Error);
            return;
          }
          parsed.records.forEach((r) => {
            for (const f of r.fields) expect(typeof f.text).toBe('string');
          });
          const out = serializeFile(parsed, maskAll(parsed, () => MARK));
          const again = parseFile(name, enc(out));
          // Records that failed to parse are written as they were, so the count may only stay equal.
          expect(again.records.length).toBe(parsed.records.length);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
