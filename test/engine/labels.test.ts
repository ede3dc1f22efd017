import { describe, expect, it } from 'vitest';
import { canonicalType, promptFor, resolveTypes } from '../../src/engine/labels.js';

const known = new Set(['PERSON', 'EMAIL', 'PHONE_NUMBER', 'LOCATION', 'STREET_ADDRESS', 'US_SSN', 'IBAN_CODE', 'CREDIT_CARD', 'DATE_TIME']);

describe('canonicalType', () => {
  it.each([
    ['PERSON', 'PERSON'],
    ['EMAIL_ADDRESS', 'EMAIL'], // Presidio
    ['PERSON_NAME', 'PERSON'], // Google DLP
    ['NAME', 'PERSON'], // AWS Comprehend
    ['first_name', 'PERSON'], // anonymization runs
    ['email', 'EMAIL'],
    ['phone_number', 'PHONE_NUMBER'],
    ['street_address', 'STREET_ADDRESS'],
    ['US_SOCIAL_SECURITY_NUMBER', 'US_SSN'],
    ['CREDIT_DEBIT_NUMBER', 'CREDIT_CARD'],
    ['date of birth', 'DATE_TIME'],
  ])('maps %s to %s', (alias, canonical) => {
    expect(canonicalType(alias, known)).toBe(canonical);
  });

  it('returns undefined for names it does not know', () => {
    expect(canonicalType('FAVOURITE_COLOUR', known)).toBeUndefined();
  });
});

describe('resolveTypes', () => {
  it('keeps the first spelling the caller used for each canonical type', () => {
    const r = resolveTypes(['first_name', 'last_name', 'email'], known);
    expect(r.canonical).toEqual(['PERSON', 'EMAIL']);
    expect(r.display.get('PERSON')).toBe('first_name');
    expect(r.display.get('EMAIL')).toBe('email');
  });

  it('lists unknown names instead of dropping them', () => {
    expect(resolveTypes(['EMAIL', 'NOPE'], known).unknown).toEqual(['NOPE']);
  });
});

describe('promptFor', () => {
  it('uses natural-language wording, overridable per model', () => {
    expect(promptFor('PHONE_NUMBER')).toBe('phone number');
    expect(promptFor('PERSON', { PERSON: 'name' })).toBe('name');
    expect(promptFor('SOME_NEW_TYPE')).toBe('some new type');
  });
});
