import type { Recognizer } from '../recognizer.js';

/** Patente di guida: two letters + 7 digits + letter, or the U1 series; 0.2. */
export const itDriverLicenseRecognizer: Recognizer = {
  id: 'it-driver-license',
  type: 'IT_DRIVER_LICENSE',
  pack: 'it',
  patterns: [{ name: 'Patente', regex: /(?<![\w])(?:[A-Z]{2}\d{7}[A-Z]|U1[B-HJ-NPR-UW-Z0-9]{7}[A-Z])(?![\w])/g, score: 0.2 }],
  context: ['patente', 'patente di guida', 'licenza', 'licenza di guida'],
};
