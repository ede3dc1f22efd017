import { iso7064Mod11_10 } from '../checksums.js';
import type { Recognizer } from '../recognizer.js';

export function validateDeTaxId(value: string): boolean {
  const d = value.replace(/[ \-]/g, '');
  if (!/^[1-9]\d{10}$/.test(d)) return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[d.charCodeAt(i) - 48]!++;
  // Exactly one digit repeats (twice or three times) among the first ten.
  if (counts.filter((c) => c >= 2).length !== 1 || counts.some((c) => c > 3)) return false;
  return iso7064Mod11_10(d);
}

export const deTaxIdRecognizer: Recognizer = {
  id: 'de-tax-id',
  type: 'DE_TAX_ID',
  pack: 'de',
  patterns: [
    { name: 'Tax ID (grouped)', regex: /(?<![\w\-.])\d{2} \d{3} \d{3} \d{3}(?![\w]|[\-.]\d)/g, score: 0.3 },
    { name: 'Tax ID (bare)', regex: /(?<![\w\-.])\d{11}(?![\w]|[\-.]\d)/g, score: 0.01 },
  ],
  context: ['steuer-id', 'steueridentifikationsnummer', 'steuerliche identifikationsnummer', 'steuer-idnr', 'steuerid', 'idnr', 'tax id', 'identifikationsnummer', 'finanzamt'],
  validate: validateDeTaxId,
};
