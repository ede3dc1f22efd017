/**
 * United Kingdom (pack `uk`, switched on by `en-GB`): NHS number (mod 11 → 1.0), National
 * Insurance number (prefix rules, 0.5), postcode (0.35 with the space, 0.1 without), driving
 * licence (0.5), passport (0.1) and vehicle registration (0.3 / 0.2 / 0.15).
 */
export * from './driving-licence.js';
export * from './nhs.js';
export * from './nino.js';
export * from './passport.js';
export * from './postcode.js';
export * from './vehicle-registration.js';
