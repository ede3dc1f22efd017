import { describe, expect, it } from 'vitest';
import { parseFile, serializeFile } from '../../../src/datasets/index.js';
import { ColumnOverrideError, explainPlan, resolveColumnOverrides, type ColumnPlan } from '../../../src/engine/columns/index.js';
import { knownTypes } from '../../../src/engine/default-types.js';
import { createEngine } from '../../../src/engine/engine.js';
import { redactRecords, type RedactRecordsOptions } from '../../../src/engine/redact-records.js';
import { redactTexts } from '../../../src/engine/redact-texts.js';
import { createMasker, type MaskConfig } from '../../../src/masks/index.js';
import { recognize } from '../../../src/recognizers/registry.js';
import { checkCells, readTable, TABLES } from './tables.js';

// Heuristics only: no model is loaded. Whole-cell masking needs no detector, so PERSON, address
// and location columns are masked whole even here; free text is scanned by the patterns.
const engine = createEngine();
const TYPES = ['PERSON', 'EMAIL', 'PHONE_NUMBER', 'STREET_ADDRESS', 'LOCATION', 'DATE_TIME', 'US_SSN', 'CREDIT_CARD', 'IBAN_CODE'];
const base = { method: 'heuristics', types: TYPES, maskConfig: {} } satisfies RedactRecordsOptions;

async function redact(name: string, text: string, options: Partial<RedactRecordsOptions> = {}, maskConfig: MaskConfig = {}) {
  const parsed = parseFile(name, text);
  const result = await redactRecords(engine, createMasker({ seed: 3 }), parsed, { ...base, maskConfig, ...options });
  const out = parseFile(name, serializeFile(parsed, result.masked));
  const cells = out.records.map((r) => Object.fromEntries(r.fields.map((f) => [f.key, f.text])));
  return { ...result, cells };
}

function decision(plan: ColumnPlan | undefined, column: string) {
  const d = plan?.columns.find((c) => c.column === column);
  if (!d) throw new Error(`no decision for ${column}`);
  return d;
}

