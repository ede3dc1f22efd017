import type { Recognizer, Validation } from '../recognizer.js';

/** State and union-territory codes on Indian plates, current and former. */
const IN_STATE_CODES = new Set([
  'AN', 'AP', 'AR', 'AS', 'BR', 'CG', 'CH', 'CT', 'DD', 'DH', 'DL', 'DN', 'GA', 'GJ', 'HP', 'HR', 'JH', 'JK', 'KA', 'KL', 'LA', 'LD',
  'MH', 'ML', 'MN', 'MP', 'MZ', 'NL', 'OD', 'OR', 'PB', 'PY', 'RJ', 'SK', 'TN', 'TR', 'TS', 'UA', 'UK', 'UL', 'UP', 'UT', 'WB',
]);

/** State plates: the first two letters must be a state or union territory code (→ 1.0), else dropped. */
export function validateInVehicleRegistration(value: string, pattern: string): Validation {
  if (pattern !== 'Vehicle (state)') return undefined;
  return IN_STATE_CODES.has(value.slice(0, 2));
}

/**
 * Vehicle registration: state plates (KA 01 AB 1234, 0.5 → state code → 1.0 or dropped), Bharat
 * series (22 BH 1234 AA, 0.85), armed forces (0.85) and diplomatic plates (0.4). Presidio's very
 * weak two- and three-letter + four-digit patterns (0.01–0.2) are left out: they match any
 * product code.
 */
export const inVehicleRegistrationRecognizer: Recognizer = {
  id: 'in-vehicle-registration',
  type: 'IN_VEHICLE_REGISTRATION',
  pack: 'in',
  patterns: [
    { name: 'Vehicle (state)', regex: /(?<![\w\-])[A-Z]{2}([ \-]?)(?:0[1-9]|[1-9]\d?)\1[A-Z]{1,3}\1(?!0000)\d{4}(?![\w])/g, score: 0.5 },
    { name: 'Vehicle (Bharat series)', regex: /(?<![\w\-])[2-9][1-9] ?BH ?(?!0000)\d{4} ?[A-HJ-NP-Z]{2}(?![\w])/g, score: 0.85 },
    { name: 'Vehicle (armed forces)', regex: /(?<![\w\-])(?!00)\d{2}[ABCDEFHKPRX]\d{6}[A-Z](?![\w])/g, score: 0.85 },
    { name: 'Vehicle (diplomatic)', regex: /(?<![\w\-])\d{1,3} ?(?:CD|CC|UN) ?[1-9]\d{1,3}(?![\w])/g, score: 0.4 },
  ],
  context: ['rto', 'vehicle', 'plate', 'registration', 'number plate', 'vehicle number'],
  validate: validateInVehicleRegistration,
};
