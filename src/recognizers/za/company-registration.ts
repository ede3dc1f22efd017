import type { Recognizer } from '../recognizer.js';

/**
 * CIPC company registration number: `YYYY/NNNNNN/NN` (year, sequence, entity type; 0.4) or a
 * legacy prefixed form such as `CK1998/012345` (close corporation; 0.3). A registration year in
 * the future (or before 1800) drops the match.
 */
export function invalidateZaCompanyRegistration(value: string): boolean {
  const year = Number(/\d{4}/.exec(value)?.[0] ?? NaN);
  return !(year >= 1800 && year <= new Date().getUTCFullYear());
}

export const zaCompanyRegistrationRecognizer: Recognizer = {
  id: 'za-company-registration',
  type: 'ZA_COMPANY_REGISTRATION',
  pack: 'za',
  patterns: [
    { name: 'Company registration (modern)', regex: /(?<![\w\/])(?:19|20)\d\d\/\d{6}\/\d\d(?![\w]|\/\d)/g, score: 0.4 },
    { name: 'Company registration (legacy)', regex: /(?<![\w\/])(?:CK|NR|[KTWBMN])\d{4}\/\d{6}(?![\w]|\/\d)/g, score: 0.3 },
  ],
  context: ['cipc', 'company registration', 'registration number', 'reg no', 'close corporation', 'company reg', 'enterprise number'],
  invalidate: invalidateZaCompanyRegistration,
};
