import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECOGNIZERS, recognize } from '../../src/recognizers/registry.js';
import { scan } from '../../src/recognizers/scan.js';

/**
 * `needsDigit` lets `recognize` skip a recognizer on text without an ASCII digit. The claim is held
 * here: searched anyway, such a recognizer finds nothing in text without one, whatever the text
 * (dates in words, vanity phone numbers, full-width or Arabic-Indic digits, separators alone).
 */
const skipping = RECOGNIZERS.filter((r) => r.needsDigit === true);

const noDigits = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abcjanfebmaydecJANMayoctpmam ()-+./:,#x@０１２３٠١٢३'.split('')), maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/\d/g, '')),
  fc.constantFrom('January the first', 'on the third of May', 'call (555) five five five', '1-800-FLOWERS'.replace(/\d/g, 'x'), '０１２-３４５-６７８９', '(  )-( )'),
);

describe('recognizers that need a digit', () => {
  it('are the date, phone, card and US number recognizers', () => {
    expect(skipping.map((r) => r.id).sort()).toEqual(['credit-card', 'date-time', 'phone', 'us-bank-number', 'us-itin', 'us-ssn']);
  });

  it('find nothing in text without an ASCII digit, searched anyway', () => {
    fc.assert(
      fc.property(noDigits, (text) => {
        for (const r of skipping) expect(scan(r, text, { contextWindow: 5 })).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('are still searched in text with one', () => {
    const found = recognize('born 1984-03-02, call 212-555-0143, SSN 536-22-8741', { types: ['DATE_TIME', 'PHONE_NUMBER', 'US_SSN'] });
    expect(found.map((s) => s.label).sort()).toEqual(['DATE_TIME', 'PHONE_NUMBER', 'US_SSN']);
  });
});
