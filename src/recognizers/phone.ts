/**
 * Phone numbers, international and national, without libphonenumber. A linear scan finds maximal
 * runs of digits and phone punctuation; each run (or, when it fails, a sub-run split at spaces) is
 * checked against:
 *
 * - **international** (`+CC…` or `00CC…`): a known country calling code and that country's national
 *   number length (E.164: at most 15 digits) → 0.6; an unknown code with 8–15 digits → 0.3;
 * - **NANP** (US/CA): `NXX NXX XXXX` with `(…)`, `-`, `.` or space, optional leading `1` → 0.4;
 * - **trunk-prefixed national** (`0` + area + subscriber: UK, DE, FR, IT, NL, AU, JP, KR, IN, …),
 *   10–12 digits in separated groups → 0.4;
 * - **fixed national shapes** without a trunk prefix (ES `6xx xxx xxx`, IN `98765 43210`,
 *   CN `138 0013 8000`, BR `(11) 91234-5678`) → 0.25: plain digit groups, so below the default
 *   threshold until a context word ("tel", "móvil", …) lifts them;
 * - the same digits with no separator at all (a bare NANP or trunk number) → 0.1, for context to lift.
 *
 * Digit count is always 7–15. Digits glued to letters (`text630-596-1111`, Presidio #1301), runs
 * inside GUIDs or longer digit groups (#71), and runs mixing separator kinds (dates, versions) are
 * not phone numbers.
 */
import type { Candidate, Recognizer } from './recognizer.js';

/** Country calling code → [min, max] national significant number length (ITU-T E.164 plans). */
const COUNTRY_LENGTHS: Readonly<Record<string, readonly [number, number]>> = {
  '1': [10, 10], '7': [10, 10], '20': [8, 10], '27': [9, 9], '30': [10, 10], '31': [9, 9], '32': [8, 9],
  '33': [9, 9], '34': [9, 9], '36': [8, 9], '39': [6, 11], '40': [9, 9], '41': [9, 9], '43': [4, 13],
  '44': [9, 10], '45': [8, 8], '46': [7, 10], '47': [8, 8], '48': [9, 9], '49': [6, 13], '51': [8, 9],
  '52': [10, 10], '53': [6, 8], '54': [10, 11], '55': [10, 11], '56': [8, 9], '57': [8, 10], '58': [10, 10],
  '60': [7, 10], '61': [9, 9], '62': [7, 12], '63': [8, 10], '64': [8, 10], '65': [8, 8], '66': [8, 9],
  '81': [9, 10], '82': [8, 11], '84': [9, 10], '86': [10, 11], '90': [10, 10], '91': [10, 10], '92': [9, 10],
  '93': [9, 9], '94': [9, 9], '95': [7, 10], '98': [10, 10], '212': [9, 9], '213': [8, 9], '216': [8, 8],
  '233': [9, 9], '234': [8, 10], '254': [9, 9], '255': [9, 9], '256': [9, 9], '351': [9, 9], '352': [4, 11],
  '353': [7, 9], '354': [7, 9], '355': [8, 9], '356': [8, 8], '357': [8, 8], '358': [5, 12], '359': [8, 9],
  '370': [8, 8], '371': [8, 8], '372': [7, 8], '380': [9, 9], '381': [8, 9], '385': [8, 9], '386': [8, 8],
  '420': [9, 9], '421': [9, 9], '852': [8, 8], '853': [8, 8], '855': [8, 9], '880': [10, 10], '886': [8, 9],
  '961': [7, 8], '962': [8, 9], '965': [8, 8], '966': [9, 9], '971': [8, 9], '972': [8, 9], '973': [8, 8],
  '974': [8, 8], '977': [8, 10],
};

