import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { redactStream } from '../../src/cli/redact-stream.js';
import { createEngine } from '../../src/engine/engine.js';
import { createMasker } from '../../src/masks/index.js';

const dir = mkdtempSync(join(tmpdir(), 'pii-broken-jsonl-'));
const SECRET = 'ann.secret@example.org';
const input = join(dir, 'in.jsonl');
writeFileSync(input, `{"id":"1","text":"mail a@b.co"}\n\n{"id":"2","text":"${SECRET} unterminated\n{"id":"3","text":"ok"}\n`);

async function cli(...args: string[]) {
  const stderr: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (stderr.push(String(s)), true));
  const code = await main(['node', 'pii-local', ...args, '--method', 'heuristics', '--types', 'EMAIL']);
  return { code, stderr: stderr.join('') };
}

describe('a JSONL file with a broken line', () => {
  afterEach(() => vi.restoreAllMocks());

  it('redact: every output line is JSON, the broken one an error object naming line 3', async () => {
    const output = join(dir, 'out.jsonl');
    const { code, stderr } = await cli('redact', '--input', input, '--output', output);
    expect(code).toBe(1);
    const lines = readFileSync(output, 'utf8').split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(3);
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records[0]).toEqual({ id: '1', text: 'mail [EMAIL]' });
    expect(records[1]).toEqual({ error: 'invalid_json at line 3', line: 3 });
    expect(records[2]).toEqual({ id: '3', text: 'ok' });
    expect(stderr).toMatch(/1 of 3 records failed.*; line 3\n$/);
    expect(stderr + readFileSync(output, 'utf8')).not.toContain(SECRET);
  });

  it('redact, streamed in chunks: the same output and line numbers', async () => {
    const output = join(dir, 'streamed.jsonl');
    const engine = createEngine();
    const result = await redactStream(input, output, engine, createMasker(), { method: 'heuristics', types: ['EMAIL'], maskConfig: {}, chunkRecords: 1 });
    expect(result.failedLines).toEqual([3]);
    expect(readFileSync(output, 'utf8')).toBe(readFileSync(join(dir, 'out.jsonl'), 'utf8'));
  });

  it('detect: the error names the line number, and so does the summary', async () => {
    const output = join(dir, 'detect.jsonl');
    const { code, stderr } = await cli('detect', '--input', input, '--output', output);
    expect(code).toBe(1);
    const records = readFileSync(output, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { error?: string });
    expect(records).toHaveLength(4); // one output line per input line, the blank one included
    expect(records[2]!.error).toBe('invalid_json: line 3 is not valid JSON');
    expect(stderr).toMatch(/line 2, 3\n$|lines 2, 3\n$/);
    expect(stderr).not.toContain(SECRET);
  });
});
