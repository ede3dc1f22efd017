/**
 * Spain (pack `es`): DNI/NIF (8 digits + check letter) and NIE (X/Y/Z + 7 digits + letter). The
 * letter is `TRWAGMYFPDXBNJZSQVHLCKE`[number mod 23]: 0.5 → 1.0 when it matches, dropped otherwise.
 * Passport numbers: pattern only, 0.05.
 */
export * from './nie.js';
export * from './nif.js';
export * from './passport.js';
export { nifLetterMatches } from './shared.js';
