import { describe, expect, it } from 'vitest';
import { validateIban } from '../../src/recognizers/iban.js';
import { found, values } from './helpers.js';

describe('IBAN_CODE', () => {
  it.each([
    'GB82WEST12345698765432',
    'GB82 WEST 1234 5698 7654 32',
    'DE89370400440532013000',
    'DE89 3704 0044 0532 0130 00',
    'FR1420041010050500013M02606',
    'NL91 ABNA 0417 1643 00',
    'BE68539007547034',
    'ES9121000418450200051332',
    'CH9300762011623852957',
    'DE89-3704-0044-0532-0130-00',
  ])('finds %s at 1.0 (mod 97 and country length)', (value) => {
    expect(found(`IBAN: ${value}.`, 'IBAN_CODE')).toEqual([{ value, score: 1 }]);
  });

  it.each([
    ['GB82WEST12345698765433'], // check digits fail
    ['GB82 WEST 1234 5698 7654 3'], // one short
    ['DE8937040044053201300'], // wrong length for DE
    ['QQ82WEST12345698765432'], // unknown country
    ['xGB82WEST12345698765432'], // glued
  ])('rejects %j', (text) => {
    expect(values(text, 'IBAN_CODE')).toEqual([]);
  });

  it('keeps an IBAN typed in lower case at 0.5 (valid only once upper-cased, as Presidio)', () => {
    expect(found('ref de89 3704 0044 0532 0130 00.', 'IBAN_CODE', { contextWindow: 0 })).toEqual([{ value: 'de89 3704 0044 0532 0130 00', score: 0.5 }]);
  });

  it('cuts a match that ran into the next group at the country length', () => {
    expect(values('BE68 5390 0754 7034 2024 was paid', 'IBAN_CODE')).toEqual(['BE68 5390 0754 7034']);
  });

  it('finds an IBAN right after something that looked like one', () => {
    expect(values('GB82 WEST DE89 3704 0044 0532 0130 00', 'IBAN_CODE')).toEqual(['DE89 3704 0044 0532 0130 00']);
  });

  it('validateIban ignores spaces', () => {
    expect(validateIban('GB82 WEST 1234 5698 7654 32')).toBe(true);
  });
});
