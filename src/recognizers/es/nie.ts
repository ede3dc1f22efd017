import type { Recognizer } from '../recognizer.js';
import { nifLetterMatches } from './shared.js';

export const esNieRecognizer: Recognizer = {
  id: 'es-nie',
  type: 'ES_NIE',
  pack: 'es',
  patterns: [{ name: 'NIE', regex: /(?<![\w\-])[XYZ]-?\d{7}-?[A-Z](?![\w])/g, score: 0.5 }],
  context: ['número de identidad de extranjero', 'nie', 'extranjero', 'identidad', 'residencia'],
  validate: (value) => {
    const v = value.replace(/-/g, '');
    const number = String('XYZ'.indexOf(v[0]!)) + v.slice(1, 8);
    return nifLetterMatches(number, v.slice(8));
  },
};
