import { describe, expect, it } from 'vitest';
import { defaultTypes } from '../../src/engine/default-types.js';
import { createEngine, usesContextPacks } from '../../src/engine/engine.js';
import { planFor } from '../../src/engine/methods.js';

// Heuristics only: no model is loaded.
const engine = createEngine();
const method = 'heuristics' as const;
/** What the CLI and `redactFile` pass when the caller names no types. */
const defaults = (locales?: string[]) => defaultTypes(planFor(method), locales, true);

async function labels(text: string, options: { types?: string[]; locales?: string[]; contextPacks?: boolean } = {}) {
  const { types = defaults(options.locales), ...rest } = options;
  const [d] = await engine.detect([text], { method, types, ...rest });
  return d!.spans.map((s) => [text.slice(s.start, s.end), s.label]);
}

describe('context-switched packs in the engine', () => {
  it('reports a checksum-valid NHS number after "NHS number" as UK_NHS under the default types', async () => {
    expect(await labels('NHS number 943 476 5919')).toEqual([['943 476 5919', 'UK_NHS']]);
    expect(await labels('Patient, NHS no: 943 476 5919, seen today')).toEqual([['943 476 5919', 'UK_NHS']]);
  });

  it('keeps the value a PHONE_NUMBER without an NHS context word, or when its checksum fails', async () => {
    expect(await labels('Call 943 476 5919')).toEqual([['943 476 5919', 'PHONE_NUMBER']]);
    expect(await labels('NHS number 943 476 5918')).toEqual([['943 476 5918', 'PHONE_NUMBER']]);
  });

  it('leaves a caller that names its types as it was: no pack is switched on by the text', async () => {
    expect(await labels('NHS number 943 476 5919', { types: ['PHONE_NUMBER', 'EMAIL'] })).toEqual([['943 476 5919', 'PHONE_NUMBER']]);
    expect(await labels('NHS number 943 476 5919', { types: ['UK_NHS'] })).toEqual([['943 476 5919', 'UK_NHS']]);
  });

  it('follows an explicit contextPacks over the default', async () => {
    expect(await labels('NHS number 943 476 5919', { contextPacks: false })).toEqual([['943 476 5919', 'PHONE_NUMBER']]);
    expect(await labels('NHS number 943 476 5919', { types: ['PHONE_NUMBER'], contextPacks: true })).toEqual([['943 476 5919', 'UK_NHS']]);
  });

  it('switches packs on under a non-US locale too', async () => {
    expect(await labels('Steuer-ID vorhanden; NHS number 943 476 5919', { locales: ['de'] })).toEqual([['943 476 5919', 'UK_NHS']]);
  });

  it('lets the context word decide between same-shaped AU numbers valid as both ACN and TFN', async () => {
    // 100 562 249 passes both the ACN and the TFN check digit.
    expect(await labels('ACN 100 562 249')).toEqual([['100 562 249', 'AU_ACN']]);
    expect(await labels('TFN 100 562 249')).toEqual([['100 562 249', 'AU_TFN']]);
    expect(await labels('tax file number 100562249')).toEqual([['100562249', 'AU_TFN']]);
    // With the AU pack on, both report the value; the one with its context word scores higher and wins the merge.
    expect(await labels('ACN 100 562 249', { locales: ['en-AU'] })).toEqual([['100 562 249', 'AU_ACN']]);
    expect(await labels('TFN 100 562 249', { locales: ['en-AU'] })).toEqual([['100 562 249', 'AU_TFN']]);
  });

  it('does not switch the CA pack on from text: a SIN\'s Luhn check is too weak (1 number in 10 passes)', async () => {
    expect(await labels('SIN 130 692 544')).toEqual([]);
    expect(await labels('SIN 130 692 544', { locales: ['en-CA'] })).toEqual([['130 692 544', 'CA_SIN']]);
  });

  it('treats only the locale\'s default heuristic set as "no types named"', () => {
    expect(usesContextPacks(defaults(), undefined)).toBe(true);
    expect(usesContextPacks([...defaults()].reverse(), undefined)).toBe(true);
    expect(usesContextPacks(defaults().slice(1), undefined)).toBe(false);
    expect(usesContextPacks(defaults(), ['en-GB'])).toBe(false);
    expect(usesContextPacks(defaults(['en-GB']), ['en-GB'])).toBe(true);
  });
});
