/**
 * United States (pack `us`). Weak patterns start below the engine's default threshold (0.3) so they
 * show only with a context word, which is how Presidio expects them to be used; Presidio's
 * driver-licence pattern matched plain words (`INTRODUCTORY`, `A1`, #1063), ours requires digits.
 *
 * - US_ITIN: `9dd-[5-6|7-8|9]d-dddd` groups 50–65, 70–88, 90–92, 94–99; delimited 0.5, bare 0.3,
 *   one delimiter only 0.05.
 * - US_PASSPORT: letter + 8 digits 0.1, nine digits 0.05.
 * - US_DRIVER_LICENSE: one or two letters + 4–14 digits, 0.2; 7–14 bare digits 0.01.
 * - US_BANK_NUMBER: 8–17 bare digits, 0.05.
 * - ABA_ROUTING_NUMBER: nine digits with a 0–3/6–8 prefix, 3-7-1 checksum → 1.0. Off by default:
 *   one random nine-digit number in ten passes that checksum.
 * - MEDICAL_LICENSE: DEA number, 2 letters + 7 digits, 0.4 → check digit → 1.0.
 * - US_MBI, US_NPI: Medicare and provider ids, off by default (as in Presidio).
 * - US_SSN: `ddd-dd-dddd` with one kind of delimiter (`-`, space or `.`) → 0.5; nine bare digits
 *   → 0.05 (context lifts them). No checksum exists, so invalid structures are dropped: area 000,
 *   666 or 9xx (never issued; 9xx is the ITIN range), group 00, serial 0000, all-same digits, and
 *   well-known sample numbers.
 */
export * from './aba-routing.js';
export * from './bank-number.js';
export * from './driver-license.js';
export * from './itin.js';
export * from './mbi.js';
export * from './medical-license.js';
export * from './npi.js';
export * from './passport.js';
export * from './ssn.js';
