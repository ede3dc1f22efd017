/** Helpers shared by more than one recognizer of pack `za`. */
import type { Candidate } from '../recognizer.js';

export const L = '(?<![\\w\\-.])';
export const R = '(?![\\w]|[\\-.]\\d)';

/**
 * South African phone numbers: the 9-digit national number grouped 2-3-4 or ungrouped, after the
 * trunk `0` (`082 123 4567`), after `+27`/`0027` with an optional `(0)` (`+27 82 123 4567`), or
 * with the area code in parentheses (`(011) 123-4567`). Nothing glued on either side.
 */
const ZA_PHONE = new RegExp(
  `(?<![\\w+\\-.(])(?:(?:(?:\\+|00)27[ \\-]?(?:\\(0\\)[ \\-]?)?|0)(\\d\\d)|\\(0(\\d\\d)\\))[ \\-]?\\d{3}[ \\-]?\\d{4}${R}`,
  'g',
);

/** Line kind from the first two digits of the national number (after the trunk `0`). */
export function zaLineKind(nsn: string): 'mobile' | 'telephone' | undefined {
  const first = nsn[0];
  if (first === '6' || first === '7') return 'mobile';
  if (first === '8') return nsn[1] === '0' || nsn[1] === '6' || nsn[1] === '7' ? 'telephone' : 'mobile';
  if (first !== undefined && '12345'.includes(first)) return 'telephone';
  return undefined;
}

/** Presidio's phone score: a phone shape alone is weak evidence. */
export const ZA_PHONE_SCORE = 0.4;

/** Hands the South African numbers of one line kind to `accept`. Linear: one bounded regex pass. */
export function findZaPhones(text: string, kind: 'mobile' | 'telephone', pattern: string, accept: (c: Candidate) => boolean): void {
  const regex = new RegExp(ZA_PHONE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null) {
    if (zaLineKind(m[1] ?? m[2] ?? '') === kind) accept({ start: m.index, end: m.index + m[0].length, score: ZA_PHONE_SCORE, pattern });
  }
}

/** Context words of both phone recognizers. */
export const ZA_PHONE_CONTEXT = [
  'phone', 'telephone', 'tel', 'mobile', 'cell', 'cellphone', 'cellular', 'handset', 'call', 'contact number', 'landline',
  'home number', 'work number', 'office number', 'fax', 'sms', 'whatsapp',
];
