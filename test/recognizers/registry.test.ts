import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Recognizer } from '../../src/recognizers/recognizer.js';
import { heuristicTypes, packsFor, recognize, RECOGNIZERS } from '../../src/recognizers/registry.js';

const GLOBAL = ['EMAIL', 'PHONE_NUMBER', 'CREDIT_CARD', 'IBAN_CODE', 'IP_ADDRESS', 'URL', 'MAC_ADDRESS', 'CRYPTO', 'DATE_TIME'];

describe('registry', () => {
  it('lists every recognizer exported from src/recognizers/ (a new file cannot be forgotten)', async () => {
    const dir = new URL('../../src/recognizers/', import.meta.url);
    const listed = new Set<Recognizer>(RECOGNIZERS);
    // Country packs keep one recognizer per file under src/recognizers/<pack>/.
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
      const mod = (await import(new URL(file, dir).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        const looksLikeRecognizer = typeof value === 'object' && value !== null && 'id' in value && 'type' in value && 'pack' in value;
        if (looksLikeRecognizer) expect(listed.has(value as Recognizer), `${file}: ${name} missing from RECOGNIZERS`).toBe(true);
      }
    }
  });

  it('has unique ids, one canonical type each, and valid base scores', () => {
    expect(new Set(RECOGNIZERS.map((r) => r.id)).size).toBe(RECOGNIZERS.length);
    for (const r of RECOGNIZERS) {
      expect(r.type).toMatch(/^[A-Z][A-Z0-9_]+$/);
      for (const p of r.patterns) {
        expect(p.regex.flags).toContain('g');
        expect(p.score).toBeGreaterThan(0);
        expect(p.score).toBeLessThanOrEqual(1);
      }
    }
  });

  it('defaults to the global types plus the US pack (no locale = en-US)', () => {
    const types = heuristicTypes();
    for (const t of GLOBAL) expect(types).toContain(t);
    expect(types).toContain('US_SSN');
    expect(types).not.toContain('UK_NHS');
    expect(types).not.toContain('ABA_ROUTING_NUMBER'); // off by default: weak checksum
  });

  it.each([
    [['en-GB'], ['UK_NHS', 'UK_NINO', 'UK_POSTCODE'], ['US_SSN', 'ES_NIF']],
    [['es'], ['ES_NIF', 'ES_NIE'], ['US_SSN', 'UK_NHS']],
    [['es-ES', 'it'], ['ES_NIF', 'IT_FISCAL_CODE'], ['US_SSN']],
    [['en-AU'], ['AU_ABN', 'AU_TFN', 'AU_MEDICARE', 'AU_ACN'], ['US_SSN']],
    [['en_IN'], ['IN_AADHAAR', 'IN_PAN'], []],
    [['sv-SE', 'fi', 'pl', 'de', 'tr', 'ko'], ['SE_PERSONAL_NUMBER', 'FI_PERSONAL_IDENTITY_CODE', 'PL_PESEL', 'DE_TAX_ID', 'TR_NATIONAL_ID', 'KR_RRN'], ['US_SSN']],
    [['en-US'], ['US_SSN', 'MEDICAL_LICENSE'], ['UK_NHS', 'US_MBI', 'US_NPI']],
    [['en-NG'], ['NG_NIN', 'NG_VEHICLE_REGISTRATION'], ['US_SSN']],
    [['th'], ['TH_TNIN'], ['US_SSN']],
    [['en-PH', 'fil'], ['PH_TIN'], ['US_SSN']],
    [['de-DE'], ['DE_TAX_NUMBER', 'DE_PASSPORT', 'DE_SOCIAL_SECURITY', 'DE_HEALTH_INSURANCE', 'DE_KFZ', 'DE_HANDELSREGISTER', 'DE_PLZ', 'DE_LANR', 'DE_BSNR', 'DE_VAT_ID', 'DE_FUEHRERSCHEIN'], ['US_SSN', 'NG_NIN']],
    [['en-GB'], ['UK_DRIVING_LICENCE', 'UK_PASSPORT', 'UK_VEHICLE_REGISTRATION'], ['DE_KFZ']],
  ])('locales %j switch on their packs', (locales, on, off) => {
    const types = heuristicTypes({ locales });
    for (const t of [...GLOBAL, ...on]) expect(types).toContain(t);
    for (const t of off) expect(types).not.toContain(t);
  });

  it('all: true lists every type, including packs that are off', () => {
    const all = heuristicTypes({ all: true });
    expect(all).toEqual([...new Set(RECOGNIZERS.map((r) => r.type))]);
    expect(all).toContain('ABA_ROUTING_NUMBER');
    expect(all).toContain('ZA_ID_NUMBER');
  });

  it('packsFor ignores malformed locales', () => {
    expect([...packsFor(['', 'xx-YY', '-'])].sort()).toEqual(['global']);
  });

  it('naming a type runs its recognizer whatever the locale', () => {
    const spans = recognize('NHS 943 476 5919', { types: ['UK_NHS'], locales: ['en-US'] });
    expect(spans.map((s) => s.label)).toEqual(['UK_NHS']);
  });

  it('accepts aliases in types and reports the canonical label', () => {
    expect(recognize('mail a@example.com', { types: ['EMAIL_ADDRESS'] }).map((s) => s.label)).toEqual(['EMAIL']);
  });

  it('without types, runs the default set for the locales', () => {
    // No NHS context word here: see the next test for a pack switched on by the text.
    const text = 'ref 943 476 5919, SSN 536-22-8741';
    expect(recognize(text).map((s) => s.label)).toContain('US_SSN');
    expect(recognize(text).map((s) => s.label)).not.toContain('UK_NHS');
    expect(recognize(text, { locales: ['en-GB'] }).map((s) => s.label)).toContain('UK_NHS');
  });

  it('returns spans sorted by start with heuristics:<id> sources and no duplicates per recognizer', () => {
    const text = 'mail a@example.com, call 212-555-0143 on 2024-01-15 from 192.168.0.1; card 4111 1111 1111 1111';
    const spans = recognize(text);
    expect(spans.map((s) => s.start)).toEqual([...spans.map((s) => s.start)].sort((a, b) => a - b));
    for (const s of spans) expect(s.source).toMatch(/^heuristics:[a-z0-9-]+$/);
    const keys = spans.map((s) => `${s.source}:${s.start}:${s.end}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('returns nothing for empty text, unknown types or an empty type list', () => {
    expect(recognize('')).toEqual([]);
    expect(recognize('a@example.com', { types: ['NOPE'] })).toEqual([]);
    expect(recognize('a@example.com', { types: [] })).toEqual([]);
  });

  it('lets a context word switch an off pack on for a checksum-valid value (no types named)', () => {
    const spans = recognize('NHS number 943 476 5919');
    const nhs = spans.find((s) => s.label === 'UK_NHS');
    expect(nhs?.score).toBe(1);
    for (const s of spans) if (s.label !== 'UK_NHS') expect(s.score).toBeLessThan(1);
  });

  it.each([
    ['NHS number 943 476 5918', 'UK_NHS'], // checksum fails
    ['ref 943 476 5919', 'UK_NHS'], // no context word
    ['national insurance number AB 12 34 56 C', 'UK_NINO'], // pattern only: context alone is too weak
    ['Steuer-ID 86 095 742 719', 'US_SSN'], // unrelated
  ])('does not switch a pack on for %j', (text, label) => {
    expect(recognize(text).map((s) => s.label)).not.toContain(label);
  });

  it('switches no pack on when types are named or contextPacks is false', () => {
    expect(recognize('NHS number 943 476 5919', { types: ['PHONE_NUMBER'] }).map((s) => s.label)).not.toContain('UK_NHS');
    expect(recognize('NHS number 943 476 5919', { contextPacks: false }).map((s) => s.label)).not.toContain('UK_NHS');
    expect(recognize('Steuer-ID 86 095 742 719').map((s) => s.label)).toContain('DE_TAX_ID');
  });

  it.each([
    ['GERMANY_PASSPORT', 'DE_PASSPORT'],
    ['DE_KVNR', 'DE_HEALTH_INSURANCE'],
    ['UK_DRIVERS_LICENSE_NUMBER', 'UK_DRIVING_LICENCE'],
    ['INDIA_GST_INDIVIDUAL', 'IN_GSTIN'],
    ['US_HEALTHCARE_NPI', 'US_NPI'],
    ['THAILAND_NATIONAL_ID_NUMBER', 'TH_TNIN'],
  ])('accepts the alias %s for %s', (alias, canonical) => {
    expect(heuristicTypes({ all: true })).toContain(canonical);
    expect(recognize('x', { types: [alias] })).toEqual([]); // known: no throw, nothing found
  });

  it('lets the stronger validator keep a value two German types can read (ICAO 1.0 over KVNR 0.7)', () => {
    const spans = recognize('Ausweis T220001293', { locales: ['de'] }).filter((s) => s.start === 8 && s.end === 18);
    const byLabel = Object.fromEntries(spans.map((s) => [s.label, s.score]));
    expect(byLabel['DE_ID_CARD']).toBe(1);
    expect(byLabel['DE_HEALTH_INSURANCE'] ?? 0).toBeLessThan(1);
  });

  it('keeps a bare nine-digit number low for both LANR and BSNR until a context word names one', () => {
    const bare = recognize('Nr. 721234567', { locales: ['de'] }).filter((s) => s.label === 'DE_LANR' || s.label === 'DE_BSNR');
    for (const s of bare) expect(s.score).toBeLessThan(0.4);
    const named = recognize('BSNR 721234567', { locales: ['de'] });
    const bsnr = named.find((s) => s.label === 'DE_BSNR')?.score ?? 0;
    for (const s of named.filter((x) => x.label === 'DE_LANR')) expect(s.score).toBeLessThan(bsnr);
  });

  it('treats a nonsensical contextWindow as the default', () => {
    const a = recognize('SSN 536228741', { types: ['US_SSN'], contextWindow: Number.NaN });
    expect(a[0]?.score).toBeCloseTo(0.4);
  });
});
