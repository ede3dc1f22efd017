import type { Recognizer } from '../recognizer.js';
import { findZaPhones, ZA_PHONE_CONTEXT } from './shared.js';

/** Other numbers: geographic landlines (01x–05x), toll-free 080, sharecall 086, VoIP 087, 0.4. */
export const zaTelephoneNumberRecognizer: Recognizer = {
  id: 'za-telephone-number',
  type: 'ZA_TELEPHONE_NUMBER',
  pack: 'za',
  patterns: [],
  context: ZA_PHONE_CONTEXT,
  find: (text, accept) => findZaPhones(text, 'telephone', 'ZA telephone number', accept),
};
