import { allSameDigit, digitsOf, weightedSum } from '../checksums.js';
import { WEAK_CHECKSUM_SCORE, type Recognizer } from '../recognizer.js';
import { re } from './shared.js';

/** ABA 3-7-1 weights: 3(d1+d4+d7) + 7(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
export function validateAba(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 9 && weightedSum(d, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 === 0;
}

export const abaRoutingRecognizer: Recognizer = {
  id: 'aba-routing',
  type: 'ABA_ROUTING_NUMBER',
  pack: 'us',
  defaultOn: false,
  patterns: [
    { name: 'ABA routing number (weak)', regex: re('[0123678]\\d{8}'), score: 0.05 },
    { name: 'ABA routing number (dashed)', regex: re('[0123678]\\d{3}-\\d{4}-\\d'), score: 0.3 },
  ],
  context: ['aba', 'routing', 'abarouting', 'association', 'bankrouting', 'rtn', 'transit'],
  validatedScore: WEAK_CHECKSUM_SCORE,
  validate: validateAba,
  invalidate: allSameDigit,
};
