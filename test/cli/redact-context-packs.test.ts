import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'pii-context-packs-cli-'));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const redact = (input: string, output: string, ...args: string[]) =>
  main(['node', 'pii-local', 'redact', '--input', input, '--output', output, '--method', 'heuristics', ...args]);

describe('pii-local redact with default types: packs switched on by context words', () => {
  afterEach(() => vi.restoreAllMocks());

  it('masks a checksum-valid number after "NHS number" as UK_NHS in a .txt file', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const output = join(dir, 'note.redacted.txt');
    expect(await redact(file('note.txt', 'NHS number 943 476 5919\nCall 943 476 5919\n'), output)).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe('NHS number [UK_NHS]\nCall [PHONE_NUMBER]\n');
  });

  it('does the same in a JSONL file, and keeps a named --types list as it was', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const input = file('notes.jsonl', '{"id":"1","text":"NHS number 943 476 5919"}\n');
    const byDefault = join(dir, 'default.jsonl');
    expect(await redact(input, byDefault)).toBe(0);
    expect(JSON.parse(readFileSync(byDefault, 'utf8'))).toEqual({ id: '1', text: 'NHS number [UK_NHS]' });
    const named = join(dir, 'named.jsonl');
    expect(await redact(input, named, '--types', 'PHONE_NUMBER')).toBe(0);
    expect(JSON.parse(readFileSync(named, 'utf8'))).toEqual({ id: '1', text: 'NHS number [PHONE_NUMBER]' });
  });
});
