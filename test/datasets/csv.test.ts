import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseFile, serializeFile } from '../../src/datasets/index.js';
import { chunkFile, readChunk } from '../../src/datasets/chunked.js';
import { forEachCsvRow } from '../../src/datasets/csv.js';
import type { DatasetField, ParsedFile } from '../../src/datasets/index.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** Every field of every record → `f(key, text)`. */
function maskAll(parsed: ParsedFile, f: (key: string, text: string) => string = () => 'X'): Map<number, DatasetField[]> {
  return new Map(parsed.records.map((r, i) => [i, r.fields.map((x) => ({ key: x.key, text: f(x.key, x.text) }))]));
}

describe('CSV reader', () => {
  it.each([
    ['an empty file', '', 0],
    ['a header only', 'id,note\n', 0],
    ['a BOM', '\uFEFFid,note\n1,a\n', 1],
    ['CRLF line breaks', 'id,note\r\n1,a\r\n2,b\r\n', 2],
    ['a quoted embedded newline', 'id,note\n1,"line one\nline two"\n2,b\n', 2],
    ['doubled quotes', 'id,note\n1,"say ""hi"""\n', 1],
    ['no final newline', 'id,note\n1,a\n2,b', 2],
    ['blank lines between rows', 'id,note\n1,a\n\n\n2,b\n', 2],
  ])('reads %s as %i records', (_case, text, count) => {
    const parsed = parseFile('t.csv', enc(text));
    expect(parsed.format).toBe('csv');
    expect(parsed.records).toHaveLength(count);
    for (const r of parsed.records) expect(r.error).toBeUndefined();
  });

  it('keys fields by column name, takes ids from the id column, and strips the BOM from the first name', () => {
    const parsed = parseFile('t.csv', enc('\uFEFFid,name,note\r\n7,Ann Lee,"likes\r\ntea"\r\n,Bob,x\r\n'));
    expect(parsed.records).toEqual([
      { id: '7', index: 0, fields: [{ key: 'id', text: '7' }, { key: 'name', text: 'Ann Lee' }, { key: 'note', text: 'likes\r\ntea' }] },
      { id: '1', index: 1, fields: [{ key: 'id', text: '' }, { key: 'name', text: 'Bob' }, { key: 'note', text: 'x' }] },
    ]);
  });

  it('reads only the textFields columns when given', () => {
    const parsed = parseFile('t.csv', enc('id,name,age\n1,Ann,40\n'), { textFields: ['name'] });
    expect(parsed.records[0]!.fields).toEqual([{ key: 'name', text: 'Ann' }]);
  });

  it('uses csvHeaders for a file without a header row', () => {
    const parsed = parseFile('t.csv', enc('1,Ann\n2,Bob\n'), { csvHeaders: ['id', 'name'] });
    expect(parsed.records.map((r) => [r.id, r.fields.map((f) => `${f.key}=${f.text}`)])).toEqual([
      ['1', ['id=1', 'name=Ann']],
      ['2', ['id=2', 'name=Bob']],
    ]);
    expect(serializeFile(parsed, maskAll(parsed, (k, t) => (k === 'name' ? 'N' : t)))).toBe('1,N\n2,N\n');
  });

  it.each([
    ['semicolons', 'a;b\n1;x,y\n', ';'],
    ['tabs', 'a\tb\n1\tx;y\n', '\t'],
    ['pipes', 'a|b\n1|2\n', '|'],
  ])('detects %s from the header row', (_case, text, delimiter) => {
    const parsed = parseFile('t.csv', enc(text));
    expect(parsed.records[0]!.fields.map((f) => f.key)).toEqual(['a', 'b']);
    expect(serializeFile(parsed, maskAll(parsed))).toBe(`a${delimiter}b\nX${delimiter}X\n`);
  });

  it('names blank and repeated header cells by column index, and extra cells of a ragged row too', () => {
    const parsed = parseFile('t.csv', enc('a,,a\n1,2,3,4\n'));
    expect(parsed.records[0]!.fields.map((f) => f.key)).toEqual(['a', '[1]', '[2]', '[3]']);
  });

  it('marks a row with an unclosed quote with an error code and its line, keeps its cells as fields, and reads the rows after it', () => {
    const parsed = parseFile('t.csv', enc('id,note\n1,ok\n2,"never closed\n3,x\n'));
    expect(parsed.records).toHaveLength(3);
    expect(parsed.records[0]!.error).toBeUndefined();
    expect(parsed.records[1]!.error).toBe('csv_unclosed_quote');
    expect(parsed.records[1]!.line).toBe(3);
    expect(parsed.records[1]!.fields.map((f) => f.key)).toEqual(['id', 'note']);
    expect(parsed.records[2]).toMatchObject({ id: '3', fields: [{ key: 'id', text: '3' }, { key: 'note', text: 'x' }] });
    expect(parsed.records[2]!.error).toBeUndefined();
  });

  it('an unclosed quote closed by a quote rows later: only the broken line fails, chunked or whole', async () => {
    const text = 'id,note\r\n1,a\r\n2,"open\r\n3,b\r\n4,"x"\r\n5,"multi\r\nline"\r\n';
    const parsed = parseFile('t.csv', enc(text));
    expect(parsed.records.map((r) => [r.id, r.error, r.line])).toEqual([
      ['1', undefined, undefined], ['2', 'csv_unclosed_quote', 3], ['3', undefined, undefined], ['4', undefined, undefined], ['5', undefined, undefined],
    ]);
    expect(serializeFile(parsed, new Map())).toBe(text);
    const chunked = await chunkFile('t.csv', enc(text), {}, 1);
    const chunks = await Promise.all(chunked.chunks.map((_c, i) => readChunk(chunked, i)));
    const read = chunks.flatMap((c) => c.records.map((r) => [r.id, r.error, r.line]));
    expect(read).toEqual(parsed.records.map((r) => [r.id, r.error, r.line]));
  });
});

