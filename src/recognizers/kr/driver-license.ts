import type { Recognizer, Validation } from '../recognizer.js';

/** Regional codes of the licence-issuing agencies (11–26, 28). */
const KR_LICENSE_REGIONS = new Set(['11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24', '25', '26', '28']);

/** A known region code → true (a structural check, not a checksum: scores 0.3), otherwise the base score. */
export function validateKrDriverLicense(value: string): Validation {
  return KR_LICENSE_REGIONS.has(value.slice(0, 2)) ? true : undefined;
}

/**
 * Driver's licence, AA-BB-CCCCCC-DD (region, year, serial, unpublished check). 0.05: twelve digits
 * are anything, so even a known region code only lifts it to 0.3; context does the rest.
 */
export const krDriverLicenseRecognizer: Recognizer = {
  id: 'kr-driver-license',
  type: 'KR_DRIVER_LICENSE',
  pack: 'kr',
  patterns: [{ name: 'Driver licence', regex: /(?<![\w\-.])\d{2}([\- ]?)\d{2}\1\d{6}\1\d{2}(?![\w]|[\-.]\d)/g, score: 0.05 }],
  context: ['운전면허', '운전면허번호', '면허번호', 'korean driver license', "korean driver's license", 'driver license', "driver's license"],
  validatedScore: 0.3,
  validate: validateKrDriverLicense,
};
