import type { Recognizer, Validation } from '../recognizer.js';

/**
 * Age identifier of a current-format plate: 02–29 (March) or 51–79 (September), else dropped. A
 * valid one keeps the base score: Presidio lifts it to 1.0, but a two-digit range is no checksum
 * and most plate-shaped tokens pass it.
 */
export function validateUkVehicleRegistration(value: string): Validation {
  const compact = value.replace(/[ \-]/g, '');
  if (!/^[A-Z]{2}\d{2}[A-Z]{3}$/.test(compact)) return undefined; // prefix/suffix formats: no check
  const age = Number(compact.slice(2, 4));
  return (age >= 2 && age <= 29) || (age >= 51 && age <= 79) ? undefined : false;
}

/**
 * Vehicle registration: current format (2001+, AB12 CDE, 0.3; the age identifier must be a real
 * half-year, else dropped), prefix (A123 BCD, 0.2) and suffix (ABC 123D, 0.15) formats. I, Q and
 * Z are excluded where the DVLA never issues them.
 */
export const ukVehicleRegistrationRecognizer: Recognizer = {
  id: 'uk-vehicle-registration',
  type: 'UK_VEHICLE_REGISTRATION',
  pack: 'uk',
  patterns: [
    { name: 'Registration (current)', regex: /(?<![\w\-])[A-HJ-PR-Y]{2}\d{2}[ \-]?[A-HJ-PR-Z]{3}(?![\w])/g, score: 0.3 },
    { name: 'Registration (prefix)', regex: /(?<![\w\-])[A-HJ-NPR-TV-Y]\d{1,3}[ \-]?[A-HJ-PR-Y][A-HJ-PR-Z]{2}(?![\w])/g, score: 0.2 },
    { name: 'Registration (suffix)', regex: /(?<![\w\-])[A-HJ-PR-Z]{3}[ \-]?\d{1,3}[ \-]?[A-HJ-NPR-TV-Y](?![\w])/g, score: 0.15 },
  ],
  context: ['vehicle', 'registration', 'number plate', 'licence plate', 'license plate', 'reg', 'vrn', 'dvla', 'v5c', 'logbook', 'mot', 'car'],
  validate: validateUkVehicleRegistration,
};
