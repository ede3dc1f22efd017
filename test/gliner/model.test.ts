import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGliner, type GlinerModel } from '../../src/gliner/index.js';
import { splitWords } from '../../src/gliner/words.js';
import { openOracle, oraclePredict, oracleWindows, type OracleModel } from './reference.js';

const MODELS = join(import.meta.dirname, '..', '..', 'models');
const TINY = join(MODELS, 'fixtures', 'tiny-random');
const SMALL = join(MODELS, 'pii-local-small');
const LABELS = ['person', 'organization', 'date', 'phone number', 'email'];
const SAMPLE = 'Dear Maria Gonzalez, your appointment at St. Mary Hospital on March 3, 2024 is confirmed. Call us at +1 (415) 555-0199 or write to maria.gonzalez@example.com .';
const FILLER = 'the weather report for tomorrow says rain in the north and sun in the south while the markets stay calm after a long week of meetings about budgets and plans'.split(' ');

/** A text of `before` filler words, then `entity`, then filler up to `total` words. */
function longText(before: number, entity: string, total: number): { text: string; entityStart: number } {
  const head = Array.from({ length: before }, (_, i) => FILLER[i % FILLER.length]!).join(' ');
  const tailWords = Math.max(0, total - before - splitWords(entity).length);
  const tail = Array.from({ length: tailWords }, (_, i) => FILLER[(i + 7) % FILLER.length]!).join(' ');
  return { text: `${head} ${entity} ${tail}`, entityStart: head.length + 1 };
}

/** Places `entity` so that its word number `anchor` is the first window's last word. */
function straddling(oracle: OracleModel, entity: string, labels: readonly string[], total: number, anchor = 0): { text: string; entityStart: number; boundary: number } {
  let before = 300;
  for (let i = 0; i < 5; i++) {
    const end = oracleWindows(oracle, longText(before, entity, total).text, labels)[0]!.end;
    if (end - 1 - anchor === before) break;
    before = end - 1 - anchor;
  }
  const built = longText(before, entity, total);
  return { ...built, boundary: oracleWindows(oracle, built.text, labels)[0]!.end };
}

