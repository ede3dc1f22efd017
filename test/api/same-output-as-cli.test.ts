import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cliEngine } from '../../src/cli/engine-factory.js';
import { main } from '../../src/cli/main.js';
import { parseMasks, parseMethod, parseThreshold, parseTypes } from '../../src/cli/options.js';
import { redactStream } from '../../src/cli/redact-stream.js';
import { encodeText } from '../../src/datasets/index.js';
import { createMasker } from '../../src/masks/index.js';
import { LocalDataframer, toFile, type MaskConfigValue } from '../../src/index.js';

/**
 * Issue 14, "one streaming path for files": the CLI and the API cut files with the same cutter and
 * write them with the same writers, so for the same file and settings they write the same bytes,
 * in the input's encoding, for every format, at any chunk size.
 */
const dir = mkdtempSync(join(tmpdir(), 'pii-same-output-'));

/** Each format with PII, non-ASCII letters Windows-1252 can hold (ë ü € “ ”), and a broken record. */
const FILES: ReadonlyArray<readonly [name: string, text: string]> = [
  ['notes.csv', [
    'id,name,note',
    '1,Zoë Müller,"write to zoe.muller@example.org or call +1 212-555-0143"',
    '2,Ana,"two\r\nlines, ana@example.net"',
    '3,"Eve, an unclosed quote',
    '4,Bob,plain note',
    '',
    '5,“Ole”,€ 12 from ole@example.com',
    '6,Ida,mail ida@example.org or ana@example.net',
    '7,Max,+1 212-555-0187',
  ].join('\r\n') + '\r\n'],
  ['notes.tsv', 'id\tnote\n1\tzoe.muller@example.org\n2\t€ “x” ana@example.net\n3\t"broken\n4\tcall +1 212-555-0143\n5\tida@example.org\n'],
  ['notes.jsonl', [
    '{"id":1,"text":"write to zoe.muller@example.org, Zoë"}',
    '{"id":2,"text":"call +1 212-555-0143 € “quoted”"}',
    '{"id":3,"text": broken',
    '',
    '{"id":4,"text":"plain"}',
    '{"id":5,"notes":{"a":"ana@example.net","b":"ole@example.com"}}',
    '{"id":6,"text":"again zoe.muller@example.org"}',
  ].join('\n') + '\n'],
  ['notes.json', `${JSON.stringify([{ id: 1, text: 'Zoë: zoe.muller@example.org' }, { id: 2, text: '€ “x” +1 212-555-0143' }, { id: 3, text: 'plain' }, 7], null, 2)}\n`],
  ['notes.txt', 'Dear Zoë,\nwrite to zoe.muller@example.org or call +1 212-555-0143.\n€ 12 “paid”, ana@example.net\n'],
  ['notes.md', '# Müller, € 12\n\n- zoe.muller@example.org\n- “ana@example.net”\n- +1 212-555-0143\n'],
];

const ENCODINGS = ['utf-8', 'utf-8 with BOM', 'utf-16le with BOM', 'windows-1252'] as const;

function encoded(text: string, encoding: (typeof ENCODINGS)[number]): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return encodeText(text, 'utf-8');
    case 'utf-8 with BOM':
      return encodeText(`\uFEFF${text}`, 'utf-8');
    case 'utf-16le with BOM':
      return encodeText(`\uFEFF${text}`, 'utf-16le');
    case 'windows-1252':
      return encodeText(text, 'windows-1252');
  }
}

/**
 * The same settings both ways. PSEUDONYMIZE tokens must agree across chunks; `Ğül` fits
 * Windows-1252 only with its accent taken off; `Łukasz` does not fit at all, so in a Windows-1252
 * file the records it would go in fail (written as placeholders) on both sides.
 */
const SETTINGS = [
  { name: 'pseudonyms and a literal that fits once its accent is off', cli: 'email=PSEUDONYMIZE,phone_number=literal:Ğül', api: { email: 'PSEUDONYMIZE', phone_number: 'Ğül' } },
  { name: 'a literal Windows-1252 cannot write', cli: 'email=literal:Łukasz', api: { email: 'Łukasz' } },
] as const satisfies ReadonlyArray<{ name: string; cli: string; api: Record<string, MaskConfigValue> }>;

/** Lowercase, as anonymization runs require: labels are written as the types are named. */
const TYPES = 'email,phone_number';

/** The CLI command, in-process (its own chunk size). */
async function viaCliCommand(input: string, mask: string): Promise<Uint8Array> {
  const output = `${input}.cli-out`;
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const code = await main(['node', 'pii-local', 'redact', '--input', input, '--output', output, '--method', 'heuristics', '--types', TYPES, '--mask', mask, '--seed', '7']);
  vi.restoreAllMocks();
  expect(code).not.toBe(2);
  return new Uint8Array(readFileSync(output));
}

