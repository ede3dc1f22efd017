import type { Recognizer } from '../recognizer.js';

/**
 * Pasaporte: three letters + six digits (older books two letters), 0.05 — the shape of many
 * references, context ("pasaporte") does the work. No checksum on the printed number.
 */
export const esPassportRecognizer: Recognizer = {
  id: 'es-passport',
  type: 'ES_PASSPORT',
  pack: 'es',
  patterns: [{ name: 'Pasaporte', regex: /(?<![\w])[A-Z]{2,3}\d{6}(?![\w])/g, score: 0.05 }],
  context: ['pasaporte', 'número de pasaporte', 'numero de pasaporte', 'passport', 'passport number'],
};
