import { luhn } from '../checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from '../recognizer.js';

/**
 * Organisationsnummer: ten digits (NNNNNN-NNNN), the third at least 2 so it can never be a
 * personnummer's month, Luhn over all ten. Dashed 0.6, bare 0.2; a pass scores 0.7 (one check
 * digit), a failure is dropped.
 */
export function validateOrganisationsnummer(value: string): boolean {
  const d = value.replace('-', '');
  return /^\d{2}[2-9]\d{7}$/.test(d) && luhn(d);
}

export const seOrganisationsnummerRecognizer: Recognizer = {
  id: 'se-organisationsnummer',
  type: 'SE_ORGANISATIONSNUMMER',
  pack: 'se',
  patterns: [
    { name: 'Organisationsnummer (dashed)', regex: /(?<![\w\-+.])\d{2}[2-9]\d{3}-\d{4}(?![\w]|[\-.]\d)/g, score: 0.6 },
    { name: 'Organisationsnummer (bare)', regex: /(?<![\w\-+.])\d{2}[2-9]\d{7}(?![\w]|[\-.]\d)/g, score: 0.2 },
  ],
  context: ['organisationsnummer', 'orgnr', 'org.nr', 'org nr', 'organisationsnr', 'företag', 'bolagsverket', 'organization number'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateOrganisationsnummer,
};
