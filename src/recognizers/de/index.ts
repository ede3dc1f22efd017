/**
 * Germany (pack `de`): Steuer-IdNr (11 digits, digit-occurrence rule + ISO 7064 mod 11,10;
 * grouped 0.3, bare 0.01 → 1.0 or dropped) and Personalausweis number (9 characters from the
 * document alphabet, 0.01 — context does the work; with its ICAO 7-3-1 check digit appended,
 * 10 characters → 1.0 or dropped), then Presidio's other German recognizers: Steuernummer,
 * Reisepass, Rentenversicherungsnummer, KVNR, KFZ plate, Handelsregister, PLZ, LANR, BSNR,
 * USt-IdNr and Führerschein (scores and checks on each).
 */
export * from './bsnr.js';
export * from './fuehrerschein.js';
export * from './handelsregister.js';
export * from './health-insurance.js';
export * from './id-card.js';
export * from './kfz.js';
export * from './lanr.js';
export * from './passport.js';
export * from './plz.js';
export * from './social-security.js';
export * from './tax-id.js';
export * from './tax-number.js';
export * from './vat-id.js';
