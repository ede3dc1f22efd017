import { describe, expect, it } from 'vitest';
import { parseFile, serializeFile } from '../../src/datasets/index.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('JSONL reader', () => {
  it.each([
    ['an empty file', '', 0],
    ['blank lines only', '\n  \n\r\n', 0],
    ['one line without a final newline', '{"id":"a","text":"x"}', 1],
    ['CRLF lines and blank lines between', '{"text":"a"}\r\n\r\n{"text":"b"}\r\n', 2],
    ['a BOM', '\uFEFF{"text":"a"}\n', 1],
  ])('reads %s as %i records', (_case, text, count) => {
    expect(parseFile('t.jsonl', enc(text)).records).toHaveLength(count);
  });

  it('reads the CLI contract {"id","text"}: the text field only, the id from the line', () => {
    const parsed = parseFile('t.jsonl', enc('{"id":"r1","text":"Ann","meta":"m"}\n{"id":7,"text":"Bob"}\n{"text":"Cy"}\n'));
    expect(parsed.records).toEqual([
      { id: 'r1', index: 0, fields: [{ key: 'text', text: 'Ann' }], line: 1 },
      { id: '7', index: 1, fields: [{ key: 'text', text: 'Bob' }], line: 2 },
      { id: '2', index: 2, fields: [{ key: 'text', text: 'Cy' }], line: 3 },
    ]);
  });

  it('without a text field, reads every string leaf with its path; numbers and booleans are not fields', () => {
    const parsed = parseFile('t.jsonl', enc('{"id":"x","a":{"b":["p","q"],"n":3},"odd key":"r","ok":true}\n'));
    expect(parsed.records[0]!.fields).toEqual([
      { key: 'id', text: 'x' },
      { key: 'a.b[0]', text: 'p' },
      { key: 'a.b[1]', text: 'q' },
      { key: '["odd key"]', text: 'r' },
    ]);
  });

  it('reads only the textFields paths (and what is below them) when given', () => {
    const parsed = parseFile('t.jsonl', enc('{"id":"x","text":"t","notes":[{"body":"n"}]}\n'), { textFields: ['notes'] });
    expect(parsed.records[0]!.fields).toEqual([{ key: 'notes[0].body', text: 'n' }]);
  });

  it('turns a broken line into a record with an error code, never a crash, and reads on', () => {
    const parsed = parseFile('t.jsonl', enc('{"text":"a"}\n{"text":"secret\n[1,2]\nnull\n"bare string"\n{"text":"b"}\n'));
    expect(parsed.records.map((r) => r.error ?? 'ok')).toEqual(['ok', 'invalid_json', 'not_an_object', 'not_an_object', 'ok', 'ok']);
    expect(parsed.records[1]!.fields).toEqual([{ key: 'line', text: '{"text":"secret' }]);
    expect(parsed.records[4]!.fields).toEqual([{ key: 'text', text: 'bare string' }]);
    for (const r of parsed.records) expect(r.error ?? '').not.toContain('secret');
  });
});

describe('JSONL writer', () => {
  it('writes a file with nothing masked back byte for byte, broken lines included', () => {
    const text = '\uFEFF{ "id" : "1", "text":"a" }\r\n\r\nnot json\n{"text":"\\u00e9"}';
    const parsed = parseFile('t.jsonl', enc(text));
    expect(serializeFile(parsed, new Map())).toBe(text);
  });

  it('rewrites only masked lines, keeping line breaks and every other field', () => {
    const text = '{"id":"1","text":"Ann","n":1}\r\n\r\n{"id":"2","text":"Bob","n":2}\r\n';
    const parsed = parseFile('t.jsonl', enc(text));
    const out = serializeFile(parsed, new Map([[1, [{ key: 'text', text: '[PERSON]\n' }]]]));
    expect(out).toBe('{"id":"1","text":"Ann","n":1}\r\n\r\n{"id":"2","text":"[PERSON]\\n","n":2}\r\n');
  });

  it('writes masked nested leaves at their paths, keys like __proto__ included', () => {
    const text = '{"a":{"b":["p","q"]},"__proto__":"z"}\n';
    const parsed = parseFile('t.jsonl', enc(text));
    const masked = new Map([[0, parsed.records[0]!.fields.map((f) => ({ key: f.key, text: f.text.toUpperCase() }))]]);
    expect(JSON.parse(serializeFile(parsed, masked))).toEqual(JSON.parse('{"a":{"b":["P","Q"]},"__proto__":"Z"}'));
  });

  it('writes a masked broken line as a JSON object naming its error and line, none of its text', () => {
    const parsed = parseFile('t.jsonl', enc('{"text":"a"}\n{"text":"secret\n'));
    const out = serializeFile(parsed, new Map([[1, [{ key: 'line', text: '[REDACTION_FAILED]' }]]]));
    expect(out).toBe('{"text":"a"}\n{"error":"invalid_json at line 2","line":2}\n');
  });

  it('keeps the record count through parse → mask → serialize → parse', () => {
    const text = '{"text":"a"}\n\nbroken\n{"x":["y"]}\n"s"\n';
    const parsed = parseFile('t.jsonl', enc(text));
    const masked = new Map(parsed.records.map((r, i) => [i, r.fields.map((f) => ({ key: f.key, text: 'M' }))]));
    expect(parseFile('t.jsonl', enc(serializeFile(parsed, masked))).records).toHaveLength(parsed.records.length);
  });
});
