import { describe, expect, it } from 'vitest';
import { DatasetError, parseFile, serializeFile } from '../../src/datasets/index.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('JSON reader', () => {
  it('reads an array as one record per element', () => {
    const parsed = parseFile('t.json', enc('[{"id":"a","text":"x"},{"text":"y"},"z"]'));
    expect(parsed.records.map((r) => [r.id, r.fields])).toEqual([
      ['a', [{ key: 'text', text: 'x' }]],
      ['1', [{ key: 'text', text: 'y' }]],
      ['2', [{ key: 'text', text: 'z' }]],
    ]);
  });

  it('reads an object as one record, nested string leaves as fields', () => {
    const parsed = parseFile('t.json', enc('{"patient":{"name":"Ann","visits":[{"note":"n1"},{"note":"n2"}]},"age":40}'));
    expect(parsed.records).toHaveLength(1);
    expect(parsed.records[0]!.fields.map((f) => f.key)).toEqual(['patient.name', 'patient.visits[0].note', 'patient.visits[1].note']);
  });

  it.each([['an empty file', ''], ['whitespace', ' \n ']])('reads %s as no records', (_case, text) => {
    expect(parseFile('t.json', enc(text)).records).toEqual([]);
  });

  it('marks elements that are not objects or strings with an error code', () => {
    const parsed = parseFile('t.json', enc('[null, 3, [1], {"text":"ok"}]'));
    expect(parsed.records.map((r) => r.error ?? 'ok')).toEqual(['not_an_object', 'not_an_object', 'not_an_object', 'ok']);
  });

  it('throws a DatasetError for a file that is not JSON, without quoting it', () => {
    const error = (() => {
      try {
        parseFile('t.json', enc('{"text": "secret a@b.co"'));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).code).toBe('invalid_json');
    expect((error as Error).message).not.toContain('secret');
  });

  it('hints at JSON Lines when a .json file holds one object per line', () => {
    expect(() => parseFile('t.json', enc('{"text":"a"}\n{"text":"b"}\n'))).toThrow(/JSON Lines/);
  });

  it('refuses nesting deeper than the limit per record, not by crashing', () => {
    const deep = `${'['.repeat(600)}"x"${']'.repeat(600)}`;
    const parsed = parseFile('t.json', enc(`[{"a":${deep}},{"text":"ok"}]`));
    expect(parsed.records.map((r) => r.error ?? 'ok')).toEqual(['nesting_too_deep', 'ok']);
  });
});

describe('JSON writer', () => {
  it('writes an unmasked file back byte for byte', () => {
    const text = '\uFEFF[\n  {"id": "a", "text": "x"}\n]\n';
    expect(serializeFile(parseFile('t.json', enc(text)), new Map())).toBe(text);
  });

  it('keeps the indentation, the trailing newline and every non-text field', () => {
    const text = '[\n    {\n        "id": "a",\n        "text": "Ann",\n        "n": 1.5\n    }\n]\n';
    const parsed = parseFile('t.json', enc(text));
    const out = serializeFile(parsed, new Map([[0, [{ key: 'text', text: '[PERSON]' }]]]));
    expect(out).toBe('[\n    {\n        "id": "a",\n        "text": "[PERSON]",\n        "n": 1.5\n    }\n]\n');
  });

  it('writes a single object and a bare string record', () => {
    const one = parseFile('t.json', enc('{"a":{"b":"Ann"}}'));
    expect(serializeFile(one, new Map([[0, [{ key: 'a.b', text: 'X' }]]]))).toBe('{"a":{"b":"X"}}');
    const bare = parseFile('t.json', enc('"Ann"'));
    expect(serializeFile(bare, new Map([[0, [{ key: 'text', text: 'X' }]]]))).toBe('"X"');
  });

  it('writes a masked error element as its masked text, keeping the element count', () => {
    const parsed = parseFile('t.json', enc('[null,{"text":"a"}]'));
    const out = serializeFile(parsed, new Map([[0, [{ key: 'value', text: '[FAILED]' }]]]));
    expect(JSON.parse(out)).toEqual(['[FAILED]', { text: 'a' }]);
  });
});
