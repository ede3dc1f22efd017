import type { Recognizer } from '../recognizer.js';
import { findZaPhones, ZA_PHONE_CONTEXT } from './shared.js';

/** Mobile numbers: national numbers starting 6, 7 or 8 (but not 80, 86, 87), 0.4. */
export const zaMobileNumberRecognizer: Recognizer = {
  id: 'za-mobile-number',
  type: 'ZA_MOBILE_NUMBER',
  pack: 'za',
  patterns: [],
  context: ZA_PHONE_CONTEXT,
  find: (text, accept) => findZaPhones(text, 'mobile', 'ZA mobile number', accept),
};
