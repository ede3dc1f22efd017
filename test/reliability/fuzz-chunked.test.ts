import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { chunkFile, readChunk, recordCount, writeChunk as writeStoredChunk } from '../../src/datasets/chunked.js';
import { detectEncoding, TextStreamDecoder } from '../../src/datasets/decode.js';
import { openRecordChunks, parseChunk, writeChunk, type ReadAhead } from '../../src/datasets/record-chunks.js';
import { DatasetError, encodeText, parseFile, serializeFile, type DatasetField, type ParsedFile, type ParseOptions } from '../../src/datasets/index.js';
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
 * How the bytes reach the cutter: in pieces of these sizes (cycled; a piece may end inside a
 * character, a BOM or a CRLF) and, when given, with a read-ahead small enough that a small file
 * crosses the head and the CSV window many times.
 */
interface Feed {
  pieces: number[];
  readAhead?: ReadAhead;
}

async function* inPieces(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    yield bytes.slice(at, at + size);
    at += size;
  }
}

const feed: fc.Arbitrary<Feed> = fc.record({
  pieces: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }),
  readAhead: fc.option(fc.record({ headBytes: fc.integer({ min: 1, max: 48 }), csvChars: fc.integer({ min: 1, max: 64 }) }), { nil: undefined }),
});

interface Written {
  format: ParsedFile['format'];
  encoding: string;
  encodingGuessed: boolean;
  records: ParsedFile['records'];
  plain: string;
  masked: string;
}

/** The file through the cutter, as the CLI runs it: chunk by chunk, read and written. */
async function streamed(name: string, bytes: Uint8Array, every: number, how: Feed, options: ParseOptions): Promise<Written> {
  const { layout, chunks } = await openRecordChunks(name, inPieces(bytes, how.pieces), options, every, how.readAhead);
  const out: Written = { format: layout.format, encoding: layout.encoding, encodingGuessed: layout.encodingGuessed === true, records: [], plain: '', masked: '' };
  let index = 0;
  for await (const chunk of chunks) {
    const parsed = parseChunk(layout, index, chunk);
    expect(parsed.records).toHaveLength(chunk.records);
    if (layout.format === 'csv' || layout.format === 'jsonl') expect(chunk.records).toBeLessThanOrEqual(every);
    const offset = out.records.length;
    out.records.push(...parsed.records.map((r) => ({ ...r, index: offset + r.index, id: '' })));
    out.plain += writeChunk(layout, index, parsed, new Map());
    out.masked += writeChunk(layout, index, parsed, maskAll(parsed, offset));
    index++;
  }
  return out;
}

/** The same, through what API datasets store (chunks kept as UTF-8 bytes, read back later). */
async function stored(name: string, bytes: Uint8Array, every: number, options: ParseOptions): Promise<Written> {
  const file = await chunkFile(name, bytes, options, every);
  const out: Written = { format: file.format, encoding: file.encoding, encodingGuessed: file.encodingGuessed === true, records: [], plain: '', masked: '' };
  for (let c = 0; c < file.chunks.length; c++) {
    const parsed = await readChunk(file, c);
    expect(parsed.records).toHaveLength(file.records[c]!);
    const offset = out.records.length;
    out.records.push(...parsed.records.map((r) => ({ ...r, index: offset + r.index, id: '' })));
    out.plain += writeStoredChunk(file, c, parsed, new Map());
    out.masked += writeStoredChunk(file, c, parsed, maskAll(parsed, offset));
  }
  expect(out.records).toHaveLength(recordCount(file));
  return out;
}

async function failure(work: Promise<unknown>): Promise<unknown> {
  return work.then(() => undefined, (error: unknown) => error);
}

/** The bytes the cutter reads before it checks the start: whole pieces until the head is full. */
function headOf(bytes: Uint8Array, how: Feed): Uint8Array {
  let size = 0;
  for (let k = 0; size < Math.min(how.readAhead!.headBytes, bytes.length); k++) size += how.pieces[k % how.pieces.length]!;
  return bytes.subarray(0, size);
}

/**
 * The cut file (streamed in pieces, and as stored by the API) against the whole-file reader: same
 * records in the same order, and the written chunks joined are, byte for byte, the whole file
 * written, unchanged and masked. Returns the unchanged output and its encoding, or undefined when
 * the file was refused.
 *
 * A stream decides from its start what a whole read decides from all of it, so with a small head
 * it may refuse a file the whole reader takes, for two reasons only: UTF-8 at the start and not
 * after it (the whole reader falls back to Windows-1252), or a start that alone is not text.
 */
