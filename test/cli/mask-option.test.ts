import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'pii-mask-option-cli-'));
const input = join(dir, 'in.txt');
writeFileSync(input, 'mail ann@example.org today\n');

async function redact(output: string, ...args: string[]) {
  const stderr: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (stderr.push(String(s)), true));
  const code = await main(['node', 'pii-local', 'redact', '--input', input, '--output', output, '--method', 'heuristics', '--types', 'EMAIL', ...args]);
  return { code, stderr: stderr.join('') };
}

describe('pii-local redact --mask: a strategy typo is refused, not written as a literal', () => {
  afterEach(() => vi.restoreAllMocks());

  it('refuses EMAIL=SCRAMBLE with exit code 2 and a one-line message, writing nothing', async () => {
    const output = join(dir, 'scramble.txt');
    const { code, stderr } = await redact(output, '--mask', 'EMAIL=SCRAMBLE');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^pii-local: --mask: unknown strategy "SCRAMBLE" for EMAIL; one of REDACT, REPLACE/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toContain('ann@example.org');
    expect(existsSync(output)).toBe(false);
  });

  it.each([['REDCT'], ['redct'], ['REPLAC']])('suggests the closest strategy for %s', async (word) => {
    const { code, stderr } = await redact(join(dir, 'typo.txt'), '--mask', `EMAIL=${word}`);
    expect(code).toBe(2);
    expect(stderr).toMatch(/did you mean (REDACT|REPLACE)\?/);
  });

  it('writes literal:TEXT as exactly TEXT, a strategy-shaped word included', async () => {
    const output = join(dir, 'literal.txt');
    expect((await redact(output, '--mask', 'EMAIL=literal:SCRAMBLE')).code).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe('mail SCRAMBLE today\n');
  });

  it('keeps strategy words in any case and the <TAG> literal form', async () => {
    const lower = join(dir, 'lower.txt');
    expect((await redact(lower, '--mask', 'EMAIL=redact')).code).toBe(0);
    expect(readFileSync(lower, 'utf8')).toBe('mail [EMAIL] today\n');
    const tag = join(dir, 'tag.txt');
    expect((await redact(tag, '--mask', 'EMAIL=<EMAIL>')).code).toBe(0);
    expect(readFileSync(tag, 'utf8')).toBe('mail <EMAIL> today\n');
  });

});
