/**
 * Load benchmark: a 100 MB CSV (generated in $TMPDIR, never committed) through the CLI and through
 * the API in Node, each in its own process, reporting peak RSS and throughput.
 *
 *   npm run build && npx tsx bench/load.ts [--mb 100] [--only cli|api] [--upload both|blob|bytes] [--workers 1] [--keep]
 *
 * CLI: `node bin/pii-local.js redact --method heuristics`, measured with `/usr/bin/time -v`
 * (falls back to sampling /proc/<pid>/status VmHWM). API: `bench/load-api.mjs` (over `dist/node.js`) in a child process
 * (a `LocalDataframer` anonymization run over the same file), which reports its own
 * `process.resourceUsage().maxRSS`. `--upload` says how the API gets the file: as a file-backed
 * Blob (`blob`, `fs.openAsBlob`, as a browser `File`) or read into memory (`bytes`: the caller's
 * 100 MB buffer is in the peak too, while it uploads); both by default.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGeneratedCsv } from './generated-csv.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TYPES = 'EMAIL,PHONE_NUMBER,CREDIT_CARD,US_SSN,IBAN_CODE,IP_ADDRESS';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}


const FIRST = ['Maria', 'John', 'Aiko', 'Zoë', 'Oluwaseun', 'Søren', 'Jean-Luc', 'Priya', 'Mateo', 'Ngozi'];
const LAST = ['Lopez', 'Smith', 'Tanaka', 'Müller', 'Adeyemi', 'Kierkegaard', 'Picard', 'Sharma', 'García', 'Okafor'];
const FILLER = [
  'Customer called about a delayed shipment and asked for a refund',
  'Follow-up scheduled; the account was verified by phone',
  'Note: "urgent", see ticket #4411, reply, then close',
  'Patient reports mild symptoms 😷 — rescheduled to next week',
  'No personal data in this sentence at all, just prose about weather and trains',
];

/** One CSV row (~200 bytes) with a realistic mix of PII, quotes and the odd embedded newline. */
function row(i: number, r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const first = pick(FIRST);
  const last = pick(LAST);
  const parts = [pick(FILLER)];
  const k = r();
  if (k < 0.3) parts.push(`email ${first.toLowerCase().replace(/[^a-z]/g, '')}.${last.toLowerCase().replace(/[^a-z]/g, '')}${i % 97}@example.com`);
  else if (k < 0.5) parts.push(`call +1 212-555-${String(1000 + (i % 9000)).padStart(4, '0')}`);
  else if (k < 0.6) parts.push('card 4111 1111 1111 1111');
  else if (k < 0.7) parts.push('SSN 536-22-8741');
  else if (k < 0.75) parts.push('IBAN GB82 WEST 1234 5698 7654 32');
  else if (k < 0.8) parts.push(`from 10.0.${i % 256}.${(i * 7) % 256}`);
  if (r() < 0.02) parts.push('second line\nof the note');
  const note = parts.join('. ').replaceAll('"', '""');
  return `${i},"${first} ${last}","${note}",${(r() * 1000).toFixed(2)}\n`;
}

function generate(path: string, bytes: number): Promise<void> {
  return writeGeneratedCsv(path, bytes, { header: 'id,name,note,amount\n', row, seed: 42 }, 1_000_000);
}

interface Measured {
  seconds: number;
  peakRssMb: number;
  exitCode: number;
  stderr: string;
}

/** Runs a command, measuring wall time and peak RSS of the child (not of this process). */
async function measure(cmd: string, args: string[]): Promise<Measured> {
  const useTime = existsSync('/usr/bin/time');
  const child = useTime ? spawn('/usr/bin/time', ['-v', cmd, ...args], { cwd: ROOT }) : spawn(cmd, args, { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => process.stdout.write(d));
  let sampledKb = 0;
  const sampler = useTime
    ? undefined
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) sampledKb = Math.max(sampledKb, Number(m[1]));
        } catch {
          /* exited */
        }
      }, 50);
  const t0 = performance.now();
  const [code] = (await once(child, 'close')) as [number];
  const seconds = (performance.now() - t0) / 1000;
  if (sampler) clearInterval(sampler);
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const kb = m ? Number(m[1]) : sampledKb;
  return { seconds, peakRssMb: kb / 1024, exitCode: code, stderr };
}

async function main(): Promise<void> {
  const mb = Number(arg('mb', '100'));
  const only = arg('only', 'both');
  const dir = join(tmpdir(), 'pii-local-load');
  rmSync(join(dir, 'out-cli.csv'), { force: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
  const input = join(dir, `load-${mb}mb.csv`);
  console.log(`generating ${mb} MB CSV at ${input} …`);
  await generate(input, mb * 1_000_000);
  const size = statSync(input).size;
  const sizeMb = size / 1_000_000;
  const results: Array<{ path: string; seconds: number; mbPerSec: number; peakRssMb: number; ok: boolean }> = [];

  if (only !== 'api') {
    if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
    const output = join(dir, 'out-cli.csv');
    const m = await measure(process.execPath, [join(ROOT, 'bin', 'pii-local.js'), 'redact', '--input', input, '--output', output, '--method', 'heuristics', '--types', TYPES, '--workers', arg('workers', '1')]);
    const ok = m.exitCode === 0 && existsSync(output);
    if (!ok) console.error(m.stderr.split('\n').filter((l) => l.startsWith('pii-local')).join('\n'));
    results.push({ path: `cli (node bin/pii-local.js redact, heuristics, --workers ${arg('workers', '1')})`, seconds: m.seconds, mbPerSec: sizeMb / m.seconds, peakRssMb: m.peakRssMb, ok });
    if (ok) console.log(`cli output: ${(statSync(output).size / 1_000_000).toFixed(1)} MB`);
  }

  const uploads = arg('upload', 'both') === 'both' ? ['blob', 'bytes'] : [arg('upload', 'both')];
  for (const upload of only === 'cli' ? [] : uploads) {
    if (!existsSync(join(ROOT, 'dist', 'node.js'))) throw new Error('dist/node.js is missing: run `npm run build` first');
    const m = await measure(process.execPath, [join(ROOT, 'bench', 'load-api.mjs'), input, TYPES, upload]);
    const report = /API_REPORT (\{.*\})/.exec(m.stderr);
    const inner = report ? (JSON.parse(report[1]!) as { maxRssMb: number; status: string; samples: number }) : undefined;
    const ok = m.exitCode === 0 && inner?.status === 'SUCCEEDED';
    if (!ok) console.error(m.stderr.split('\n').slice(-15).join('\n'));
    results.push({ path: `api (LocalDataframer anonymization run, heuristics, in-process, upload ${upload})`, seconds: m.seconds, mbPerSec: sizeMb / m.seconds, peakRssMb: Math.max(m.peakRssMb, inner?.maxRssMb ?? 0), ok });
  }

  console.log(`\ninput: ${sizeMb.toFixed(1)} MB CSV, types ${TYPES}`);
  console.log('path | wall s | MB/s | peak RSS MB | ok');
  for (const r of results) console.log(`${r.path} | ${r.seconds.toFixed(1)} | ${r.mbPerSec.toFixed(2)} | ${r.peakRssMb.toFixed(0)} | ${r.ok}`);
  if (!process.argv.includes('--keep')) rmSync(join(dir, 'out-cli.csv'), { force: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