/** Characters a phone run may hold besides digits. */
// The lookbehind follows the first character so V8 can prefilter on it (much faster on prose).
const RUN = /(?:\+(?=[(\d])|[(\d])(?<![\w+\-.\/@#$%&=].)[\d().\/\- ]*[\d)]/g;
/** The character after a run: a letter, digit or `@` glued to it means it is part of something else. */
const GLUED_AFTER = /[\w@]/;

/** A digit group of a run, with its position and the separator that precedes it. */
interface Group {
  digits: string;
  start: number;
  end: number;
  paren: boolean;
  /** Separator text before this group ("" for the first or when glued to a parenthesis). */
  sep: string;
}

/** Splits a run into groups; undefined when its punctuation is not phone-like. */
function parseGroups(run: string, offset: number): { plus: boolean; groups: Group[] } | undefined {
  let i = 0;
  const plus = run[0] === '+';
  if (plus) i++;
  const groups: Group[] = [];
  let sep = '';
  while (i < run.length) {
    const c = run[i]!;
    if (c === '(') {
      const close = run.indexOf(')', i);
      if (close < 0 || close - i - 1 < 1 || close - i - 1 > 5) return undefined;
      const digits = run.slice(i + 1, close);
      if (!/^\d+$/.test(digits)) return undefined;
      groups.push({ digits, start: offset + i, end: offset + close + 1, paren: true, sep });
      sep = '';
      i = close + 1;
    } else if (c >= '0' && c <= '9') {
      let j = i;
      while (j < run.length && run[j]! >= '0' && run[j]! <= '9') j++;
      groups.push({ digits: run.slice(i, j), start: offset + i, end: offset + j, paren: false, sep });
      sep = '';
      i = j;
    } else if (c === ')') {
      return undefined;
    } else {
      sep += c;
      if (sep.length > 1 && !(sep === ' -' || sep === '- ')) return undefined;
      i++;
    }
  }
  return { plus, groups };
}

/** One kind of separator between plain groups (a space after `(…)` or after the country code may differ). */
function consistentSeparators(groups: readonly Group[], skipFirst: boolean): boolean {
  let kind: string | undefined;
  for (let g = 1; g < groups.length; g++) {
    const { sep } = groups[g]!;
    if (groups[g - 1]!.paren || groups[g]!.paren || (skipFirst && g === 1)) continue;
    if (sep === '') return false;
    const k = sep.trim() === '' ? ' ' : sep.trim();
    if (kind === undefined) kind = k;
    else if (kind !== k) return false;
  }
  return true;
}

const sizes = (groups: readonly Group[]) => groups.map((g) => g.digits.length).join(',');

/** Score of a run of groups as a phone number, or undefined. */
function phoneScore(plus: boolean, groups: readonly Group[], runStart = true): number | undefined {
  const all = groups.map((g) => g.digits).join('');
  if (groups.length === 0 || groups.length > 8) return undefined;
  const first = groups[0]!;
  // International: + or 00 prefix.
  // A `00` prefix counts only where the run starts, not on a group cut out of a longer run.
  if (plus || (runStart && first.digits.startsWith('00') && first.digits.length <= 4 && !first.paren)) {
    // "+44 (0)20 …": the bracketed trunk zero is not dialled.
    const dialled = groups.filter((g) => !(g.paren && g.digits === '0')).map((g) => g.digits).join('');
    const digits = plus ? dialled : dialled.slice(2);
    if (digits.length < 7 || digits.length > 15 || digits[0] === '0') return undefined;
    if (groups.length > 1 && !consistentSeparators(groups, true)) return undefined;
    for (const len of [1, 2, 3]) {
      const range = COUNTRY_LENGTHS[digits.slice(0, len)];
      if (range !== undefined) {
        const nsn = digits.length - len;
        return nsn >= range[0] && nsn <= range[1] ? 0.6 : undefined;
      }
    }
    return digits.length >= 8 ? 0.3 : undefined;
  }
  if (all.length < 7 || all.length > 15) return undefined;
  const bare = groups.length === 1;
  if (!bare && !consistentSeparators(groups, false)) return undefined;
  // NANP: [1] NXX NXX XXXX.
  const nanp = all.length === 11 && all[0] === '1' && (groups.length === 1 || first.digits === '1') ? all.slice(1) : all;
  const nanpShape = bare ? /^\d{10,11}$/.test(first.digits) : /^(1,)?3,3,4$/.test(sizes(groups));
  if (nanp.length === 10 && nanpShape && /^[2-9]\d{2}[2-9]\d{6}$/.test(nanp)) {
    return bare ? 0.1 : 0.4;
  }
  // Trunk-prefixed national numbers.
  if (all[0] === '0' && all[1] !== '0' && all.length >= 10 && all.length <= 12) {
    if (bare) return all.length >= 10 && all.length <= 11 ? 0.1 : undefined;
    const okGroups = groups.every((g, i) => (i === 0 ? g.digits.length >= 2 && g.digits.length <= 5 : g.digits.length >= 2 && g.digits.length <= 8));
    return okGroups ? 0.4 : undefined;
  }
  if (bare) return undefined;
  const shape = sizes(groups);
  if (/^[6-9]/.test(all) && (shape === '3,3,3' || shape === '3,2,2,2')) return 0.25; // ES
  if (/^[6-9]/.test(all) && shape === '5,5') return 0.25; // IN mobile
  if (/^1[3-9]/.test(all) && shape === '3,4,4') return 0.25; // CN mobile
  if (first.paren && first.digits.length === 2 && first.digits[0] !== '0' && (shape === '2,4,4' || shape === '2,5,4')) return 0.25; // BR
  return undefined;
}

/** Finds phone candidates: each maximal run, or its best sub-run split at spaces. */
export function findPhones(text: string, accept: (c: Candidate) => boolean): void {
  // Runs are maximal, so the search always resumes after a run (a sub-run is chosen below).
  for (const m of text.matchAll(RUN)) {
    let run = m[0];
    const at = m.index;
    if (run.length > 64) continue; // longer than any phone number written with punctuation
    // Trim an unbalanced trailing ")" ("(call 212-555-0143)") and the separators it leaves.
    while (run.endsWith(')') && run.split('(').length < run.split(')').length) run = run.slice(0, -1).replace(/[ .\-\/]+$/, '');
    if (run.startsWith('(') && !run.includes(')')) continue;
    if (run.length === 0 || GLUED_AFTER.test(text.charAt(at + run.length))) continue;
    const parsed = parseGroups(run, at);
    if (parsed === undefined) continue;
    const best = bestSubRun(parsed.plus, parsed.groups, at);
    if (best) accept(best);
  }
}

function bestSubRun(plus: boolean, groups: readonly Group[], runStart: number): Candidate | undefined {
  const whole = phoneScore(plus, groups);
  if (whole !== undefined) return { start: runStart, end: groups[groups.length - 1]!.end, score: whole, pattern: 'phone' };
  // Adjacent numbers joined by single spaces: try the longest sub-run cut at spaces.
  let best: Candidate | undefined;
  for (let i = 0; i < groups.length; i++) {
    if (i > 0 && groups[i]!.sep !== ' ') continue;
    for (let j = groups.length; j > i; j--) {
      if ((i === 0 && j === groups.length) || (j < groups.length && groups[j]!.sep !== ' ')) continue;
      // What is cut off must look like another number (a year, an amount), not like the head or
      // tail of one longer identifier ("86 095 742 719" is a tax id, not "86" + a phone number).
      const looksApart = (g: Group | undefined) => g === undefined || (g.digits.length >= 4 && g.digits[0] !== '0');
      if (!looksApart(groups[i - 1]) || !looksApart(groups[j])) continue;
      const slice = groups.slice(i, j);
      const score = phoneScore(plus && i === 0, slice, i === 0);
      if (score === undefined) continue;
      const start = i === 0 ? runStart : slice[0]!.start;
      const end = slice[slice.length - 1]!.end;
      if (!best || end - start > best.end - best.start) best = { start, end, score, pattern: 'phone' };
      break;
    }
  }
  return best;
}

export const phoneRecognizer: Recognizer = {
  id: 'phone',
  needsDigit: true,
  type: 'PHONE_NUMBER',
  pack: 'global',
  patterns: [],
  context: ['phone', 'telephone', 'tel', 'mobile', 'cell', 'cellphone', 'call', 'fax', 'contact', 'number', 'whatsapp', 'ph', 'mob', 'landline', 'hotline', 'dial', 'text', 'sms', 'tel.', 'teléfono', 'telefon', 'téléphone', 'telefono', 'handy', 'móvil', 'movil', 'celular', 'portable', 'mobil', 'cellulare'],
  find: findPhones,
};
