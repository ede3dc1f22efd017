import { describe, expect, it } from 'vitest';
import { chunkFile, readChunk } from '../../src/datasets/chunked.js';
import { DatasetError, encodeText } from '../../src/datasets/index.js';
import { openRecordChunks, parseChunk, type RecordChunk } from '../../src/datasets/record-chunks.js';

const enc = (s: string) => new TextEncoder().encode(s);
const TINY = { headBytes: 4, csvChars: 8 };

async function* inPieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

async function all(chunks: AsyncIterable<RecordChunk>): Promise<RecordChunk[]> {
  const out: RecordChunk[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

describe('openRecordChunks', () => {
  it('cuts a first chunk of one size and later ones of another (the plan sample, then small chunks)', async () => {
    const rows = Array.from({ length: 9 }, (_, i) => `${i},n${i}\n`).join('');
    const csv = await all((await openRecordChunks('t.csv', inPieces(enc(`id,note\n${rows}`), 5), {}, { first: 4, then: 2 }, TINY)).chunks);
    expect(csv.map((c) => c.records)).toEqual([4, 2, 2, 1]);
    const lines = Array.from({ length: 7 }, (_, i) => `{"i":${i}}\n`).join('');
    const jsonl = await all((await openRecordChunks('t.jsonl', inPieces(enc(lines), 5), {}, { first: 5, then: 1 }, TINY)).chunks);
    expect(jsonl.map((c) => c.records)).toEqual([5, 1, 1]);
  });

  it('cuts CSV after every n records, blank lines kept but not counted, each chunk knowing its first line', async () => {
    const text = 'id,note\n1,a\n\n2,"b\nc"\n3,d\n4,e\n';
    const { layout, chunks } = await openRecordChunks('t.csv', inPieces(enc(text), 3), {}, 2, TINY);
    const cut = await all(chunks);
    expect(layout.head).toBe('id,note\n');
    expect(cut.map((c) => [c.text, c.records, c.firstLine])).toEqual([
      ['id,note\n1,a\n\n2,"b\nc"\n', 2, 1],
      ['3,d\n4,e\n', 2, 6],
    ]);
    expect(parseChunk(layout, 1, cut[1]!).records.map((r) => r.fields[0]!.text)).toEqual(['3', '4']);
  });

  it('a row with an unclosed quote fails alone, whatever the windows the stream is read in', async () => {
    const text = 'id,note\r\n1,a\r\n2,"open\r\n3,b\r\n4,"x"\r\n';
    const { layout, chunks } = await openRecordChunks('t.csv', inPieces(enc(text), 1), {}, 1, TINY);
    const records = (await all(chunks)).flatMap((c, i) => parseChunk(layout, i, c).records.map((r) => [r.fields[0]!.text, r.error, r.line]));
    expect(records).toEqual([['1', undefined, undefined], ['2', 'csv_unclosed_quote', 3], ['3', undefined, undefined], ['4', undefined, undefined]]);
  });

  it('sniffs the dialect from the whole first row, even when it is longer than the head', async () => {
    const header = `${'x'.repeat(40)};${'y'.repeat(40)}\r\n`;
    const { layout } = await openRecordChunks('t.csv', inPieces(enc(`${header}1;2\r\n`), 5), {}, 2, TINY);
    expect(layout.options.csvDialect).toEqual({ delimiter: ';', newline: '\r\n' });
    expect(layout.head).toBe(header);
  });

  it('UTF-8 at the start and not after it is refused, not read with U+FFFD (the start settles the encoding)', async () => {
    const bytes = Uint8Array.from([...enc('{"text":"ok"}\n'.repeat(4)), 0xff, 0x0a]);
    const { layout, chunks } = await openRecordChunks('t.jsonl', inPieces(bytes, 8), {}, 2, TINY);
    expect(layout.encoding).toBe('utf-8');
    const error = await all(chunks).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message).toMatch(/^not_text: the file is not valid utf-8 throughout/);
  });

  it('binary after a text start is refused once its totals show it, before the last chunk', async () => {
    const bytes = Uint8Array.from([...enc('a,b\n1,2\n'), ...new Uint8Array(64)]);
    const { chunks } = await openRecordChunks('t.csv', inPieces(bytes, 8), {}, 1, TINY);
    const seen: RecordChunk[] = [];
    const error = await (async () => {
      for await (const c of chunks) seen.push(c);
    })().catch((e: unknown) => e);
    expect((error as DatasetError).code).toBe('not_text');
    expect(seen.length).toBeLessThanOrEqual(1);
  });

  it('reads a byte-order mark split across pieces, and gives each chunk its length in the source', async () => {
    const bytes = encodeText('\uFEFFid,note\r\n1,Zoë\r\n2,€\r\n', 'utf-16le');
    const { layout, chunks } = await openRecordChunks('t.csv', inPieces(bytes, 1), {}, 1, TINY);
    const cut = await all(chunks);
    expect(layout.encoding).toBe('utf-16le');
    expect(cut[0]!.text.startsWith('\uFEFFid,note')).toBe(true);
    expect(cut.reduce((n, c) => n + c.sourceBytes!, 0)).toBe(bytes.length);
  });
});

describe('chunkFile', () => {
  it('keeps a Blob upload as slices of it, read back as the text they were cut from', async () => {
    const text = 'id,note\n1,José\n2,“q”\n3,€\n';
    const blob = new Blob([encodeText(text, 'windows-1252')]);
    const file = await chunkFile('t.csv', blob, {}, 1);
    expect(file.encoding).toBe('windows-1252');
    expect(file.chunks.map((c) => c.encoding)).toEqual(['windows-1252', 'windows-1252', 'windows-1252']);
    expect(file.chunks.reduce((n, c) => n + c.bytes.size, 0)).toBe(blob.size);
    const notes = await Promise.all(file.chunks.map(async (_, i) => (await readChunk(file, i)).records[0]!.fields[1]!.text));
    expect(notes).toEqual(['José', '“q”', '€']);
  });

  it('keeps a chunk as UTF-8 text once bad bytes after a BOM made lengths stop matching the source', async () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('id,note\n1,a'), 0xff, ...enc('\n2,b\n')]);
    const file = await chunkFile('t.csv', bytes, {}, 1);
    // The first chunk's text (U+FFFD: 3 bytes) rather than its 16 source bytes (0xFF: 1 byte).
    expect(file.chunks.map((c) => c.bytes.size)).toEqual([enc('\uFEFFid,note\n1,a\uFFFD\n').length, 4]);
    expect((await readChunk(file, 0)).records[0]!.fields[1]!.text).toBe('a\uFFFD');
    expect((await readChunk(file, 1)).records[0]!.fields[1]!.text).toBe('b');
  });
});
