import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

// Issue 16 item 4: `--workers N` redacts chunks (the first 2,000 records, then 1,024 each for CSV) on N threads, written in order.
const dir = mkdtempSync(join(tmpdir(), 'pii-workers-'));
const input = join(dir, 'in.csv');
const ROWS = 12_500; // the plan chunk and ten more
const rows = ['id,name,email,note'];
for (let i = 0; i < ROWS; i++) {
  rows.push(`${i},Ann Lee ${i % 7},ann${i % 50}@example.org,"call +1 212-555-${String(1000 + (i % 9000)).padStart(4, '0')} or mail b${i % 3}@example.com, ok"`);
}
writeFileSync(input, `${rows.join('\n')}\n`);

async function redact(output: string, ...args: string[]) {
  const stderr: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (stderr.push(String(s)), true));
  const code = await main(['node', 'pii-local', 'redact', '--input', input, '--output', join(dir, output), '--method', 'heuristics', ...args]);
  vi.restoreAllMocks();
  return { code, stderr: stderr.join(''), text: code === 2 ? '' : readFileSync(join(dir, output), 'utf8') };
}

describe('redact --workers', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes byte for byte what one thread writes, on a file of several chunks', async () => {
    const masks = ['--mask', 'EMAIL=HASH,PHONE_NUMBER=REPLACE', '--seed', '7', '--hash-key', Buffer.alloc(32, 1).toString('base64')];
    const one = await redact('one.csv', '--workers', '1', ...masks);
    const two = await redact('two.csv', '--workers', '2', ...masks);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.text.split('\n')).toHaveLength(ROWS + 2);
    expect(two.text).toBe(one.text);
    expect(two.text).not.toContain('@example.');
  }, 120_000);

  it('hashes a value alike in every chunk when no key is given (the threads share one)', async () => {
    const { code, text } = await redact('hash.csv', '--workers', '2', '--mask', 'EMAIL=HASH');
    expect(code).toBe(0);
    const lines = text.split('\n');
    // ann0@example.org is in rows 0 and 4000: the first chunk (main thread) and the third (a worker).
    const email = (line: string) => line.split(',')[2];
    expect(email(lines[1 + 4000]!)).toBe(email(lines[1]!));
    expect(email(lines[1]!)).not.toContain('@');
  }, 120_000);

  it('runs PSEUDONYMIZE on one thread, saying so', async () => {
    const one = await redact('p1.csv', '--mask', 'EMAIL=PSEUDONYMIZE');
    const two = await redact('p2.csv', '--workers', '2', '--mask', 'EMAIL=PSEUDONYMIZE');
    expect(two.text).toBe(one.text);
    expect(two.stderr).toContain('--workers ignored');
  }, 120_000);

  it('refuses a count that is not a whole number from 1 to 64', async () => {
    const { code, stderr } = await redact('bad.csv', '--workers', '0');
    expect(code).toBe(2);
    expect(stderr).toContain('--workers must be');
  });
});
