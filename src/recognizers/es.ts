/**
 * Spain (pack `es`): DNI/NIF (8 digits + check letter) and NIE (X/Y/Z + 7 digits + letter). The
 * letter is `TRWAGMYFPDXBNJZSQVHLCKE`[number mod 23]: 0.5 → 1.0 when it matches, dropped otherwise.
 */
import type { Recognizer } from './recognizer.js';

const LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function nifLetterMatches(number: string, letter: string): boolean {
  return /^\d{8}$/.test(number) && LETTERS[Number(number) % 23] === letter;
}

export const esNifRecognizer: Recognizer = {
  id: 'es-nif',
  type: 'ES_NIF',
  pack: 'es',
  patterns: [{ name: 'NIF', regex: /(?<![\w\-])\d{8}-?[A-Z](?![\w])/g, score: 0.5 }],
  context: ['documento nacional de identidad', 'dni', 'nif', 'identificación', 'identificacion', 'número', 'numero'],
  validate: (value) => {
    const v = value.replace('-', '');
    return nifLetterMatches(v.slice(0, 8), v.slice(8));
  },
};

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
