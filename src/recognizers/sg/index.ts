/**
 * Singapore (pack `sg`): NRIC/FIN, a series letter (S, T, F, G, M), 7 digits and a check letter.
 * 0.5; for S/T/F/G a matching check letter (weights 2,7,6,5,4,3,2 + series offset, mod 11) → 1.0.
 * Presidio has no check and finds NRIC-shaped values with a wrong letter (typos, sample data), so
 * a mismatch, like the M series (2022, unpublished check), keeps 0.5. Any other leading letter is
 * Presidio's weak tier, 0.1 here (below the default threshold: such codes are mostly not ids). Also the Unique Entity Number of organisations.
 */
export * from './nric-fin.js';
export * from './uen.js';