describe('CSV rows read in windows', () => {
  const big = (broken: boolean) => {
    const rows = ['id,note'];
    for (let i = 0; i < 6000; i++) {
      const note = i % 5 === 0 ? `"multi\nline ${'x'.repeat(i % 97)}, ""q"""` : `plain ${'y'.repeat(i % 53)}`;
      rows.push(broken && i % 701 === 3 ? `${i},"broken ${i}` : `${i},${note}`);
    }
    return `${rows.join('\n')}\n`;
  };

  it('a clean file bigger than a window reads exactly as papaparse reads it whole', () => {
    const text = big(false);
    const cells = parseFile('t.csv', text).records.map((r) => r.fields.map((f) => f.text));
    const whole = Papa.parse<string[]>(text, { newline: '\n' }).data.slice(1).filter((r) => r.join('') !== '');
    expect(cells).toEqual(whole);
  });

  it('with broken rows: each fails alone, and a stream read in pieces cuts the same rows', () => {
    const text = big(true);
    const parsed = parseFile('t.csv', text);
    expect(parsed.records).toHaveLength(6000);
    expect(parsed.records.filter((r) => r.error !== undefined).map((r) => r.id)).toEqual([3, 704, 1405, 2106, 2807, 3508, 4209, 4910, 5611].map(String));
    expect(serializeFile(parsed, new Map())).toBe(text);
    const ends: number[] = [];
    let buffer = '';
    let offset = 0;
    for (let at = 0; at < text.length; at += 10_000) {
      buffer += text.slice(at, at + 10_000);
      const final = at + 10_000 >= text.length;
      const used = forEachCsvRow(buffer, { delimiter: ',', newline: '\n' }, (_c, end) => ends.push(offset + end), final);
      buffer = buffer.slice(used);
      offset += used;
    }
    const wholeEnds: number[] = [];
    forEachCsvRow(text, { delimiter: ',', newline: '\n' }, (_c, end) => wholeEnds.push(end));
    expect(ends).toEqual(wholeEnds);
  });
});

