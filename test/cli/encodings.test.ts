import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { redactStream } from '../../src/cli/redact-stream.js';
import { encodeText, fitToEncoding, parseFile, serializeFile, UnencodableTextError } from '../../src/datasets/index.js';
import { createEngine } from '../../src/engine/engine.js';
import { createMasker } from '../../src/masks/index.js';

// Issue 14 ("No silent damage"): text that is not UTF-8 keeps its letters and comes back in its own encoding.
const dir = mkdtempSync(join(tmpdir(), 'pii-encodings-'));
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const LATIN1_CSV = latin1('id,name,note\n1,Jos\xe9 Mu\xf1oz,mail a@b.co\n2,Ana,plain\n');
const REPLACEMENT = [0xef, 0xbf, 0xbd];

function has(bytes: Uint8Array, seq: number[]): boolean {
  return Buffer.from(bytes).includes(Buffer.from(seq));
}

async function cli(...args: string[]) {
  const stderr: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (stderr.push(String(s)), true));
  const code = await main(['node', 'pii-local', ...args, '--method', 'heuristics', '--types', 'EMAIL']);
  return { code, stderr: stderr.join('') };
}

describe('reading: the encoding is detected, never replaced by U+FFFD', () => {
  it('Windows-1252 bytes (no BOM, not UTF-8) are read as Windows-1252, marked as a guess', () => {
    const parsed = parseFile('x.csv', LATIN1_CSV);
    expect(parsed.records[0]!.fields[1]!.text).toBe('José Muñoz');
    expect(parsed).toMatchObject({ encoding: 'windows-1252', encodingGuessed: true });
  });

  it('valid UTF-8 stays UTF-8; a BOM decides; a declared encoding is no guess', () => {
    expect(parseFile('x.txt', new TextEncoder().encode('José')).encoding).toBe('utf-8');
    expect(parseFile('x.txt', Uint8Array.from([0xff, 0xfe, ...Buffer.from('José', 'utf16le')]))).toMatchObject({ encoding: 'utf-16le', records: [{ fields: [{ text: 'José' }] }] });
    const declared = parseFile('x.csv', LATIN1_CSV, { encoding: 'windows-1252' });
    expect(declared.encodingGuessed).toBeUndefined();
  });

  it('a declared UTF-8 that the bytes are not is refused, not read with U+FFFD', () => {
    expect(() => parseFile('x.csv', LATIN1_CSV, { encoding: 'utf-8' })).toThrow(/not valid utf-8/);
  });
});

describe('writing Windows-1252: nothing silently becomes "?"', () => {
  it('encodes every character of the code page back to its byte', () => {
    const all = Uint8Array.from({ length: 256 }, (_, b) => b);
    // Decoded as a stream, as files are: Node 20's one-shot decode drops 0x80–0x9F (see decodeWhole).
    const decoder = new TextDecoder('windows-1252');
    const text = decoder.decode(all, { stream: true }) + decoder.decode();
    expect(text.slice(0x80, 0x81) + text.slice(0x93, 0x95)).toBe('€“”');
    expect(encodeText(text, 'windows-1252')).toEqual(all);
  });

  it('reads and writes back the bytes where Windows-1252 and Latin-1 differ (€, curly quotes)', () => {
    const bytes = Uint8Array.from([...Buffer.from('id,note\n1,'), 0x80, 0x20, 0x93, 0x71, 0x94, 0x0a]);
    const parsed = parseFile('x.csv', bytes);
    expect(parsed.records[0]!.fields[1]!.text).toBe('€ “q”');
    expect(encodeText(serializeFile(parsed, new Map()), parsed.encoding!)).toEqual(bytes);
  });

  it('takes accents off new text that needs it, refuses what still does not fit', () => {
    expect(fitToEncoding('José', 'windows-1252')).toBe('José');
    expect(fitToEncoding('Ğül Şahin', 'windows-1252')).toBe('Gül Sahin');
    expect(fitToEncoding('Łukasz', 'windows-1252')).toBeUndefined();
    expect(() => encodeText('Łukasz', 'windows-1252')).toThrow(UnencodableTextError);
  });
});

