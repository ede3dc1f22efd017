import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { redactTexts } from '../../src/engine/redact-texts.js';
import { createMasker } from '../../src/masks/index.js';

/** The real heuristics engine, counting the texts it is asked to detect. */
function counting(): { engine: Engine; asked: string[] } {
  const inner = createEngine();
  const asked: string[] = [];
  return {
    asked,
    engine: { ...inner, detect: (texts, options) => (asked.push(...texts), inner.detect(texts, options)) },
  };
}

describe('redactTexts detects each distinct input once per batch', () => {
  it('gives repeated cells the results of their first copy, each with a span list of its own', async () => {
    const { engine, asked } = counting();
    const cells = ['mail ana@example.org', 'pending', 'mail ana@example.org', 'pending', 'mail bo@example.net', 'mail ana@example.org'];
    const out = await redactTexts(engine, createMasker({ seed: 1 }), cells, { method: 'heuristics', types: ['EMAIL'], maskConfig: { EMAIL: 'PSEUDONYMIZE' } });
    expect(asked).toEqual(['mail ana@example.org', 'pending', 'mail bo@example.net']);
    expect(out.map((o) => o.text)).toEqual(['mail <EMAIL_1>', 'pending', 'mail <EMAIL_1>', 'pending', 'mail <EMAIL_2>', 'mail <EMAIL_1>']);
    expect(out[0]!.spans).toEqual(out[2]!.spans);
    expect(out[0]!.spans).not.toBe(out[2]!.spans);
    out[2]!.spans[0]!.label = 'CHANGED';
    expect(out[0]!.spans[0]!.label).toBe('EMAIL');
  });

  it('keeps the same cell apart under different column contexts', async () => {
    const { engine, asked } = counting();
    const treatments = [
      { kind: 'scan', context: 'status' },
      { kind: 'scan', context: 'note' },
      { kind: 'scan', context: 'status' },
    ] as const;
    await redactTexts(engine, createMasker({ seed: 1 }), ['open', 'open', 'open'], { method: 'heuristics', types: ['EMAIL'], maskConfig: {}, treatments });
    expect(asked).toEqual(['status: open', 'note: open']);
  });
});
