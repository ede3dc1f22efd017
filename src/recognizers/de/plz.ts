import type { Recognizer } from '../recognizer.js';
import { L, R } from './shared.js';

/** Postleitzahl 01001–99998: five digits are anything, so 0.05 and a context word does the work. */
export const dePlzRecognizer: Recognizer = {
  id: 'de-plz',
  type: 'DE_PLZ',
  pack: 'de',
  patterns: [{ name: 'PLZ', regex: new RegExp(`${L}(?:0[1-9]\\d{3}|[1-9]\\d{4})${R}`, 'g'), score: 0.05 }],
  context: ['plz', 'postleitzahl', 'postanschrift', 'adresse', 'anschrift', 'wohnort', 'ort', 'wohnanschrift', 'lieferadresse', 'rechnungsadresse', 'straße', 'strasse', 'postfach'],
};