describe('CSV rows of text without quotes (read without papaparse)', () => {
  /** Every row papaparse reads in `text`, with the offset where it ends, as `readWindow` takes them. */
  function papaRows(text: string, dialect: { delimiter: string; newline: string }): Array<[string[], number]> {
    const rows: Array<[string[], number]> = [];
    Papa.parse<string[]>(text, {
      delimiter: dialect.delimiter, newline: dialect.newline as '\n', quoteChar: '"', header: false, dynamicTyping: false, skipEmptyLines: false,
      step: (row) => void rows.push([row.data, Math.min(row.meta.cursor, text.length)]),
    });
    return rows;
  }
  const plain = fc.stringMatching(/^[a-zé ,;|\t\r\n\uFEFF😀]{0,12}$/);
  const dialects = fc.record({ delimiter: fc.constantFrom(',', ';', '\t', '|', '::'), newline: fc.constantFrom('\n', '\r\n', '\r') });

  it('reads the rows and offsets papaparse reads, whole or as a stream', () => {
    fc.assert(fc.property(fc.array(plain, { maxLength: 30 }), dialects, fc.integer({ min: 1, max: 40 }), (parts, dialect, piece) => {
      const text = parts.join(dialect.newline).replace(/^\uFEFF+/, '');
      const rows: Array<[string[], number]> = [];
      forEachCsvRow(text, dialect, (cells, end) => void rows.push([cells, end]));
      expect(rows).toEqual(papaRows(text, dialect));
      // Read in pieces, a row is handed out only once nothing after it can change it.
      const streamed: number[] = [];
      let buffer = '';
      let offset = 0;
      for (let at = 0; at < text.length || at === 0; at += piece) {
        buffer += text.slice(at, at + piece);
        const used = forEachCsvRow(buffer, dialect, (_c, end) => void streamed.push(offset + end), at + piece >= text.length);
        buffer = buffer.slice(used);
        offset += used;
      }
      expect(streamed).toEqual(rows.map(([, end]) => end));
    }), { numRuns: 400 });
  });

  it('a file of many windows reads as papaparse reads it whole', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `${i},name ${'z'.repeat(i % 41)},${i % 7 ? 'x' : ''}`);
    const text = `${lines.join('\r\n')}\r\n`;
    const rows: Array<[string[], number]> = [];
    forEachCsvRow(text, { delimiter: ',', newline: '\r\n' }, (cells, end) => void rows.push([cells, end]));
    expect(text.length).toBeGreaterThan(4 * 65536);
    expect(rows).toEqual(papaRows(text, { delimiter: ',', newline: '\r\n' }));
  });
});

describe('CSV writer', () => {
  it.each([
    ['LF', 'id,note\n1,a\n2,"b, c"\n'],
    ['CRLF and BOM', '\uFEFFid,note\r\n1,a\r\n2,"x\r\ny"\r\n'],
    ['blank lines and no final newline', 'id,note\n\n1,a\n\n2,b'],
    ['odd quoting kept as is', 'id,note\n"1","a"\n2,   spaced   \n'],
    ['a malformed row', 'id,note\n1,"open\n'],
  ])('writes a file with nothing masked back byte for byte (%s)', (_case, text) => {
    const parsed = parseFile('t.csv', enc(text));
    expect(serializeFile(parsed, new Map())).toBe(text);
    // Masked with the same text: still byte for byte.
    expect(serializeFile(parsed, maskAll(parsed, (_k, t) => t))).toBe(text);
  });

  it('keeps header, delimiter, line breaks and row count; quotes only where the new text needs it', () => {
    const text = '\uFEFFid;name;note\r\n1;Ann;"a\r\nb"\r\n2;Bob;plain\r\n';
    const parsed = parseFile('t.csv', enc(text));
    const out = serializeFile(parsed, maskAll(parsed, (k, t) => (k === 'name' ? `[${t.length}; "q"]` : t)));
    expect(out).toBe('\uFEFFid;name;note\r\n1;"[3; ""q""]";"a\r\nb"\r\n2;"[3; ""q""]";plain\r\n');
    const rows = Papa.parse<string[]>(out.slice(1), { delimiter: ';', newline: '\r\n' }).data;
    expect(rows.filter((r) => r.join('') !== '')).toHaveLength(3);
  });

  it('leaves rows without a masked entry and columns outside textFields untouched', () => {
    const parsed = parseFile('t.csv', enc('id,name,age\n1,Ann,40\n2,Bob,50\n'), { textFields: ['name'] });
    const out = serializeFile(parsed, new Map([[1, [{ key: 'name', text: 'X' }, { key: 'age', text: '0' }]]]));
    expect(out).toBe('id,name,age\n1,Ann,40\n2,X,50\n');
  });

  it('writes a masked malformed row from its cells, so the text it held can be blanked', () => {
    const parsed = parseFile('t.csv', enc('id,note\n1,"secret a@b.co\n'));
    const out = serializeFile(parsed, new Map([[0, parsed.records[0]!.fields.map((f) => ({ key: f.key, text: '[FAILED]' }))]]));
    expect(out).toBe('id,note\n[FAILED],[FAILED]\n');
  });

  it('round-trips every record through parse → mask → serialize → parse', () => {
    const text = 'id,name,note\n1,Ann,"x\ny"\n2,Bob,"say ""hi"""\n3,,\n';
    const parsed = parseFile('t.csv', enc(text));
    const again = parseFile('t.csv', enc(serializeFile(parsed, maskAll(parsed, (k, t) => `<${k}:${t}>`))));
    expect(again.records.map((r) => r.fields)).toEqual(parsed.records.map((r) => r.fields.map((f) => ({ key: f.key, text: `<${f.key}:${f.text}>` }))));
  });
});
