/**
 * Cold start in Node, from process start to the first result, median of `--runs` fresh processes:
 * - `cli`: `pii-local redact` on a one-line file with the default method (the bundled model), wall
 *   time of the whole process as a user sees it;
 * - `stages`: a fresh process importing the package's Node build (`dist/node.js`), per stage: module
 *   load (process start → import done), the model's load stages (runtime start, ONNX read, tokenizer,
 *   session; they overlap), the first `redactText`, and the total.
 * Needs `npm run build`. The target (issue 16): ≤ 2 s for the CLI on an idle machine.
 *
 *   npx tsx bench/cold-start.bench.ts [--runs 5]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const i = process.argv.indexOf('--runs');
const runs = i >= 0 ? Number(process.argv[i + 1]) : 5;
if (!existsSync(join(ROOT, 'dist', 'node.js'))) throw new Error('dist/ is missing: run `npm run build` first');

const dir = mkdtempSync(join(tmpdir(), 'pii-cold-'));
const input = join(dir, 'note.txt');
writeFileSync(input, 'Hi, my name is Ana Silva; call me on 415-555-0199.\n');

// What runs in the fresh process: times relative to its start (performance.timeOrigin).
const probe = `
const t0 = performance.now();
const { createEngine, redactText } = await import(${JSON.stringify(join(ROOT, 'dist', 'node.js'))});
const imported = performance.now();
const engine = createEngine();
const model = await engine.ready();
const ready = performance.now();
await redactText('Hi, my name is Ana Silva; call me on 415-555-0199.', { engine });
const first = performance.now();
await engine.dispose();
console.log(JSON.stringify({ module_ms: imported, ...model.loadTimings, load_ms: ready - imported, first_run_ms: first - ready, total_ms: first }));
`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const cli: number[] = [];
const stages: Record<string, number>[] = [];
for (let r = 0; r < runs; r++) {
  const t = performance.now();
  const res = spawnSync(process.execPath, [join(ROOT, 'bin', 'pii-local.js'), 'redact', '--input', input, '--output', join(dir, 'out.txt')], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`pii-local exited ${res.status}: ${res.stderr.slice(-300)}`);
  cli.push(performance.now() - t);
  stages.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' })) as Record<string, number>);
}
rmSync(dir, { recursive: true, force: true });

console.log(`Node ${process.versions.node}, median of ${runs} fresh processes (ms)`);
console.table({ 'pii-local redact, one line (whole process)': { ms: Math.round(median(cli)) } });
const keys = Object.keys(stages[0]!);
console.table(Object.fromEntries(keys.map((k) => [k, { ms: Math.round(median(stages.map((s) => s[k]!))) }])));
