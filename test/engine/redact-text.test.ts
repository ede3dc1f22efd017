/**
 * The one-call path: `redactText` and `redactFile` give the CLI's defaults whichever engine runs
 * them, and `engine.detect`/`redact` work without a type list.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine, type DetectOptions, type Engine } from '../../src/engine/engine.js';
import { BUNDLED_MODEL_DEFAULT_TYPES } from '../../src/engine/model-source.js';
import { redactFile } from '../../src/browser/redact-file.js';
import { redactText, redactTextWithReport } from '../../src/simple/redact-text.js';
import { releaseDefaultEngine } from '../../src/simple/request.js';
import { EngineError } from '../../src/engine/errors.js';

const MODEL = join(import.meta.dirname, '..', '..', 'models', 'pii-local-small');
const TEXT = 'Hi, my name is Ana Silva; write to ana.silva@example.org or call 415-555-0199. The invoice is attached.';

/** A real engine that records the types each detect call asked for. */
function recording(inner: Engine): Engine & { asked: (readonly string[] | undefined)[] } {
  const asked: (readonly string[] | undefined)[] = [];
  return {
    ...inner,
    get bundledModel() {
      return inner.bundledModel;
    },
    get hasLlm() {
      return inner.hasLlm;
    },
    detect(texts: readonly string[], options: DetectOptions) {
      asked.push(options.types);
      return inner.detect(texts, options);
    },
    asked,
  };
}

const engines: Engine[] = [];
afterAll(async () => {
  await Promise.all(engines.map((e) => e.dispose()));
  await releaseDefaultEngine();
});

describe('redactText', () => {
  it('masks a string with the bundled model and the heuristics, leaving ordinary words', async () => {
    const out = await redactText(TEXT);
    expect(out).toContain('[EMAIL]');
    expect(out).toContain('[PHONE_NUMBER]');
    expect(out).toContain('[PERSON]');
    expect(out).not.toMatch(/Ana|Silva|ana\.silva|555/);
    expect(out).toMatch(/^Hi, my name is \[PERSON\]; write to \[EMAIL\] or call \[PHONE_NUMBER\]\. The invoice is attached\.$/);
  }, 60_000);

  it('reports the entities in the caller spelling and applies the mask config', async () => {
    const report = await redactTextWithReport(TEXT, { types: ['EMAIL_ADDRESS', 'PHONE_NUMBER'], maskConfig: { EMAIL_ADDRESS: 'PSEUDONYMIZE' }, method: 'heuristics' });
    expect(report.text).toContain('<EMAIL_ADDRESS_1>');
    expect(report.text).toContain('Ana Silva'); // PERSON was not asked for
    expect(report.entities.map((e) => e.label).sort()).toEqual(['EMAIL_ADDRESS', 'PHONE_NUMBER']);
    expect(Object.values(report.pseudonymMap)).toContain('ana.silva@example.org');
  });

  it('asks a passed engine running the bundled model for the bundled defaults, as without one', async () => {
    const engine = recording(createEngine());
    engines.push(engine);
    expect(engine.bundledModel).toBe(true);
    const withEngine = await redactText(TEXT, { engine });
    expect(withEngine).toBe(await redactText(TEXT));
    const modelTypes = engine.asked[0]!.filter((t) => !engine.supportedTypes().heuristics.includes(t) || BUNDLED_MODEL_DEFAULT_TYPES.includes(t));
    for (const t of ['PASSWORD']) expect(engine.asked[0]).not.toContain(t);
    for (const t of BUNDLED_MODEL_DEFAULT_TYPES) expect(modelTypes).toContain(t);
  }, 60_000);

  it('asks an engine running a caller-named model for every free-text type', async () => {
    const engine = recording(createEngine({ model: MODEL }));
    engines.push(engine);
    expect(engine.bundledModel).toBe(false);
    await redactText('Nothing here.', { engine });
    expect(engine.asked[0]).toContain('PASSWORD');
  }, 60_000);

  it('redactFile with a passed engine writes what it writes without one', async () => {
    const engine = createEngine();
    engines.push(engine);
    const csv = 'name,note\nAna Silva,Hi there\nBob Roe,"Mail bob@example.com, thanks"\n';
    const file = () => new File([csv], 'notes.csv', { type: 'text/csv' });
    const a = await (await redactFile(file(), { engine })).text();
    const b = await (await redactFile(file())).text();
    expect(a).toBe(b);
    expect(a.split('\n')[1]).toBe('[PERSON],Hi there');
  }, 60_000);

  it('lets engine.detect and engine.redact run without a type list', async () => {
    const engine = createEngine();
    engines.push(engine);
    const [d] = await engine.detect([TEXT], { method: 'heuristics' });
    expect(d!.spans.map((s) => s.label).sort()).toEqual(['EMAIL', 'PHONE_NUMBER']);
    const { samples } = await engine.redact([TEXT], { method: 'gliner+heuristics' });
    expect(samples[0]!.text).toBe(await redactText(TEXT));
  }, 60_000);

  it('refuses what is not a string, without echoing it', async () => {
    const err = await redactText(42 as unknown as string).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('invalid_input');
    await expect(redactText(TEXT, { types: ['PERSN'] })).rejects.toThrow(/unknown type\(s\): PERSN/);
  });
});
