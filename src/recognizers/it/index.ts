/**
 * Italy (pack `it`): codice fiscale, 16 characters (surname, name, birth date and place — digits
 * may be replaced by letters L–V for omocodia), 0.3 → check character (odd/even position tables,
 * sum mod 26) → 1.0, dropped otherwise. Also partita IVA (Luhn), driver licence, passport and
 * identity card (pattern only, low scores: context does the work).
 */
export * from './driver-license.js';
export * from './fiscal-code.js';
export * from './identity-card.js';
export * from './passport.js';
export * from './vat-code.js';