/** What the CLI command runs, with a chunk size of our choosing. */
async function viaCliStream(input: string, mask: string, chunkRecords: number): Promise<{ bytes: Uint8Array; failed: number }> {
  const output = `${input}.stream-out`;
  const method = parseMethod('heuristics');
  const { engine, known, defaultTypes } = cliEngine(method, undefined, undefined);
  const types = parseTypes(TYPES, known, defaultTypes);
  const result = await redactStream(input, output, engine, createMasker({ seed: 7 }), {
    method, types: types.canonical, threshold: parseThreshold(undefined), maskConfig: parseMasks(mask, known), displayLabel: (t) => types.display.get(t) ?? t, chunkRecords,
  });
  await engine.dispose();
  return { bytes: new Uint8Array(readFileSync(output)), failed: result.failed };
}

/** An anonymization run over the file uploaded as bytes or as a Blob; its anonymized file. */
async function viaApi(name: string, bytes: Uint8Array, mask: Record<string, MaskConfigValue>, chunkRecords?: number, asBlob = false) {
  const client = new LocalDataframer(chunkRecords ? { chunkRecords } : {});
  const file = toFile(asBlob ? new Blob([bytes as Uint8Array<ArrayBuffer>]) : bytes, name);
  const multi = name.endsWith('.txt') || name.endsWith('.md');
  const ds = await client.dataframer.datasets.createWithFiles(multi ? { dataset_type: 'MULTI_FILE', name: 'd', files: [file] } : { dataset_type: 'SINGLE_FILE', name: 'd', file });
  const run = await client.dataframer.anonymizationRuns.createAndPoll({
    dataset_id: ds.id, pii_types: TYPES.split(','), detection_method: 'heuristics', mask_config: mask, mask_options: { seed: 7 },
  });
  const errors = run.results.sample_errors ?? [];
  // A run whose every sample failed is FAILED and writes no file (a TXT/MD file is one sample).
  if (run.status === 'FAILED') return { bytes: undefined, errors };
  expect(run.status).toBe('SUCCEEDED');
  const blob = await client.dataframer.anonymizationRuns.files.content(run.id, run.anonymized_files[0]!.id);
  return { bytes: new Uint8Array(await blob.arrayBuffer()), errors };
}

/** Same bytes; on a mismatch, the two outputs as text first, so the difference reads. */
function expectSameBytes(api: Uint8Array | undefined, cli: Uint8Array): void {
  expect(api).toBeDefined();
  if (api === undefined) return;
  const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
  expect(latin1(api)).toBe(latin1(cli));
  expect(Buffer.from(api).equals(Buffer.from(cli))).toBe(true);
}

describe('the API writes what the CLI writes, byte for byte', () => {
  afterEach(() => vi.restoreAllMocks());

  for (const [name, text] of FILES) {
    for (const encoding of ENCODINGS) {
      for (const settings of SETTINGS) {
        it(`${name}, ${encoding}, ${settings.name}`, async () => {
          const bytes = encoded(text, encoding);
          const input = join(dir, `${encoding.replaceAll(' ', '-')}-${settings.cli.length}-${name}`);
          writeFileSync(input, bytes);

          const unwritable = settings.cli.includes('Łukasz') && encoding === 'windows-1252';
          const cli = await viaCliCommand(input, settings.cli);
          const api = await viaApi(name, bytes, settings.api);
          const small = await viaCliStream(input, settings.cli, 2);
          if (api.bytes === undefined) {
            // One sample (TXT/MD) that cannot be written: the run fails; the CLI writes placeholders.
            expect(unwritable && /\.(txt|md)$/.test(name)).toBe(true);
            expect(api.errors.map((e) => e.error.split(':')[0])).toEqual(['mask_unencodable']);
            expect(small.failed).toBe(1);
            return;
          }
          expectSameBytes(api.bytes, cli);

          // Cut two records at a time, every chunk boundary crossed: still the same bytes.
          expectSameBytes(small.bytes, cli);
          expectSameBytes((await viaApi(name, bytes, settings.api, 2, true)).bytes, cli);

          // Written in the input's encoding, BOM included, with the addresses gone.
          const out = new TextDecoder(encoding.startsWith('utf-16') ? 'utf-16le' : encoding === 'windows-1252' ? 'windows-1252' : 'utf-8', { ignoreBOM: true });
          const written = out.decode(cli, { stream: true }) + out.decode();
          expect(written.startsWith('\uFEFF')).toBe(encoding.includes('BOM'));
          expect(written).not.toContain('zoe.muller@example.org');
          if (unwritable) {
            // Every record with an address fails alike: counted by the CLI, a sample error in the API.
            expect(small.failed).toBeGreaterThan(0);
            expect(api.errors.some((e) => e.error.startsWith('mask_unencodable'))).toBe(true);
            expect(written).toContain('[REDACTION_FAILED]');
            expect(written).not.toContain('Łukasz');
          } else {
            // Letters outside ASCII come back as they were.
            expect(written).toContain('€');
            if (settings.cli.includes('Łukasz')) expect(written).toContain('Łukasz');
          }
          if (settings.cli.includes('Ğül') && text.includes('212-555-0143')) expect(written).toContain(encoding === 'windows-1252' ? 'Gül' : 'Ğül');
        }, 30_000);
      }
    }
  }
});
