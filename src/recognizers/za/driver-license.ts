import type { Recognizer } from '../recognizer.js';

/**
 * eNaTIS driving licence number: 6–10 digits then 2–5 upper-case letters or digits, 10–14
 * characters in all with at least one letter, 0.3. No check digit.
 */
export function invalidateZaDriverLicense(value: string): boolean {
  return value.length < 10 || value.length > 14 || !/[A-Z]/.test(value);
}

export const zaDriverLicenseRecognizer: Recognizer = {
  id: 'za-driver-license',
  type: 'ZA_DRIVER_LICENSE',
  pack: 'za',
  patterns: [{ name: "Driver's licence", regex: /(?<![\w])\d{6,10}[A-Z0-9]{2,5}(?![\w])/g, score: 0.3 }],
  context: ['licence', 'license', 'driving licence', 'driving license', "driver's licence", "driver's license", 'drivers licence', 'drivers license', 'licence number', 'license number', 'natis', 'enatis'],
  invalidate: invalidateZaDriverLicense,
};
