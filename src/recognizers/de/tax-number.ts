import type { Recognizer } from '../recognizer.js';
import { L, R } from './shared.js';

/**
 * Steuernummer (issued by the local Finanzamt, unlike the lifelong Steuer-IdNr): the 13-digit ELSTER
 * form starts with a Bundesland code 01–16 (0.5); the printed forms are slash-separated, 3/3/5
 * (Bayern, Baden-Württemberg: 0.4) or any other 2–3/3–4/4–5 split (0.2). No public checksum.
 */
export const deTaxNumberRecognizer: Recognizer = {
  id: 'de-tax-number',
  type: 'DE_TAX_NUMBER',
  pack: 'de',
  patterns: [
    { name: 'Steuernummer (ELSTER)', regex: new RegExp(`${L}(?:0[1-9]|1[0-6])\\d{11}${R}`, 'g'), score: 0.5 },
    { name: 'Steuernummer (3/3/5)', regex: /(?<![\w/\-.])\d{3}\/\d{3}\/\d{5}(?![\w]|\/\d)/g, score: 0.4 },
    { name: 'Steuernummer (slashed)', regex: /(?<![\w/\-.])\d{2,3}\/\d{3,4}\/\d{4,5}(?![\w]|\/\d)/g, score: 0.2 },
  ],
  context: ['steuernummer', 'steuer-nr', 'steuer nr', 'st.-nr', 'st-nr', 'stnr', 'finanzamt', 'umsatzsteuer', 'einkommensteuer', 'körperschaftsteuer', 'gewerbesteuer', 'steuerbescheid'],
};