async function expectSameAsWhole(name: string, bytes: Uint8Array, every: number, how: Feed, options: ParseOptions = {}): Promise<{ plain: string; encoding: string } | undefined> {
  let whole: ParsedFile;
  try {
    whole = parseFile(name, bytes, options);
  } catch (error) {
    // What the whole reader refuses, the cutter refuses, for the same reason.
    expect(error).toBeInstanceOf(DatasetError);
    const code = (error as DatasetError).code;
    for (const refused of [await failure(streamed(name, bytes, every, how, options)), await failure(stored(name, bytes, every, options))]) {
      expect(refused).toBeInstanceOf(DatasetError);
      expect((refused as DatasetError).code).toBe(code);
    }
    return undefined;
  }
  const expected = {
    format: whole.format,
    encoding: whole.encoding,
    encodingGuessed: whole.encodingGuessed === true,
    records: whole.records.map((r) => ({ ...r, id: '' })),
    plain: serializeFile(whole, new Map()),
    masked: serializeFile(whole, maskAll(whole, 0)),
  };
  expect(await stored(name, bytes, every, options)).toEqual(expected);
  let cut: Written;
  try {
    cut = await streamed(name, bytes, every, how, options);
  } catch (error) {
    expect(how.readAhead).toBeDefined();
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).code).toBe('not_text');
    if (/not valid utf-8/.test((error as Error).message)) {
      expect(whole.encoding).toBe('windows-1252');
    } else {
      const head = headOf(bytes, how);
      const decoder = new TextStreamDecoder(detectEncoding(head, options.encoding, head.length === bytes.length));
      decoder.decode(head);
      expect(() => decoder.assertText()).toThrow(DatasetError);
    }
    return undefined;
  }
  expect(cut).toEqual(expected);
  return { plain: cut.plain, encoding: cut.encoding };
}

const cell = fc.oneof(
  { weight: 3, arbitrary: adversarialText(5) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '"', '""', ',', '\r\n', '\n', 'a,"b"\nc', '\uFEFFbom', ';', '\t', 'é', 'Ł', '€') },
);

/** Rows with quote problems: unclosed (alone, or closed by a quote rows later), stray, doubled. */
const BROKEN_ROWS = ['"unclosed, quote', 'a"b,c', '""x"', ',,,', 'id,"open', '"', 'x,"multi\nline', 'q,"closed later"', '"a""b', 'end"', '"\r\n"', '\uFEFF"q",1'];

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
    junk: fc.array(fc.tuple(fc.nat(16), fc.constantFrom(...BROKEN_ROWS)), { maxLength: 3 }),
  })
  .map(({ cols, rows, newline, delimiter, bom, trailing, blanks, junk }) => {
    const header = Array.from({ length: cols }, (_, i) => `c${i}`);
    const lines = Papa.unparse({ fields: header, data: rows }, { newline, delimiter, quotes: false }).split(newline);
    for (const b of blanks) lines.splice(1 + (b % Math.max(1, lines.length)), 0, '');
    for (const [at, row] of junk) lines.splice(1 + (at % Math.max(1, lines.length)), 0, row);
    return (bom ? '\uFEFF' : '') + lines.join(newline) + (trailing ? newline : '');
  });

const jsonlText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(adversarialText(4), fc.jsonValue({ maxDepth: 2 })), { maxKeys: 4 }).map((o) => JSON.stringify(o)) },
      { weight: 1, arbitrary: fc.constantFrom('', '   ', '{"broken": ', 'not json', '"just a string"', '[1,2]', '\uFEFF{"text":"x"}', '{"text":"Zoë Łukasz €"}') },
    ),
    { maxLength: 14 },
  )
  .chain((lines) => fc.record({ lines: fc.constant(lines), newline: fc.constantFrom('\n', '\r\n'), trailing: fc.boolean() }))
  .map(({ lines, newline, trailing }) => lines.join(newline) + (trailing ? newline : ''));

/** How text becomes a file's bytes: the encodings files arrive in, with and without a BOM. */
const ENCODINGS = ['utf-8', 'utf-8 BOM', 'utf-16le BOM', 'utf-16be BOM', 'windows-1252', 'utf-16le, no BOM'] as const;
type Encoded = (typeof ENCODINGS)[number];

