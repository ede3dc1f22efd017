import type { Recognizer } from '../recognizer.js';
import { crossSum, letterDigits } from './shared.js';

/**
 * Rentenversicherungsnummer (VKVV § 4): area 2 digits, birth day (01–31, or +50), month, year,
 * surname initial, serial, check digit. The letter becomes its two-digit position; weights
 * 2,1,2,5,7,1,2,1,2,1,2,1 over those twelve digits, cross-summed products, sum mod 10.
 */
export function validateDeSocialSecurity(value: string): boolean {
  if (!/^\d{8}[A-Z]\d{3}$/.test(value)) return false;
  const day = Number(value.slice(2, 4));
  const month = Number(value.slice(4, 6));
  if (!((day >= 1 && day <= 31) || (day >= 51 && day <= 81)) || month < 1 || month > 12) return false;
  const digits = value.slice(0, 8) + letterDigits(value[8]!) + value.slice(9, 11);
  const weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += crossSum((digits.charCodeAt(i) - 48) * weights[i]!);
  return sum % 10 === value.charCodeAt(11) - 48;
}

export const deSocialSecurityRecognizer: Recognizer = {
  id: 'de-social-security',
  type: 'DE_SOCIAL_SECURITY',
  pack: 'de',
  patterns: [
    {
      name: 'Rentenversicherungsnummer',
      regex: /(?<![\w])\d{2}(?:0[1-9]|[12]\d|3[01]|5[1-9]|[67]\d|8[01])(?:0[1-9]|1[0-2])\d{2}[A-Z]\d{3}(?![\w])/g,
      score: 0.5,
    },
  ],
  context: ['rentenversicherungsnummer', 'sozialversicherungsnummer', 'versicherungsnummer', 'rvnr', 'svnr', 'sv-nummer', 'rentenversicherung', 'sozialversicherung', 'sozialversicherungsausweis', 'drv'],
  validate: validateDeSocialSecurity,
};
