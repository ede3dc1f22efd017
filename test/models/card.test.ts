/**
 * The bundled model's card must state the numbers of its own evaluation: write_card.py renders
 * README.md from eval.json, and this test fails when either is edited by hand or left stale
 * after a rebuild.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Prf { p: number; r: number; f1: number; support: number }
type SetReport = Record<string, unknown> & { n: number };

const DIR = join(import.meta.dirname, '..', '..', 'models', 'pii-local-small');
const card = readFileSync(join(DIR, 'README.md'), 'utf8');
const report = JSON.parse(readFileSync(join(DIR, 'eval.json'), 'utf8')) as Record<string, SetReport>;
const sets = Object.entries(report).filter(([name]) => !name.startsWith('_'));

const isPrf = (v: unknown): v is Prf => typeof v === 'object' && v !== null && 'f1' in v;

describe('pii-local-small model card', () => {
  it('has an evaluation of every held-out set', () => {
    expect(sets.map(([name]) => name)).toEqual(expect.arrayContaining(['btc', 'wikigold', 'synthetic_test']));
  });

  it.each(sets)('states every P/R/F1 row of %s as eval.json has it', (name, rep) => {
    const rows = Object.entries(rep).filter((e): e is [string, Prf] => isPrf(e[1]));
    expect(rows.length).toBeGreaterThan(0);
    for (const [label, m] of rows) {
      const row = `| ${name} | ${rep.n} | ${label} | ${m.p.toFixed(3)} | ${m.r.toFixed(3)} | ${m.f1.toFixed(3)} | ${m.support} |`;
      expect(card, row).toContain(row);
    }
  });

  it('bakes into the graph the thresholds eval.json chose: one shared, and each per-label one as an offset on top', () => {
    const meta = (report as unknown as { _meta: { threshold: number; label_thresholds?: Record<string, number> } })._meta;
    const config = JSON.parse(readFileSync(join(DIR, 'gliner_config.json'), 'utf8')) as {
      score_calibration?: { logit_offset: number; label_logit_offsets?: Record<string, number> };
    };
    const logit = (p: number): number => Math.log(p / (1 - p));
    const library = 0.3; // the engine's default threshold
    expect(config.score_calibration?.logit_offset ?? 0).toBeCloseTo(logit(library) - logit(meta.threshold), 5);
    const perLabel = meta.label_thresholds ?? {};
    const offsets = config.score_calibration?.label_logit_offsets ?? {};
    expect(Object.keys(offsets).sort()).toEqual(Object.keys(perLabel).sort());
    for (const [label, t] of Object.entries(perLabel)) {
      expect(offsets[label], label).toBeCloseTo(logit(meta.threshold) - logit(t), 5);
      expect(card).toContain(`\`${label}\` (decides as ${t})`);
    }
  });

  it('states the synthetic found / left-alone shares as eval.json has them', () => {
    const syn = report.synthetic_test as Record<string, unknown>;
    expect(card).toContain(`together: **${String(syn.found_overlap_core5)}**`);
    expect(card).toContain(`left alone: **${String(syn.non_pii_words_left_alone)}**`);
  });
});
