/**
 * Our own tables for column understanding (`test/fixtures/columns/`), written apart from the code
 * they test: varied headers and languages, messy values (empty cells, N/A, placeholders, nested
 * JSON paths, arrays). Each says, cell by cell, what a person redacting it would expect.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile, type ParsedFile } from '../../../src/datasets/index.js';

export interface TableCase {
  file: string;
  /** Column → the type tag every non-empty, non-placeholder cell must become (REDACT). */
  whole: Record<string, string>;
  /** Columns whose cells must come out unchanged (identifiers). */
  keep: string[];
  /** Free-text column → per row: name words that must be gone, ordinary words that must stay. */
  text: Record<string, Array<{ gone: string[]; kept: string[] }>>;
}

/** Cells with no value: they must come out unchanged even in a column masked whole. */
export const EMPTY_VALUES = new Set(['', 'N/A', 'n/a', '-', 'unknown', 'keine Angabe', 'k.A.']);

export const TABLES: readonly TableCase[] = [
  {
    file: 'customers.csv',
    whole: { 'Full Name': 'PERSON', 'E-mail': 'EMAIL', Mobile: 'PHONE_NUMBER', 'Home Address': 'STREET_ADDRESS', 'Date of Birth': 'DATE_TIME', SSN: 'US_SSN' },
    keep: ['Customer ID'],
    text: {
      Comments: [
        { gone: [], kept: ['Prefers', 'email', 'Renewed', 'annual', 'plan'] },
        { gone: ['David', 'Gonzalez'], kept: ['Asked', 'paper', 'invoice', 'husband', 'also', 'calls'] },
        { gone: [], kept: ['No', 'answer', 'first', 'call', 'left', 'voicemail'] },
        { gone: [], kept: ['Payment', 'received', 'time'] },
        { gone: ['Linda', 'Park'], kept: ['Referred', 'from', 'downtown', 'branch'] },
        { gone: [], kept: [] },
        { gone: [], kept: ['Moved', 'abroad', 'keep', 'account', 'open'] },
        { gone: [], kept: ['Wants', 'newsletter'] },
        { gone: ['Kevin', 'Brooks'], kept: ['Complained', 'late', 'delivery', 'Spoke'] },
        { gone: [], kept: ['Student', 'discount', 'applied'] },
        { gone: [], kept: ['Upgraded', 'premium', 'tier'] },
        { gone: ['Anna', 'Raman'], kept: ['manages', 'account'] },
        { gone: [], kept: ['Requested', 'refund', 'damaged', 'order'] },
        { gone: [], kept: ['Called', 'twice', 'shipping'] },
        { gone: [], kept: ['Account', 'closed', 'request'] },
      ],
    },
  },
  {
    file: 'clientes.csv',
    whole: {
      'Nombre completo': 'PERSON', 'Correo electrónico': 'EMAIL', 'Teléfono móvil': 'PHONE_NUMBER', Dirección: 'STREET_ADDRESS',
      'Código postal': 'LOCATION', 'Fecha de nacimiento': 'DATE_TIME',
    },
    keep: ['Nº cliente'],
    text: {
      Observaciones: [
        { gone: [], kept: ['Cliente', 'Prefiere', 'factura', 'papel'] },
        { gone: [], kept: ['Llamar', 'tarde'] },
        { gone: ['Pablo', 'Ruiz'], kept: ['hermano', 'cliente'] },
        { gone: [], kept: ['Pago', 'pendiente'] },
        { gone: [], kept: [] },
        { gone: [], kept: ['Devolución', 'aceptada'] },
        { gone: [], kept: ['Quiere', 'recibir', 'boletín'] },
        { gone: ['Marta', 'Díaz'], kept: ['Habló', 'sobre', 'envío'] },
      ],
    },
  },
  {
    file: 'kunden.csv',
    whole: { Vorname: 'PERSON', Nachname: 'PERSON', 'E-Mail': 'EMAIL', Telefon: 'PHONE_NUMBER', Straße: 'STREET_ADDRESS', PLZ: 'LOCATION', Ort: 'LOCATION', Geburtsdatum: 'DATE_TIME' },
    keep: ['Kundennummer'],
    text: {
      Bemerkungen: [
        { gone: [], kept: ['Rückruf', 'erwünscht'] },
        { gone: [], kept: ['Zahlt', 'Lastschrift'] },
        { gone: ['Klaus', 'Weber'], kept: ['telefoniert'] },
        { gone: [], kept: ['Neue', 'Adresse', 'Mai'] },
        { gone: [], kept: [] },
        { gone: [], kept: ['Bestellung', 'storniert'] },
      ],
    },
  },
  {
    file: 'members.jsonl',
    whole: {
      'person.firstName': 'PERSON', 'person.lastName': 'PERSON', 'contact.email': 'EMAIL', 'contact.phones[]': 'PHONE_NUMBER',
      'address.street': 'STREET_ADDRESS', 'address.city': 'LOCATION', 'address.zip': 'LOCATION',
    },
    keep: ['uuid'],
    text: {
      notes: [
        { gone: [], kept: ['Joined', 'loyalty', 'program', 'Asked', 'parking'] },
        { gone: ['Ethan', 'Brooks'], kept: ['Referred', 'colleague'] },
        { gone: [], kept: ['Prefers', 'text', 'messages'] },
        { gone: [], kept: [] },
        { gone: ['Sofia', 'Rodriguez'], kept: ['Gift', 'card', 'redeemed', 'sister', 'pick', 'order'] },
      ],
    },
  },
];

export function readTable(file: string): ParsedFile {
  return parseFile(file, readFileSync(join(import.meta.dirname, '../../fixtures/columns', file)));
}

export interface CellCheck {
  file: string;
  record: number;
  column: string;
  ok: boolean;
  /** What was expected, for a failure message (the fixture's own words, never a secret). */
  expected: string;
  got: string;
}

const wordIn = (text: string, word: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(text);

/** Checks every cell of the table's checked columns: whole-masked, unchanged, or names gone and words kept. */
export function checkCells(table: TableCase, parsed: ParsedFile, masked: ReadonlyMap<number, Array<{ key: string; text: string }>>): CellCheck[] {
  const checks: CellCheck[] = [];
  const columnOf = (key: string) => (parsed.format === 'csv' ? key : key.replace(/\[\d+\]/g, '[]'));
  for (const record of parsed.records) {
    const out = new Map((masked.get(record.index) ?? []).map((f) => [f.key, f.text] as const));
    for (const field of record.fields) {
      const column = columnOf(field.key);
      const got = out.get(field.key) ?? field.text;
      const base = { file: table.file, record: record.index, column, got };
      const type = table.whole[column];
      if (type !== undefined) {
        const expected = EMPTY_VALUES.has(field.text.trim()) ? field.text : `[${type}]`;
        checks.push({ ...base, ok: got === expected, expected });
      } else if (table.keep.includes(column)) {
        checks.push({ ...base, ok: got === field.text, expected: field.text });
      } else if (table.text[column]) {
        const want = table.text[column]![record.index]!;
        const ok = want.gone.every((w) => !wordIn(got, w)) && want.kept.every((w) => wordIn(got, w));
        checks.push({ ...base, ok, expected: `gone ${want.gone.join(' ')}; kept ${want.kept.join(' ')}` });
      }
    }
  }
  return checks;
}