describe('redact writes the output in the input\'s encoding', () => {
  afterEach(() => vi.restoreAllMocks());
  const input = join(dir, 'latin1.csv');
  writeFileSync(input, LATIN1_CSV);
  const expected = latin1('id,name,note\n1,Jos\xe9 Mu\xf1oz,mail [EMAIL]\n2,Ana,plain\n');

  it('Windows-1252 in → Windows-1252 out, letters kept, with a warning on stderr', async () => {
    const output = join(dir, 'latin1.out.csv');
    const { code, stderr } = await cli('redact', '--input', input, '--output', output);
    expect(code).toBe(0);
    const written = new Uint8Array(readFileSync(output));
    expect(written).toEqual(expected);
    expect(has(written, REPLACEMENT)).toBe(false);
    expect(stderr).toMatch(/warning: .*windows-1252/);
    expect(stderr).not.toContain('Jos');
  });

  it('--encoding latin1: the same output, no warning; an unknown name is a usage error', async () => {
    const output = join(dir, 'declared.out.csv');
    const { code, stderr } = await cli('redact', '--input', input, '--output', output, '--encoding', 'latin1');
    expect(code).toBe(0);
    expect(new Uint8Array(readFileSync(output))).toEqual(expected);
    expect(stderr).toBe('');
    vi.restoreAllMocks();
    expect((await cli('redact', '--input', input, '--output', output, '--encoding', 'klingon')).code).toBe(2);
  });

  it('streamed in chunks: the same bytes, and the guess reported', async () => {
    const output = join(dir, 'latin1.streamed.csv');
    const result = await redactStream(input, output, createEngine(), createMasker(), { method: 'heuristics', types: ['EMAIL'], maskConfig: {}, chunkRecords: 1 });
    expect(result).toMatchObject({ records: 2, failed: 0, encoding: 'windows-1252', encodingGuessed: true });
    expect(new Uint8Array(readFileSync(output))).toEqual(expected);
  });

  it('a mask Windows-1252 cannot write fails that record loudly (placeholder, exit 1); one it can after taking accents off is written', async () => {
    const output = join(dir, 'unencodable.out.csv');
    const failed = await cli('redact', '--input', input, '--output', output, '--mask', 'EMAIL=literal:Łukasz');
    expect(failed.code).toBe(1);
    expect(new Uint8Array(readFileSync(output))).toEqual(latin1('id,name,note\n[REDACTION_FAILED],[REDACTION_FAILED],[REDACTION_FAILED]\n2,Ana,plain\n'));
    vi.restoreAllMocks();
    const fitted = await cli('redact', '--input', input, '--output', output, '--mask', 'EMAIL=literal:Ğül');
    expect(fitted.code).toBe(0);
    expect(new Uint8Array(readFileSync(output))).toEqual(latin1('id,name,note\n1,Jos\xe9 Mu\xf1oz,mail G\xfcl\n2,Ana,plain\n'));
  });

  it('UTF-16LE with a BOM in → UTF-16LE with its BOM out, whole or streamed', async () => {
    const utf16 = (s: string) => Uint8Array.from([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);
    const path = join(dir, 'utf16.csv');
    writeFileSync(path, utf16('id,note\r\n1,mail a@b.co für José\r\n'));
    const want = utf16('id,note\r\n1,mail [EMAIL] für José\r\n');
    const output = join(dir, 'utf16.out.csv');
    const { code, stderr } = await cli('redact', '--input', path, '--output', output);
    expect([code, stderr]).toEqual([0, '']);
    expect(new Uint8Array(readFileSync(output))).toEqual(want);
    const streamed = join(dir, 'utf16.streamed.csv');
    await redactStream(path, streamed, createEngine(), createMasker(), { method: 'heuristics', types: ['EMAIL'], maskConfig: {}, chunkRecords: 1 });
    expect(new Uint8Array(readFileSync(streamed))).toEqual(want);
  });

  it('UTF-8 with a BOM, streamed: the BOM once, at the start', async () => {
    const path = join(dir, 'utf8bom.csv');
    writeFileSync(path, '\uFEFFid,note\n1,a@b.co\n2,x\n');
    const streamed = join(dir, 'utf8bom.streamed.csv');
    await redactStream(path, streamed, createEngine(), createMasker(), { method: 'heuristics', types: ['EMAIL'], maskConfig: {}, chunkRecords: 1 });
    expect(readFileSync(streamed, 'utf8')).toBe('\uFEFFid,note\n1,[EMAIL]\n2,x\n');
  });
});
