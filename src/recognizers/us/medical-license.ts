import type { Recognizer } from '../recognizer.js';
import { re } from './shared.js';

/**
 * DEA registration number check digit: (d1+d3+d5) + 2(d2+d4+d6), last digit = 7th digit.
 */
export function validateDea(value: string): boolean {
  const d = value.slice(2); // the second character may be the digit 9 (mid-level practitioners)
  if (!/^\d{7}$/.test(d)) return false;
  const n = (i: number) => d.charCodeAt(i) - 48;
  return (n(0) + n(2) + n(4) + 2 * (n(1) + n(3) + n(5))) % 10 === n(6);
}

export const medicalLicenseRecognizer: Recognizer = {
  id: 'medical-license',
  type: 'MEDICAL_LICENSE',
  pack: 'us',
  patterns: [{ name: 'DEA number', regex: re('[ABCDEFGHJKLMPRSTUX][A-Z9]\\d{7}'), score: 0.4 }],
  context: ['medical', 'certificate', 'dea', 'license', 'licence', 'registration', 'prescriber'],
  validate: validateDea,
};
