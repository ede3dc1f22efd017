/**
 * Türkiye (pack `tr`): T.C. Kimlik No, 11 digits without a leading 0. 10th digit =
 * (7·(d1+d3+d5+d7+d9) − (d2+d4+d6+d8)) mod 10, 11th = (d1+…+d10) mod 10. 0.3 → 1.0 or dropped.
 * Also licence plates (province code 01–81).
 */
export * from './license-plate.js';
export * from './national-id.js';
