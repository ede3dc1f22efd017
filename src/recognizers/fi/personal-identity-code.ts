/**
 * Finland (pack `fi`): henkilötunnus DDMMYY + century sign + 3-digit individual number + control
 * character (`0123456789ABCDEFHJKLMNPRSTUVWXY`[DDMMYYZZZ mod 31]). 0.5 → 1.0 when the date (with
 * its century) is real and the control character matches; dropped otherwise.
 */
import { isValidDate } from '../checksums.js';
import type { Recognizer } from '../recognizer.js';

const CONTROL = '0123456789ABCDEFHJKLMNPRSTUVWXY';

const CENTURY: Readonly<Record<string, number>> = {
  '+': 1800, '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900,
  A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000,
};

export function validateHetu(value: string): boolean {
  if (value.length !== 11) return false;
  const century = CENTURY[value[6]!];
  if (century === undefined) return false;
  if (!isValidDate(century + Number(value.slice(4, 6)), Number(value.slice(2, 4)), Number(value.slice(0, 2)))) return false;
  return CONTROL[Number(value.slice(0, 6) + value.slice(7, 10)) % 31] === value[10];
}

export const fiPersonalIdentityCodeRecognizer: Recognizer = {
  id: 'fi-personal-identity-code',
  type: 'FI_PERSONAL_IDENTITY_CODE',
  pack: 'fi',
  patterns: [{ name: 'Henkilötunnus', regex: /(?<![\w\-+])\d{6}[\-+ABCDEFYXWVU]\d{3}[0-9A-FHJ-NPR-Y](?![\w])/g, score: 0.5 }],
  context: ['hetu', 'henkilötunnus', 'henkilotunnus', 'personbeteckning', 'personal identity code', 'sotu'],
  validate: validateHetu,
};
