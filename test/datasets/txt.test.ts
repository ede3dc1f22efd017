import { describe, expect, it } from 'vitest';
import { parseFile, serializeFile } from '../../src/datasets/index.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('TXT and MD', () => {
  it.each([
    ['t.txt', 'Dear Ann,\r\nthanks.\n'],
    ['t.md', '# Note\n\n- Ann 😀\n'],
    ['t.txt', ' '],
  ])('reads %s as one record with one text field, and writes it back', (name, text) => {
    const parsed = parseFile(name, enc(text));
    expect(parsed.records).toEqual([{ id: name, index: 0, fields: [{ key: 'text', text }] }]);
    expect(serializeFile(parsed, new Map())).toBe(text);
    expect(serializeFile(parsed, new Map([[0, [{ key: 'text', text: 'X' }]]]))).toBe('X');
  });

  it('reads an empty file as no records', () => {
    expect(parseFile('t.txt', enc('')).records).toEqual([]);
    expect(parseFile('t.txt', enc('\uFEFF')).records).toEqual([]);
  });

  it('keeps a BOM on output but not in the text', () => {
    const parsed = parseFile('t.md', enc('\uFEFFhi'));
    expect(parsed.records[0]!.fields[0]!.text).toBe('hi');
    expect(serializeFile(parsed, new Map([[0, [{ key: 'text', text: 'X' }]]]))).toBe('\uFEFFX');
  });

  it('decodes UTF-16 with a BOM (spreadsheet "Unicode text" exports)', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...[...'Zoë'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(parseFile('t.txt', bytes).records[0]!.fields[0]!.text).toBe('Zoë');
  });

  it('reads bytes that are not UTF-8 as Windows-1252 rather than failing or putting in U+FFFD (issue 14)', () => {
    expect(parseFile('t.txt', new Uint8Array([0x61, 0xff, 0x62])).records[0]!.fields[0]!.text).toBe('a\u00FFb');
  });
});
