/**
 * File speed: a CSV of short cells (generated in $TMPDIR, never committed) redacted end to end by
 * the CLI with `--method heuristics` and every default type, against redact-pii's `SyncRedactor`
 * redacting the same rows as strings. Both are whole processes (start-up, reading, writing
 * included), measured with `/usr/bin/time -v` for peak RSS; each is run `--runs` times and the
 * median is printed.
 *
 *   npm run build && npx tsx bench/file-speed.ts [--mb 20] [--runs 3] [--workers 1,2] [--no-peer] [--cli bin/pii-local.js]
 *
 * Besides wall time it prints CPU seconds (user + system), steadier than wall time on a busy machine.
 *
 * The peer runs in a child process of this script (`--peer <input> <output>`): it reads the file,
 * redacts each line as one string and writes the lines back (it does not parse CSV, which only
 * flatters it).
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { writeGeneratedCsv } from './generated-csv.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};

const FIRST = ['Maria', 'John', 'Aiko', 'Zoë', 'Oluwaseun', 'Søren', 'Jean-Luc', 'Priya', 'Mateo', 'Ngozi'];
const LAST = ['Lopez', 'Smith', 'Tanaka', 'Müller', 'Adeyemi', 'Kierkegaard', 'Picard', 'Sharma', 'García', 'Okafor'];
const CITY = ['London', 'New York', 'Lagos', 'Tokyo', 'São Paulo', 'Berlin', 'Madrid', 'Mumbai'];
const STATUS = ['active', 'closed', 'pending', 'refunded'];

/** One row of short cells (~110 bytes): id, name, e-mail, phone, city, date, amount, status, IP. */
function row(i: number, r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const first = pick(FIRST);
  const last = pick(LAST);
  const email = `${first.toLowerCase().replace(/[^a-z]/g, '')}.${last.toLowerCase().replace(/[^a-z]/g, '')}${i % 97}@example.com`;
  const phone = `+1 212-555-${String(1000 + (i % 9000)).padStart(4, '0')}`;
  const date = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const ip = `10.${i % 256}.${(i * 7) % 256}.${(i * 13) % 254 + 1}`;
  return `${i},${first} ${last},${email},${phone},${pick(CITY)},${date},${(r() * 1000).toFixed(2)},${pick(STATUS)},${ip}\n`;
}

function generate(path: string, bytes: number): Promise<void> {
  return writeGeneratedCsv(path, bytes, { header: 'id,name,email,phone,city,date,amount,status,ip\n', row, seed: 7 }, 200_000);
}

/** The peer: redact-pii over every line of the file, as strings. */
async function peer(input: string, output: string): Promise<void> {
  const { SyncRedactor } = await import('redact-pii');
  const redactor = new SyncRedactor();
  const out = createWriteStream(output);
  for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
    if (!out.write(`${redactor.redact(line)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

interface Measured {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  ok: boolean;
}

async function measure(cmd: string, cmdArgs: string[]): Promise<Measured> {
  const child = spawn('/usr/bin/time', ['-v', cmd, ...cmdArgs], { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  const t0 = performance.now();
  const [code] = (await once(child, 'close')) as [number];
  const seconds = (performance.now() - t0) / 1000;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  if (code !== 0) process.stderr.write(stderr.split('\n').slice(-25).join('\n'));
  const cpu = ['User', 'System'].reduce((sum, k) => sum + Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? NaN), 0);
  return { seconds, cpuSeconds: cpu, peakRssMb: m ? Number(m[1]) / 1024 : NaN, ok: code === 0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  if (args[0] === '--peer') return peer(args[1]!, args[2]!);
  const mb = Number(arg('mb', '20'));
  const runs = Number(arg('runs', '3'));
  const workers = arg('workers', '1').split(',').map(Number);
  const dir = join(tmpdir(), 'pii-local-load');
  await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
  const input = join(dir, `short-cells-${mb}mb.csv`);
  await generate(input, mb * 1_000_000);
  const sizeMb = statSync(input).size / 1_000_000;
  const cli = join(ROOT, arg('cli', join('bin', 'pii-local.js')));
  if (!existsSync(join(ROOT, 'dist', 'cli.js')) && !args.includes('--cli')) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const output = join(dir, 'out-file-speed.csv');
  const rows: Array<[string, Measured[]]> = [];
  for (const w of workers) {
    const ms: Measured[] = [];
    for (let r = 0; r < runs; r++) {
      ms.push(await measure(process.execPath, [cli, 'redact', '--input', input, '--output', output, '--method', 'heuristics', '--workers', String(w)]));
      process.stderr.write(`  cli --workers ${w} run ${r + 1}: ${(sizeMb / ms.at(-1)!.seconds).toFixed(2)} MB/s\n`);
    }
    rows.push([`pii-local redact --method heuristics --workers ${w}`, ms]);
  }
  if (!args.includes('--no-peer')) {
    const ms: Measured[] = [];
    for (let r = 0; r < runs; r++) {
      ms.push(await measure(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--peer', input, output]));
      process.stderr.write(`  redact-pii run ${r + 1}: ${(sizeMb / ms.at(-1)!.seconds).toFixed(2)} MB/s\n`);
    }
    rows.push(['redact-pii SyncRedactor, line by line', ms]);
  }
  rmSync(output, { force: true });
  console.log(`\ninput: ${sizeMb.toFixed(1)} MB CSV of short cells, ${runs} run(s) each, medians`);
  console.log('path | wall s | MB/s | CPU s | MB per CPU s | peak RSS MB | ok');
  for (const [name, ms] of rows) {
    const s = median(ms.map((m) => m.seconds));
    const cpu = median(ms.map((m) => m.cpuSeconds));
    console.log(`${name} | ${s.toFixed(1)} | ${(sizeMb / s).toFixed(2)} | ${cpu.toFixed(1)} | ${(sizeMb / cpu).toFixed(2)} | ${Math.max(...ms.map((m) => m.peakRssMb)).toFixed(0)} | ${ms.every((m) => m.ok)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
