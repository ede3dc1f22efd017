import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { redactStream } from '../../src/cli/redact-stream.js';
import { createEngine } from '../../src/engine/engine.js';
import { createMasker } from '../../src/masks/index.js';

const dir = mkdtempSync(join(tmpdir(), 'pii-columns-cli-'));
const CSV = 'Customer ID,Full Name,E-mail,Comments\nC-20417,Ann Lee,ann@example.com,mail bo@example.org\nC-20418,Bo Chan,N/A,nothing\n';
const input = join(dir, 'in.csv');
writeFileSync(input, CSV);

function capture(stream: NodeJS.WriteStream): { text: () => string } {
  const chunks: string[] = [];
  vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return { text: () => chunks.join('') };
}

const run = (...args: string[]) => main(['node', 'pii-local', 'redact', '--input', input, '--method', 'heuristics', '--types', 'EMAIL', ...args]);

describe('pii-local redact --explain / --columns', () => {
  afterEach(() => vi.restoreAllMocks());

  it('--explain prints column → role/type with the evidence on stdout, and no cell', async () => {
    const stdout = capture(process.stdout);
    const output = join(dir, 'explained.csv');
    expect(await run('--output', output, '--explain')).toBe(0);
    expect(stdout.text().split('\n').filter(Boolean)).toEqual([
      'Customer ID → identifier, kept (header "id"; values: id-like 2/2)',
      'Full Name → PERSON, scanned with context "full name" (header "full name"; type not requested: scanned)',
      'E-mail → EMAIL, masked whole (header "e mail"; 1 empty/placeholder)',
      'Comments → free text, scanned with context "comments" (header "comments")',
    ]);
    expect(stdout.text()).not.toMatch(/Ann Lee|ann@example|C-20417/);
    expect(readFileSync(output, 'utf8')).toBe('Customer ID,Full Name,E-mail,Comments\nC-20417,Ann Lee,[EMAIL],mail [EMAIL]\nC-20418,Bo Chan,N/A,nothing\n');
  });

  it('--columns overrides the plan (COLUMN=ROLE pairs or JSON)', async () => {
    const output = join(dir, 'overridden.csv');
    expect(await run('--output', output, '--columns', 'Full Name=EMAIL,Comments=keep')).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe('Customer ID,Full Name,E-mail,Comments\nC-20417,[EMAIL],[EMAIL],mail bo@example.org\nC-20418,[EMAIL],N/A,nothing\n');
    expect(await run('--output', output, '--columns', '{"Customer ID":"keep","E-mail":"scan"}')).toBe(0);
  });

  it.each([
    [['--columns', 'Customer Id=keep,Coments=scan'], 'pii-local: --columns names unknown column(s): "Customer Id", "Coments"\n'],
    [['--columns', 'Full Name=PERSON'], 'pii-local: --columns entry "Full Name" names type "PERSON", which is not among the requested types\n'],
    [['--columns', 'Full Name'], 'pii-local: --columns entries look like COLUMN=keep|scan|TYPE (e.g. "Customer ID=keep,Full Name=PERSON")\n'],
    [['--columns', '{oops'], 'pii-local: --columns is not a valid JSON object\n'],
  ])('exits 2 with one line for %j', async (args, message) => {
    const stderr = capture(process.stderr);
    expect(await run('--output', join(dir, 'bad.csv'), ...args)).toBe(2);
    expect(stderr.text()).toBe(message);
  });
});

describe('redactStream', () => {
  it('masks every chunk with the plan of the first chunk', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => `C-${i},Person ${i},p${i}@example.com`);
    const file = join(dir, 'big.csv');
    writeFileSync(file, `ID,Full Name,E-mail\n${rows.join('\n')}\n`);
    const out = join(dir, 'big-out.csv');
    const engine = createEngine();
    const result = await redactStream(file, out, engine, createMasker(), { method: 'heuristics', types: ['PERSON', 'EMAIL'], maskConfig: {}, chunkRecords: 2 });
    expect(result.plan?.columns.map((c) => c.action)).toEqual(['keep', 'mask_whole', 'mask_whole']);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines.slice(1)).toEqual(Array.from({ length: 7 }, (_, i) => `C-${i},[PERSON],[EMAIL]`));
  });
});
