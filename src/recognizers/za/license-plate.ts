import type { Recognizer } from '../recognizer.js';

const PROVINCE = '(?:GP|ZN|WP|EC|NC|FS|LP|MP|NW)';

/**
 * Vehicle licence plate ending in a province code (GP, ZN, WP, EC, NC, FS, LP, MP, NW): compact
 * (`KD93GKGP`), spaced (`DK 28 LF GP`), letters-digits (`GET 103 WP`) or Eastern Cape
 * digits-letters (`123 ABC EC`). 0.3 each; no check.
 */
export const zaLicensePlateRecognizer: Recognizer = {
  id: 'za-license-plate',
  type: 'ZA_LICENSE_PLATE',
  pack: 'za',
  patterns: [
    { name: 'Plate (compact)', regex: new RegExp(`(?<![\\w])[A-Z]{2,4}\\d{2,4}[A-Z]{0,4}${PROVINCE}(?![\\w])`, 'g'), score: 0.3 },
    { name: 'Plate (spaced)', regex: new RegExp(`(?<![\\w])[A-Z]{2} ?\\d{2} ?[A-Z]{2} ?${PROVINCE}(?![\\w])`, 'g'), score: 0.3 },
    { name: 'Plate (letters, digits)', regex: new RegExp(`(?<![\\w])[A-Z]{2,3} ?\\d{2,3} ?${PROVINCE}(?![\\w])`, 'g'), score: 0.3 },
    { name: 'Plate (Eastern Cape digits first)', regex: /(?<![\w])\d{2,3} ?[A-Z]{2,3} ?EC(?![\w])/g, score: 0.3 },
  ],
  context: ['licence plate', 'license plate', 'number plate', 'registration', 'vehicle registration', 'registration number', 'plate number', 'natis', 'enatis'],
};
