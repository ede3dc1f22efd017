import { describe, expect, it } from 'vitest';
import { headerTypes, hintFromHeader } from '../../../src/engine/columns/index.js';
import { knownTypes } from '../../../src/engine/default-types.js';

describe('hintFromHeader', () => {
  it.each([
    // English, as ordinary spreadsheets write them
    ['Customer ID', 'identifier', undefined],
    ['Full Name', 'pii', 'PERSON'],
    ['E-mail', 'pii', 'EMAIL'],
    ['Mobile', 'pii', 'PHONE_NUMBER'],
    ['Home Address', 'pii', 'STREET_ADDRESS'],
    ['Date of Birth', 'pii', 'DATE_TIME'],
    ['SSN', 'pii', 'US_SSN'],
    ['Comments', 'free_text', undefined],
    ['ZIP', 'pii', 'LOCATION'],
    ['Postcode', 'pii', 'LOCATION'],
    ['City', 'pii', 'LOCATION'],
    ['IBAN', 'pii', 'IBAN_CODE'],
    ['uuid', 'identifier', undefined],
    ['NHS number', 'pii', 'UK_NHS'],
    ['Phone No', 'pii', 'PHONE_NUMBER'],
    ['Surname', 'pii', 'PERSON'],
    ['DOB', 'pii', 'DATE_TIME'],
    ['Birth date', 'pii', 'DATE_TIME'],
    ['notes', 'free_text', undefined],
    // keys as code writes them
    ['firstName', 'pii', 'PERSON'],
    ['date_of_birth', 'pii', 'DATE_TIME'],
    ['emailAddress', 'pii', 'EMAIL'],
    ['phones', 'pii', 'PHONE_NUMBER'],
    ['user_id', 'identifier', undefined],
    // Spanish, French, German, Italian, Portuguese, Dutch, Polish
    ['Nombre', 'pii', 'PERSON'],
    ['Apellidos', 'pii', 'PERSON'],
    ['Correo electrónico', 'pii', 'EMAIL'],
    ['Teléfono móvil', 'pii', 'PHONE_NUMBER'],
    ['Dirección', 'pii', 'STREET_ADDRESS'],
    ['Código postal', 'pii', 'LOCATION'],
    ['Fecha de nacimiento', 'pii', 'DATE_TIME'],
    ['Observaciones', 'free_text', undefined],
    ['Nº cliente', 'identifier', undefined],
    ['Nom', 'pii', 'PERSON'],
    ['Prénom', 'pii', 'PERSON'],
    ['Courriel', 'pii', 'EMAIL'],
    ['Date de naissance', 'pii', 'DATE_TIME'],
    ['Commentaires', 'free_text', undefined],
    ['Vorname', 'pii', 'PERSON'],
    ['Straße', 'pii', 'STREET_ADDRESS'],
    ['PLZ', 'pii', 'LOCATION'],
    ['Geburtsdatum', 'pii', 'DATE_TIME'],
    ['Bemerkungen', 'free_text', undefined],
    ['Cognome', 'pii', 'PERSON'],
    ['Indirizzo', 'pii', 'STREET_ADDRESS'],
    ['Codice fiscale', 'pii', 'IT_FISCAL_CODE'],
    ['Endereço', 'pii', 'STREET_ADDRESS'],
    ['Achternaam', 'pii', 'PERSON'],
    ['Nazwisko', 'pii', 'PERSON'],
    ['Attending Physician', 'pii', 'PERSON'],
    ['physician', 'pii', 'PERSON'],
    ['Médico', 'pii', 'PERSON'],
  ])('reads %j as %s %s', (header, role, type) => {
    const hint = hintFromHeader(header);
    expect(hint?.role).toBe(role);
    expect(hint?.type).toBe(type);
  });

  it.each([
    ['Company Name', 'ORGANIZATION'], // not a person: the longer phrase wins
    ['User Name', 'USERNAME'],
    ['Email Address', 'EMAIL'], // not a street address
    ['IP Address', 'IP_ADDRESS'],
    ['Street Name', 'STREET_ADDRESS'],
    ['Name of company', 'ORGANIZATION'], // at equal length the head noun, further right
  ])('does not read %j as a person or an address: %s', (header, type) => {
    expect(hintFromHeader(header)?.type).toBe(type);
  });

  it.each(['File name', 'Product', 'Tax ID', 'National ID', 'Contact'])('leaves %j to the values', (header) => {
    expect(hintFromHeader(header)?.role).toBe('unknown');
  });

  it.each(['Amount', 'Status', 'Quantity', ''])('knows nothing of %j', (header) => {
    expect(hintFromHeader(header)).toBeUndefined();
  });

  it('names only types the engine knows', () => {
    const known = knownTypes();
    expect(headerTypes().filter((t) => !known.has(t))).toEqual([]);
  });
});