describe('predict on the tiny-random fixture', () => {
  let model: GlinerModel;
  let oracle: OracleModel;
  beforeAll(async () => {
    model = await loadGliner(TINY, { backend: 'wasm' });
    oracle = await openOracle(TINY, 'onnx/model.onnx');
  });
  afterAll(async () => {
    await model.dispose();
    await oracle.session.release();
  });

  it('runs a 2,000+-word text in overlapping windows and decodes them as one, with exact offsets', async () => {
    const { text, entityStart, boundary } = straddling(oracle, 'Maria Gonzalez', LABELS, 2100);
    const words = splitWords(text);
    expect(words.length).toBeGreaterThanOrEqual(2000);
    // the entity's first word is the first window's last word: it straddles the boundary
    const first = words.findIndex((w) => w.start === entityStart);
    expect(first).toBe(boundary - 1);

    const expected = await oraclePredict(oracle, text, LABELS, 0.5);
    expect(expected.windows).toBeGreaterThanOrEqual(6);
    const [got] = await model.predict([text], LABELS, { threshold: 0.5, batchSize: 1 });
    expect(got).toEqual(expected.spans);
    // nothing truncated: spans reach the last window
    expect(got!.at(-1)!.end).toBeGreaterThan(text.length - 200);
    for (const s of got!) expect(words.some((w) => w.start === s.start) && words.some((w) => w.end === s.end)).toBe(true);
  });

  it('gives the same spans whatever the batch size (rows padded to the longest)', async () => {
    const texts = [SAMPLE, 'Jean Dupont from Lyon works for Airbus.', longText(40, 'Maria Gonzalez', 500).text, 'Ship to: 1420 Oak Street, Apt 5, Springfield, IL 62704'];
    const one = await model.predict(texts, LABELS, { threshold: 0.5, batchSize: 1 });
    const eight = await model.predict(texts, LABELS, { threshold: 0.5, batchSize: 8 });
    expect(eight.map((r) => r.map((s) => [s.start, s.end, s.label]))).toEqual(one.map((r) => r.map((s) => [s.start, s.end, s.label])));
    eight.flat().forEach((s, i) => expect(Math.abs(s.score - one.flat()[i]!.score)).toBeLessThan(1e-5));
  });

  it('runs more labels than max_types in groups and decodes their union', async () => {
    const config = JSON.parse(readFileSync(join(TINY, 'gliner_config.json'), 'utf8')) as Record<string, unknown>;
    const read = (f: string) => new Uint8Array(readFileSync(join(TINY, f)));
    const grouped = await loadGliner({ config: { ...config, max_types: 2 }, tokenizer: read('tokenizer.json'), tokenizerConfig: read('tokenizer_config.json'), onnx: read('onnx/model.onnx') });
    const groupedOracle = await openOracle(TINY, 'onnx/model.onnx', { max_types: 2 });
    try {
      const [got] = await grouped.predict([SAMPLE], LABELS, { threshold: 0.5, batchSize: 1 });
      const expected = await oraclePredict(groupedOracle, SAMPLE, LABELS, 0.5);
      expect(expected.windows).toBe(3);
      expect(got).toEqual(expected.spans);
      expect(new Set(got!.map((s) => s.label)).size).toBeGreaterThan(1);
    } finally {
      await grouped.dispose();
      await groupedOracle.session.release();
    }
  });

  it('keeps scores strictly above the threshold: a span scoring exactly the threshold is dropped', async () => {
    const [spans] = await model.predict([SAMPLE], LABELS, { threshold: 0.5 });
    const top = spans!.reduce((a, b) => (b.score > a.score ? b : a));
    const ulp = 2 ** (Math.floor(Math.log2(top.score)) - 23);
    const [below] = await model.predict([SAMPLE], LABELS, { threshold: Math.fround(top.score - ulp) });
    expect(below).toContainEqual(top);
    const [at] = await model.predict([SAMPLE], LABELS, { threshold: top.score });
    expect(at).not.toContainEqual(top);
    for (const s of at!) expect(s.score).toBeGreaterThan(top.score);
  });

  it('nests spans with flatNer false and repeats ranges with multiLabel', async () => {
    const flat = (await model.predict([SAMPLE], LABELS, { threshold: 0.5 }))[0]!;
    const nested = (await model.predict([SAMPLE], LABELS, { threshold: 0.5, flatNer: false }))[0]!;
    const multi = (await model.predict([SAMPLE], LABELS, { threshold: 0.5, flatNer: false, multiLabel: true }))[0]!;
    for (let i = 1; i < flat.length; i++) expect(flat[i]!.start).toBeGreaterThanOrEqual(flat[i - 1]!.end);
    expect(nested.length).toBeGreaterThan(flat.length);
    expect(multi.length).toBeGreaterThanOrEqual(nested.length);
    const ranges = multi.map((s) => `${s.start}-${s.end}`);
    expect(new Set(ranges).size).toBeLessThan(ranges.length);
  });

  it('returns no spans for empty or blank texts and for an empty label list', async () => {
    const got = await model.predict(['', '  \r\n\t', SAMPLE], LABELS, { threshold: 0.5 });
    expect(got[0]).toEqual([]);
    expect(got[1]).toEqual([]);
    expect(got[2]!.length).toBeGreaterThan(0);
    expect(await model.predict([SAMPLE], [])).toEqual([[]]);
    expect(await model.predict([], LABELS)).toEqual([]);
  });

  it('treats repeated labels once, keeping the first position', async () => {
    const once = await model.predict([SAMPLE], LABELS, { threshold: 0.5 });
    const twice = await model.predict([SAMPLE], [...LABELS, 'person', 'date'], { threshold: 0.5 });
    expect(twice).toEqual(once);
  });

  it('reports progress per finished text, in order, ending at the total', async () => {
    const seen: [number, number][] = [];
    await model.predict([SAMPLE, '', 'Jean Dupont from Lyon.', longText(10, 'Ana', 900).text], LABELS, { batchSize: 2, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([[1, 4], [2, 4], [3, 4], [4, 4]]);
  });

  it('rejects bad options with invalid_input', async () => {
    for (const options of [{ threshold: 1.5 }, { threshold: -0.1 }, { threshold: Number.NaN }, { batchSize: 0 }, { batchSize: 2.5 }]) {
      await expect(model.predict([SAMPLE], LABELS, options)).rejects.toMatchObject({ code: 'invalid_input' });
    }
  });

  it('stops at an abort with code aborted and stays usable', async () => {
    const before = new AbortController();
    before.abort();
    await expect(model.predict([SAMPLE], LABELS, { signal: before.signal })).rejects.toMatchObject({ code: 'aborted' });

    const during = new AbortController();
    let calls = 0;
    const texts = Array.from({ length: 12 }, (_, i) => `${SAMPLE} ${i}`);
    const run = model.predict(texts, LABELS, { batchSize: 1, signal: during.signal, onProgress: () => { calls++; during.abort(); } });
    await expect(run).rejects.toMatchObject({ code: 'aborted' });
    expect(calls).toBe(1);

    const [after] = await model.predict([SAMPLE], LABELS, { threshold: 0.5 });
    expect(after!.length).toBeGreaterThan(0);
  });

  it('refuses to predict after dispose', async () => {
    const other = await loadGliner(TINY);
    await other.dispose();
    await expect(other.predict([SAMPLE], LABELS)).rejects.toMatchObject({ code: 'inference_failed' });
  });
});

// The bundled model is replaced by retraining; this check needs one that finds the golden name.
const smallGolden = JSON.parse(readFileSync(join(SMALL, 'golden.json'), 'utf8')) as { cases: { rows: { spans: { label: string; text: string }[] }[] }[] };
const smallIsTrained = smallGolden.cases[0]!.rows[0]!.spans.some((s) => s.label === 'person' && s.text.includes('Maria Gonzalez'));

describe.skipIf(!smallIsTrained)('predict on the bundled model (skipped while golden.json shows an untrained placeholder)', () => {
  it('finds a name straddling a window boundary of a 2,000-word text as it does in a short text', async () => {
    const model = await loadGliner(SMALL, { backend: 'wasm' });
    const oracle = await openOracle(SMALL, 'onnx/model_quantized.onnx');
    try {
      const short = 'Please call Maria Gonzalez about the invoice.';
      const [shortSpans] = await model.predict([short], LABELS);
      const name = shortSpans!.find((s) => s.label === 'person');
      expect(name && short.slice(name.start, name.end)).toBe('Maria Gonzalez');

      // "Maria" (word 2 of the sentence) ends the first window, "Gonzalez" starts the second
      const { text, entityStart, boundary } = straddling(oracle, short, LABELS, 2100, 2);
      const nameStart = entityStart + name!.start;
      expect(splitWords(text).findIndex((w) => w.start === nameStart)).toBe(boundary - 1);
      const [spans] = await model.predict([text], LABELS);
      expect(spans).toContainEqual(expect.objectContaining({ start: nameStart, end: nameStart + 'Maria Gonzalez'.length, label: 'person' }));
    } finally {
      await model.dispose();
      await oracle.session.release();
    }
  });
});
