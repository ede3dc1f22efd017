import type { Recognizer } from '../recognizer.js';

/**
 * Licence plate (plaka): province code 01–81, 1–3 letters of the Turkish alphabet (no Q, W, X),
 * 2–4 digits; spaced, hyphenated or compact. 0.3; the province range is in the regex, so a
 * province 00 or 82+ never matches.
 */
export const trLicensePlateRecognizer: Recognizer = {
  id: 'tr-license-plate',
  type: 'TR_LICENSE_PLATE',
  pack: 'tr',
  patterns: [
    {
      name: 'Plaka',
      regex: /(?<![\w\-.])(?:0[1-9]|[1-7]\d|8[01])([ \-]?)[A-PR-VYZ]{1,3}\1\d{2,4}(?![\w]|[\-.]\d)/g,
      score: 0.3,
    },
  ],
  context: ['plaka', 'araç plakası', 'plaka numarası', 'plaka no', 'kayıt plakası', 'license plate', 'number plate', 'plate', 'taşıt plakası'],
};
