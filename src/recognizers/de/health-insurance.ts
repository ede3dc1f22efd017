import { WEAK_CHECKSUM_SCORE, type Recognizer } from '../recognizer.js';
import { crossSum, letterDigits } from './shared.js';

/**
 * Krankenversichertennummer (§ 290 SGB V): letter + 8 digits + check digit. The letter becomes its
 * two-digit position; weights 1,2,1,2,… over those ten digits, cross-summed, sum mod 10.
 */
export function validateDeHealthInsurance(value: string): boolean {
  if (!/^[A-Z]\d{9}$/.test(value)) return false;
  const digits = letterDigits(value[0]!) + value.slice(1, 9);
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += crossSum((digits.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 2));
  return sum % 10 === value.charCodeAt(9) - 48;
}

/**
 * KVNR: 0.3 → check digit. One check digit mod 10 is weak evidence, so a pass scores 0.7 and a
 * Personalausweis number of the same shape with its ICAO digit (1.0) keeps the span.
 */
export const deHealthInsuranceRecognizer: Recognizer = {
  id: 'de-health-insurance',
  type: 'DE_HEALTH_INSURANCE',
  pack: 'de',
  patterns: [{ name: 'KVNR', regex: /(?<![\w])[A-Z]\d{9}(?![\w])/g, score: 0.3 }],
  context: ['krankenversicherungsnummer', 'krankenversichertennummer', 'versichertennummer', 'kvnr', 'krankenkasse', 'krankenversicherung', 'gesundheitskarte', 'egk', 'gkv', 'versichertenkarte', 'aok', 'barmer', 'dak'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateDeHealthInsurance,
};
