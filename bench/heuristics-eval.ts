/**
 * Per-type precision and recall of the heuristic recognizers on the labelled set built by
 * `bench/make-heuristics-eval.ts` (exact-span match: same label, same start, same end).
 *
 * Every type is asked for at once (so cross-type confusions count), spans below the threshold are
 * dropped as the engine does, and two columns are reported: the recognizers' own spans ("raw")
 * and what the engine keeps after its merge strategy ("merged").
 *
 *   npx tsx bench/heuristics-eval.ts [--threshold 0.3] [--errors]
 */
import { readFileSync } from 'node:fs';
import { mergeSpansInText } from '../src/engine/merge.js';
import { heuristicTypes, recognize } from '../src/recognizers/registry.js';
import type { Span } from '../src/types.js';

interface Sample { id: string; text: string; entities: Array<{ start: number; end: number; label: string }> }

const args = process.argv.slice(2);
const thresholdArg = args.indexOf('--threshold');
const threshold = thresholdArg >= 0 ? Number(args[thresholdArg + 1]) : 0.3;
const showErrors = args.includes('--errors');

const file = new URL('../test/fixtures/recognizers/eval.jsonl', import.meta.url);
const samples: Sample[] = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Sample);
const types = heuristicTypes({ all: true });

interface Counts { tp: number; fp: number; fn: number }
const raw = new Map<string, Counts>();
const merged = new Map<string, Counts>();
const counts = (m: Map<string, Counts>, t: string) => m.get(t) ?? (m.set(t, { tp: 0, fp: 0, fn: 0 }), m.get(t)!);
const errors: string[] = [];

function score(table: Map<string, Counts>, sample: Sample, predicted: readonly Span[], log: boolean): void {
  const key = (s: { start: number; end: number; label: string }) => `${s.label}:${s.start}:${s.end}`;
  const gold = new Set(sample.entities.map(key));
  const seen = new Set<string>();
  for (const p of predicted) {
    const k = key(p);
    if (seen.has(k)) continue;
    seen.add(k);
    if (gold.has(k)) counts(table, p.label).tp++;
    else {
      counts(table, p.label).fp++;
      if (log) errors.push(`FP ${p.label.padEnd(26)} ${p.score.toFixed(2)} ${JSON.stringify(sample.text.slice(p.start, p.end))} in ${sample.id}: ${JSON.stringify(sample.text)}`);
    }
  }
  for (const g of sample.entities) {
    if (!seen.has(key(g))) {
      counts(table, g.label).fn++;
      if (log) errors.push(`FN ${g.label.padEnd(26)}      ${JSON.stringify(sample.text.slice(g.start, g.end))} in ${sample.id}: ${JSON.stringify(sample.text)}`);
    }
  }
}

for (const sample of samples) {
  const spans = recognize(sample.text, { types }).filter((s) => s.score >= threshold);
  score(raw, sample, spans, false);
  score(merged, sample, mergeSpansInText(sample.text, spans), true);
}

const pct = (x: number) => (Number.isNaN(x) ? '   -  ' : `${(100 * x).toFixed(1).padStart(5)}%`);
const pr = (c: Counts) => [c.tp / (c.tp + c.fp), c.tp / (c.tp + c.fn)] as const;
const gold = samples.reduce((k, s) => k + s.entities.length, 0);
console.log(`heuristics eval: ${samples.length} samples, ${gold} entities, threshold ${threshold}, all ${types.length} types asked`);
console.log(`${'type'.padEnd(27)} ${'gold'.padStart(4)}   raw P   raw R | merged P merged R`);
const total = { raw: { tp: 0, fp: 0, fn: 0 }, merged: { tp: 0, fp: 0, fn: 0 } };
for (const t of types) {
  const r = counts(raw, t);
  const m = counts(merged, t);
  for (const k of ['tp', 'fp', 'fn'] as const) {
    total.raw[k] += r[k];
    total.merged[k] += m[k];
  }
  const [rp, rr] = pr(r);
  const [mp, mr] = pr(m);
  console.log(`${t.padEnd(27)} ${String(r.tp + r.fn).padStart(4)}  ${pct(rp)}  ${pct(rr)} |  ${pct(mp)}   ${pct(mr)}`);
}
const [trp, trr] = pr(total.raw);
const [tmp, tmr] = pr(total.merged);
console.log(`${'ALL (micro)'.padEnd(27)} ${String(gold).padStart(4)}  ${pct(trp)}  ${pct(trr)} |  ${pct(tmp)}   ${pct(tmr)}`);
if (showErrors) for (const e of errors) console.log(e);
