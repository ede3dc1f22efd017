/**
 * Sweden (pack `se`): personnummer and samordningsnummer, YYMMDD or YYYYMMDD, `-`/`+` or no
 * separator, 4 digits. With a separator 0.5, bare 0.3; → 1.0 when the date is plausible (day + 60
 * for samordningsnummer) and the Luhn check over the last ten digits holds, dropped otherwise.
 * Also the organisationsnummer of companies (Luhn, third digit ≥ 2).
 */
export * from './organisationsnummer.js';
export * from './personal-number.js';
