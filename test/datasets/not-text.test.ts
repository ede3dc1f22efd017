import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chunkFile } from '../../src/datasets/chunked.js';
import { DatasetError, parseFile } from '../../src/datasets/index.js';
import { main } from '../../src/cli/main.js';
import { BadRequestError, LocalDataframer, toFile } from '../../src/index.js';

/** 4 kB of reproducible random bytes (a 32-bit LCG). */
function randomBytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const RANDOM = randomBytes(4096);
const notText = (f: () => unknown) => {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DatasetError);
  expect((error as DatasetError).code).toBe('not_text');
  expect((error as Error).message).toMatch(/^not_text: the file is not text: \d+ of \d+ characters/);
};

describe('bytes that are not text are refused, never read as records', () => {
  it.each(['x.jsonl', 'x.csv', 'x.txt', 'x.json', 'x.md'])('4 kB of random bytes as %s', async (name) => {
    notText(() => parseFile(name, RANDOM));
    const error = await chunkFile(name, RANDOM).catch((e: unknown) => e);
    notText(() => {
      throw error;
    });
  });

  it('UTF-16 without a byte-order mark (half NUL bytes)', () => {
    const utf16 = new Uint8Array(Buffer.from('{"id":1,"text":"Ann Lee"}\n'.repeat(4), 'utf16le'));
    notText(() => parseFile('x.jsonl', utf16));
  });

  it('keeps text with a stray bad byte or a few control characters', () => {
    const bytes = new Uint8Array([...Buffer.from('{"text":"a'), 0xff, ...Buffer.from('b\u0001c"}\n{"text":"ok\u0007"}\n')]);
    expect(parseFile('x.jsonl', bytes).records).toHaveLength(2);
    expect(parseFile('x.txt', new TextEncoder().encode('U+FFFD written on purpose: \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD')).records).toHaveLength(1);
  });

  it('the API refuses the upload with a BadRequestError on file', async () => {
    const client = new LocalDataframer();
    const error = await client.dataframer.datasets.createWithFiles({ dataset_type: 'SINGLE_FILE', name: 'd', file: toFile(RANDOM, 'noise.jsonl') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).field).toBe('file');
    expect((error as Error).message).toContain('not_text');
    expect(await client.dataframer.datasets.list()).toEqual([]);
  });
});

describe('the CLI refuses an input that is not text (exit code 2)', () => {
  afterEach(() => vi.restoreAllMocks());
  const dir = mkdtempSync(join(tmpdir(), 'pii-not-text-'));
  const input = join(dir, 'noise.jsonl');
  writeFileSync(input, RANDOM);

  it.each(['redact', 'detect'])('%s', async (command) => {
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (stderr.push(String(s)), true));
    const output = join(dir, `${command}.out.jsonl`);
    const code = await main(['node', 'pii-local', command, '--input', input, '--output', output, '--method', 'heuristics', '--types', 'EMAIL']);
    expect(code).toBe(2);
    expect(stderr.join('')).toMatch(/^pii-local: --input could not be read: not_text: the file is not text/);
    expect(existsSync(output)).toBe(false);
  });
});
