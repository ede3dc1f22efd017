/**
 * India (pack `in`): Aadhaar (12 digits, first 2–9, Verhoeff → 1.0, failing or palindromic →
 * dropped; grouped 4-4-4 0.3, bare 0.01) and PAN (5 letters with a holder-type 4th letter,
 * 4 digits, 1 letter; 0.5, no checksum exists), GSTIN, voter id (EPIC), passport and vehicle
 * registration (scores and checks on each).
 */
export * from './aadhaar.js';
export * from './gstin.js';
export * from './pan.js';
export * from './passport.js';
export * from './vehicle-registration.js';
export * from './voter.js';