describe('column plans from headers and values', () => {
  it.each(TABLES.map((t) => [t.file, t] as const))('%s: every PII cell is masked whole and every identifier kept', async (_name, table) => {
    const parsed = readTable(table.file);
    const { masked } = await redactRecords(engine, createMasker({ seed: 3 }), parsed, base);
    const checks = checkCells({ ...table, text: {} }, parsed, masked);
    expect(checks.length).toBeGreaterThan(20);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('keeps ids such as C-20417 whatever the header, and decides unnamed columns by their values', async () => {
    const csv = [
      'Ref,Contact,Col3,Mixed,Amount',
      'C-20417,ann.lee@example.com,Quarterly review went well,ann@example.com,12.50',
      'C-20418,bo.chan@example.org,Needs a call back,212-555-0143,7',
      'C-20419,N/A,,n/a,0',
      'C-20420,cy.ode@example.net,Sent the brochure,just text,990.00',
    ].join('\n');
    const { plan, cells } = await redact('t.csv', csv);
    expect(decision(plan, 'Ref')).toMatchObject({ role: 'identifier', action: 'keep', decidedBy: 'header' });
    expect(decision(plan, 'Contact')).toMatchObject({ role: 'pii', type: 'EMAIL', action: 'mask_whole', decidedBy: 'values' });
    expect(decision(plan, 'Contact').evidence).toMatchObject({ sampled: 3, placeholders: 1, votes: { EMAIL: 3 } });
    expect(decision(plan, 'Col3')).toMatchObject({ role: 'free_text', action: 'scan' });
    expect(decision(plan, 'Mixed')).toMatchObject({ role: 'free_text', action: 'scan' }); // no clear majority
    expect(decision(plan, 'Amount')).toMatchObject({ role: 'identifier', action: 'keep', decidedBy: 'values' });
    expect(cells.map((c) => c.Ref)).toEqual(['C-20417', 'C-20418', 'C-20419', 'C-20420']);
    expect(cells.map((c) => c.Contact)).toEqual(['[EMAIL]', '[EMAIL]', 'N/A', '[EMAIL]']);
    expect(cells.map((c) => c.Mixed)).toEqual(['[EMAIL]', '[PHONE_NUMBER]', 'n/a', 'just text']);
    expect(cells.map((c) => c.Amount)).toEqual(['12.50', '7', '0', '990.00']);
  });

  it('decides key-shaped columns without the model, even for a method with no patterns', async () => {
    const csv = 'Code,Total\nX-1,12.50\nX-2,7\n';
    const { plan } = await redact('t.csv', csv, { method: 'gliner', types: ['PERSON'] });
    expect(plan?.columns.map((c) => [c.column, c.role, c.decidedBy])).toEqual([['Code', 'identifier', 'header'], ['Total', 'identifier', 'values']]);
  });

  it('lets a pattern type beat an "id" header: an e-mail used as a key is still an e-mail', async () => {
    const { plan, cells } = await redact('t.csv', 'User ID,Plan\nann@example.com,gold\nbo@example.org,silver\ncy@example.net,gold\n');
    expect(decision(plan, 'User ID')).toMatchObject({ role: 'pii', type: 'EMAIL', action: 'mask_whole', decidedBy: 'values' });
    expect(cells.map((c) => c['User ID'])).toEqual(['[EMAIL]', '[EMAIL]', '[EMAIL]']);
  });

  it('masks an address whole, ZIP and city included, and a name with an apostrophe as one span', async () => {
    const csv = 'Name,Home Address\n"James O\'Connor","42 Maple Street, Springfield, IL 62704"\n';
    const { cells } = await redact('t.csv', csv);
    expect(cells).toEqual([{ Name: '[PERSON]', 'Home Address': '[STREET_ADDRESS]' }]);
  });

  it('scans a column whose type was not requested, with its header as context', async () => {
    const { plan, cells } = await redact('t.csv', 'Name,E-mail\nAnn Lee,ann@example.com\n', { types: ['EMAIL'] });
    expect(decision(plan, 'Name')).toMatchObject({ role: 'pii', type: 'PERSON', action: 'scan', context: 'name' });
    expect(decision(plan, 'Name').evidence.note).toMatch(/not requested/);
    expect(cells).toEqual([{ Name: 'Ann Lee', 'E-mail': '[EMAIL]' }]);
  });

  it('gives REPLACE one surrogate per cell value and PSEUDONYMIZE one token per cell value', async () => {
    const csv = 'Full Name,Notes\nAnn Lee,first\nBo Chan,second\nAnn Lee,third\n';
    const replaced = await redact('t.csv', csv, {}, { PERSON: 'REPLACE' });
    const names = replaced.cells.map((c) => c['Full Name']);
    expect(names[0]).toBe(names[2]);
    expect(names[0]).not.toBe(names[1]);
    expect(names).not.toContain('Ann Lee');
    const tokens = await redact('t.csv', csv, {}, { PERSON: 'PSEUDONYMIZE' });
    expect(tokens.cells.map((c) => c['Full Name'])).toEqual(['<PERSON_1>', '<PERSON_2>', '<PERSON_1>']);
  });

  it('reads JSON Lines keys and nested paths, arrays as one column', async () => {
    const jsonl = [
      JSON.stringify({ id: 'u-1', customer: { fullName: 'Ann Lee', emails: ['ann@example.com', 'a.lee@example.org'] }, note: 'ok' }),
      JSON.stringify({ id: 'u-2', customer: { fullName: 'N/A', emails: [] }, note: 'call 212-555-0143' }),
    ].join('\n');
    const { plan, cells } = await redact('t.jsonl', jsonl);
    expect(plan?.columns.map((c) => c.column)).toEqual(['id', 'customer.fullName', 'customer.emails[]', 'note']);
    expect(decision(plan, 'customer.emails[]')).toMatchObject({ type: 'EMAIL', action: 'mask_whole' });
    expect(cells).toEqual([
      { id: 'u-1', 'customer.fullName': '[PERSON]', 'customer.emails[0]': '[EMAIL]', 'customer.emails[1]': '[EMAIL]', note: 'ok' },
      { id: 'u-2', 'customer.fullName': 'N/A', note: 'call [PHONE_NUMBER]' },
    ]);
  });

  it('leaves the CLI contract {"id","text"} and TXT files as they were: no plan context for a bare text', async () => {
    const { plan } = await redact('t.jsonl', '{"id":"1","text":"mail ann@example.com"}\n');
    expect(decision(plan, 'text')).toMatchObject({ role: 'free_text', action: 'scan' });
    expect(decision(plan, 'text').context).toBeUndefined();
    expect((await redact('t.txt', 'mail ann@example.com')).plan).toBeUndefined();
  });

  it('scans every field alone with plan: false, as before', async () => {
    const { plan, cells } = await redact('t.csv', 'Full Name\nAnn Lee\n', { plan: false });
    expect(plan).toBeUndefined();
    expect(cells).toEqual([{ 'Full Name': 'Ann Lee' }]);
  });
});

describe('header as context for free-text cells', () => {
  it('scores a bare NHS number under an "NHS number" header like one written after the words', async () => {
    const value = '943 476 5919';
    const [withWords] = recognize(`NHS number ${value}`, { types: ['UK_NHS'] });
    const [bare] = recognize(value, { types: ['UK_NHS'] });
    expect(bare!.score).toBeLessThan(withWords!.score);
    const [underHeader] = await redactTexts(engine, createMasker(), [value], {
      method: 'heuristics', types: ['UK_NHS'], threshold: 0, maskConfig: {}, treatments: [{ kind: 'scan', context: 'NHS number' }],
    });
    expect(underHeader!.spans).toEqual([expect.objectContaining({ start: 0, end: value.length, label: 'UK_NHS', score: withWords!.score })]);
    expect(underHeader!.text).toBe('[UK_NHS]');
  });

  it('never masks or writes the header itself', async () => {
    const [r] = await redactTexts(engine, createMasker(), ['ok'], {
      method: 'heuristics', types: ['EMAIL'], maskConfig: {}, treatments: [{ kind: 'scan', context: 'ann@example.com' }],
    });
    expect(r).toMatchObject({ text: 'ok', spans: [] });
  });
});

describe('column overrides', () => {
  const known = knownTypes();
  const csv = 'Customer ID,Full Name,Comments\nC-1,Ann Lee,mail ann@example.com\n';

  it('keeps, scans or masks whole as the caller says, and the plan shows it', async () => {
    const overrides = resolveColumnOverrides({ 'Customer ID': 'scan', Comments: 'keep', 'Full Name': 'person' }, known, TYPES);
    const { plan, cells } = await redact('t.csv', csv, { columnOverrides: overrides });
    expect(cells).toEqual([{ 'Customer ID': 'C-1', 'Full Name': '[PERSON]', Comments: 'mail ann@example.com' }]);
    expect(plan?.columns.map((c) => [c.column, c.action, c.decidedBy])).toEqual([
      ['Customer ID', 'scan', 'override'], ['Full Name', 'mask_whole', 'override'], ['Comments', 'keep', 'override'],
    ]);
  });

  it('refuses unknown column names, naming them all', async () => {
    const overrides = resolveColumnOverrides({ 'Customer Id': 'keep', Comment: 'scan', Comments: 'scan' }, known, TYPES);
    await expect(redact('t.csv', csv, { columnOverrides: overrides })).rejects.toThrow('columns names unknown column(s): "Customer Id", "Comment"');
  });

  it.each([
    [{ A: 'EMAIL_ADDRESS_X' }, 'unknown_type'],
    [{ A: 'IBAN_CODE' }, 'type_not_requested'],
    [{ A: 42 }, 'invalid_columns'],
    [['A'], 'invalid_columns'],
  ])('refuses %j (%s)', (raw, code) => {
    const call = () => resolveColumnOverrides(raw, known, ['EMAIL']);
    expect(call).toThrow(ColumnOverrideError);
    try {
      call();
    } catch (error) {
      expect((error as ColumnOverrideError).code).toBe(code);
    }
  });
});

describe('explainPlan', () => {
  it('prints column → role/type with the evidence, and never a cell', async () => {
    const csv = 'Customer ID,Full Name,Contact,Comments\nC-1,Ann Lee,ann@example.com,secret words\nC-2,Bo Chan,bo@example.com,N/A\n';
    const { plan } = await redact('t.csv', csv);
    const lines = explainPlan(plan!);
    expect(lines).toEqual([
      'Customer ID → identifier, kept (header "id"; values: id-like 2/2)',
      'Full Name → PERSON, masked whole (header "full name")',
      'Contact → EMAIL, masked whole (header "contact"; values: EMAIL 2/2, id-like 0/2)',
      'Comments → free text, scanned with context "comments" (header "comments"; 1 empty/placeholder)',
    ]);
    for (const secret of ['C-1', 'Ann Lee', 'ann@example.com', 'secret words']) expect(lines.join('\n')).not.toContain(secret);
  });
});
