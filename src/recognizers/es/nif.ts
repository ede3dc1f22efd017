import type { Recognizer } from '../recognizer.js';
import { nifLetterMatches } from './shared.js';

export const esNifRecognizer: Recognizer = {
  id: 'es-nif',
  type: 'ES_NIF',
  pack: 'es',
  // 7 digits: a DNI written without its leading zero (Presidio accepts it too).
  patterns: [{ name: 'NIF', regex: /(?<![\w\-])\d{7,8}-?[A-Z](?![\w])/g, score: 0.5 }],
  context: ['documento nacional de identidad', 'dni', 'nif', 'identificación', 'identificacion', 'número', 'numero'],
  validate: (value) => {
    const v = value.replace('-', '').padStart(9, '0');
    return nifLetterMatches(v.slice(0, 8), v.slice(8));
  },
};
