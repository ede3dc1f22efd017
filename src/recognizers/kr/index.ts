/**
 * Korea (pack `kr`): Resident Registration Number YYMMDD-GHIJKLX, with or without the dash, 0.5; before October 2020 the
 * region code (00–95) and the check digit (11 − Σ w·d mod 11) mod 10 with weights 2..9,2..5 hold
 * → 1.0. Newer numbers end in random digits, so a failing check keeps 0.5 (Presidio's rule).
 * Also the Foreigner Registration Number (same shape, G = 5–8), Business Registration Number and
 * driver's licence number.
 */
export * from './brn.js';
export * from './driver-license.js';
export * from './frn.js';
export * from './passport.js';
export * from './rrn.js';