function encoded(text: string, how: Encoded): Uint8Array {
  const bare = text.replace(/^\uFEFF/, '');
  switch (how) {
    case 'utf-8':
      return enc(text);
    case 'utf-8 BOM':
      return enc(`\uFEFF${bare}`);
    case 'utf-16le BOM':
      return encodeText(`\uFEFF${bare}`, 'utf-16le');
    case 'utf-16be BOM':
      return encodeText(`\uFEFF${bare}`, 'utf-16be');
    case 'utf-16le, no BOM':
      return encodeText(bare, 'utf-16le');
    case 'windows-1252':
      // Characters the code page lacks become `?`; the rest keep their one byte.
      return encodeText([...bare].map((c) => (fits1252(c) ? c : '?')).join(''), 'windows-1252');
  }
}

function fits1252(c: string): boolean {
  try {
    encodeText(c, 'windows-1252');
    return true;
  } catch {
    return false;
  }
}

/** Text without the control characters that make bytes "not text", so only the encoding is tested. */
const plainText = (text: string) => text.replace(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u0080-\u009f]/g, ' ');

describe('files cut by the stream cutter read and write exactly like whole files', () => {
  it('CSV, any chunk size, fed in any pieces', async () => {
    await checkProperty(
      'chunked.csv',
      fc.asyncProperty(csvText, fc.integer({ min: 1, max: 5 }), fc.constantFrom('t.csv', 't.tsv'), feed, async (text, every, name, how) => {
        await expectSameAsWhole(name, enc(text), every, how);
      }),
      { numRuns: RUNS },
    );
  });

  it('CSV with caller-named columns (no header row)', async () => {
    await checkProperty(
      'chunked.csv-headers',
      fc.asyncProperty(csvText, fc.integer({ min: 1, max: 4 }), feed, async (text, every, how) => {
        const body = text.slice(text.indexOf('\n') + 1);
        await expectSameAsWhole('t.csv', enc(body), every, how, { csvHeaders: ['a', 'b', 'c'] });
      }),
      { numRuns: RUNS },
    );
  });

  it('JSON Lines, any chunk size, fed in any pieces', async () => {
    await checkProperty(
      'chunked.jsonl',
      fc.asyncProperty(jsonlText, fc.integer({ min: 1, max: 5 }), feed, async (text, every, how) => {
        await expectSameAsWhole('t.jsonl', enc(text), every, how);
      }),
      { numRuns: RUNS },
    );
  });

  it('CSV and JSON Lines in every encoding come back as the same bytes when nothing is masked', async () => {
    await checkProperty(
      'chunked.encodings',
      fc.asyncProperty(
        fc.oneof(csvText.map((t) => ['t.csv', t] as const), jsonlText.map((t) => ['t.jsonl', t] as const)),
        fc.constantFrom(...ENCODINGS),
        fc.integer({ min: 1, max: 4 }),
        feed,
        async ([name, text], how, every, pieces) => {
          const bytes = encoded(plainText(text), how);
          const read = await expectSameAsWhole(name, bytes, every, pieces);
          if (read !== undefined) expect(encodeText(read.plain, read.encoding as Parameters<typeof encodeText>[1])).toEqual(bytes);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('arbitrary bytes under CSV and JSONL names', async () => {
    await checkProperty(
      'chunked.bytes',
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.array(fc.constantFrom(...TRICKY_PIECES, '\n', '\r\n', ',', '"', '{', '}'), { maxLength: 40 }).map((p) => enc(p.join(''))),
          // A BOM, then text with stray bytes: decoded leniently, the stray bytes counted.
          fc.tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), fc.uint8Array({ maxLength: 120 })).map(([bom, rest]) => Uint8Array.from([...bom, ...rest])),
          // Text with a few bytes that are not UTF-8 late in it: Windows-1252, or a stream that refuses.
          fc.tuple(adversarialText(8), fc.uint8Array({ minLength: 1, maxLength: 3 })).map(([t, junk]) => Uint8Array.from([...enc(`a,b\n${plainText(t)}\n`), ...junk, 0x0a])),
        ),
        fc.constantFrom('x.csv', 'x.jsonl'),
        fc.integer({ min: 1, max: 3 }),
        feed,
        async (bytes, name, every, how) => {
          await expectSameAsWhole(name, bytes, every, how);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('JSON, TXT and MD stay one chunk; an unreadable JSON file is refused when cut', async () => {
    for (const [name, text] of [['a.json', '[{"text":"x"},{"text":"y"}]'], ['a.txt', 'hello\nworld'], ['a.md', '# t']] as const) {
      const chunked = await chunkFile(name, enc(text), {}, 1);
      expect(chunked.chunks).toHaveLength(1);
      await expectSameAsWhole(name, enc(text), 1, { pieces: [1, 2], readAhead: { headBytes: 2, csvChars: 1 } });
    }
    await expect(chunkFile('bad.json', enc('{"text": '))).rejects.toThrow(DatasetError);
  });
});
