import type { Recognizer, Validation } from '../recognizer.js';

/**
 * DVLA driving licence number, 16 characters: surname (5, padded with trailing 9s), decade digit,
 * birth month (+50 for women), day, year digit, two initials (9 = none), a digit and two check
 * letters. 0.5; the check algorithm is unpublished, so validation only drops impossible surnames.
 */
export function validateUkDrivingLicence(value: string): Validation {
  return /^[A-Z]+9*$/.test(value.slice(0, 5).toUpperCase()) ? undefined : false;
}

export const ukDrivingLicenceRecognizer: Recognizer = {
  id: 'uk-driving-licence',
  type: 'UK_DRIVING_LICENCE',
  pack: 'uk',
  patterns: [
    {
      name: 'Driving licence',
      // Case-insensitive as in Presidio: the date structure keeps lower-case words out.
      regex: /(?<![\w])[A-Z][A-Z9]{4}\d(?:0[1-9]|1[0-2]|5[1-9]|6[0-2])(?:0[1-9]|[12]\d|3[01])\d[A-Z9]{2}\d[A-Z]{2}(?![\w])/gi,
      score: 0.5,
    },
  ],
  context: ['driving licence', 'driving license', "driver's licence", "driver's license", 'dvla', 'dl number', 'licence number', 'license number'],
  validate: validateUkDrivingLicence,
};
