import { allSameDigit } from '../checksums.js';
import type { Recognizer } from '../recognizer.js';
import { re } from './shared.js';

export const usDriverLicenseRecognizer: Recognizer = {
  id: 'us-driver-license',
  type: 'US_DRIVER_LICENSE',
  pack: 'us',
  patterns: [
    { name: 'Driver License (letters + digits)', regex: re('[A-Z]{1,2}\\d{4,14}'), score: 0.2 },
    { name: 'Driver License (digits)', regex: re('\\d{7,14}'), score: 0.01 },
  ],
  context: ['driver', 'driver\'s', 'license', 'licence', 'permit', 'dl', 'dln', 'lic', 'driving'],
  invalidate: allSameDigit,
};
