/**
 * Philippines (pack `ph`): Taxpayer Identification Number, 9 digits (the 9th a check digit:
 * weights 9..2 over the first eight, sum mod 11) plus an optional 3-digit branch code. Dashed
 * 0.6, bare 0.3; a failing check drops the match, a pass scores 0.7 (one check digit: one
 * number in eleven passes, so a context word still decides against same-shaped ids).
 */
export * from './passport.js';
export * from './tin.js';
export * from './umid.js';
