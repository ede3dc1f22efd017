/**
 * Nigeria (pack `ng`): National Identification Number (11 digits, Verhoeff check digit; 0.01 → a
 * pass scores 0.7, since one random number in ten passes a single check digit, a failure is
 * dropped) and vehicle registration plates (2011 format ABC-123DE: LGA code, serial, year and
 * batch letters; 0.5, no validation).
 */
export * from './nin.js';
export * from './vehicle-registration.js';
