import { describe, expect, it } from 'vitest';
import { contentTypeOf, detectFormat, parseFile } from '../../src/datasets/index.js';

describe('format detection', () => {
  it.each([
    ['a.csv', '', undefined, 'csv'],
    ['a.TSV', '', undefined, 'csv'],
    ['a.jsonl', '', undefined, 'jsonl'],
    ['a.ndjson', '', undefined, 'jsonl'],
    ['a.json', '', undefined, 'json'],
    ['a.txt', '', undefined, 'txt'],
    ['a.md', '', undefined, 'md'],
    ['notes', 'x', 'text/csv; charset=utf-8', 'csv'], // content type when no extension
    ['dir.v2/data', '{"a":1}\n{"a":2}\n', undefined, 'jsonl'], // sniffed: lines of objects
    ['data', ' [1, 2]', undefined, 'json'], // sniffed: JSON
    ['data', 'Dear Ann', undefined, 'txt'], // sniffed: text
  ])('%s (%j, %s) → %s', (name, text, contentType, format) => {
    expect(detectFormat(name, text, contentType)).toBe(format);
  });

  it('lets options.format win over the extension', () => {
    expect(parseFile('a.txt', 'x,y\n1,2\n', { format: 'csv' }).format).toBe('csv');
  });

  it('reads a .tsv with tabs even when the header has one column', () => {
    expect(parseFile('a.tsv', 'name\nAnn, Lee\n').records[0]!.fields).toEqual([{ key: 'name', text: 'Ann, Lee' }]);
  });

  it.each([
    ['csv', 'text/csv'],
    ['jsonl', 'application/jsonl'],
    ['json', 'application/json'],
    ['txt', 'text/plain'],
    ['md', 'text/markdown'],
  ] as const)('content type of %s is %s', (format, type) => {
    expect(contentTypeOf(format)).toBe(type);
  });
});
