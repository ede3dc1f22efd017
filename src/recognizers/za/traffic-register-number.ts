import type { Recognizer } from '../recognizer.js';
import { validateZaId } from './id-number.js';
import { L, R } from './shared.js';

/**
 * eNaTIS traffic register number (foreigners and organisations): 13 digits, 0.05. A number that is
 * a valid South African ID number is left to ZA_ID_NUMBER (dropped here).
 */
export const zaTrafficRegisterNumberRecognizer: Recognizer = {
  id: 'za-traffic-register-number',
  type: 'ZA_TRAFFIC_REGISTER_NUMBER',
  pack: 'za',
  patterns: [{ name: 'Traffic register number', regex: new RegExp(`${L}\\d{13}${R}`, 'g'), score: 0.05 }],
  context: ['traffic register', 'traffic register number', 'trn', 'natis', 'enatis', 'vehicle register'],
  invalidate: (value) => validateZaId(value),
};
