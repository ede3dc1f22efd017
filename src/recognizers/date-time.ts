/**
 * Dates and times. Presidio's numeric patterns (ISO 8601 datetime 0.8; y-m-d, m/d/y, d/m/y,
 * d.m.y, d-MMM-y, MMM-y, d-MMM 0.6; mm/yyyy 0.2; mm/yy 0.1) plus written forms ("March 5, 2024",
 * "5th of March 2024" 0.6, "March 2024" 0.5, "March 5" 0.4) and clock times ("3:30 pm" 0.5,
 * "14:05" 0.25). Unlike Presidio, the calendar is checked: 2023-02-29 or 31/04/2020 is dropped
 * (a numeric date is kept when either the month-first or the day-first reading is real).
 * `mm/yy` stays at 0.1 so "03/22" in a log line is below any sensible threshold (#1173).
 */
import { isValidDate } from './checksums.js';
import type { Recognizer, Validation } from './recognizer.js';

const L = '(?<![\\w/.\\-:])';
const R = '(?![\\w]|[/.\\-:]\\d)';
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORD = '(?:st|nd|rd|th)?';

const re = (source: string, flags = 'g') => new RegExp(L + source + R, flags);
// Month-first patterns open with a letter: `\b` costs V8 far less than a lookbehind there.
const reWord = (source: string) => new RegExp(`\\b${source}${R}`, 'gi');

const PATTERNS = [
  { name: 'ISO 8601 datetime', regex: re('\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+\\-]\\d{2}:?\\d{2})?'), score: 0.8 },
  { name: 'yyyy-mm-dd', regex: re('\\d{4}([\\-/.])\\d{1,2}\\1\\d{1,2}'), score: 0.6 },
  { name: 'mm/dd/yyyy or dd/mm/yyyy', regex: re('\\d{1,2}([/\\-])\\d{1,2}\\1(?:\\d{4}|\\d{2})'), score: 0.6 },
  // Two-digit years with one-digit parts (21.5.21) as Presidio; the calendar check drops 1.13.20.
  { name: 'dd.mm.yyyy', regex: re('\\d{1,2}\\.\\d{1,2}\\.(?:\\d{4}|\\d{2})'), score: 0.6 },
  { name: 'dd-MMM-yyyy', regex: re(`\\d{1,2}[\\- ]${MONTH}\\.?[\\- ](?:\\d{4}|\\d{2})`, 'gi'), score: 0.6 },
  { name: 'MMM dd, yyyy', regex: reWord(`${MONTH}\\.? \\d{1,2}${ORD},? \\d{4}`), score: 0.6 },
  { name: 'dd of MMM yyyy', regex: re(`\\d{1,2}${ORD}(?: of)? ${MONTH}\\.?,? \\d{4}`, 'gi'), score: 0.6 },
  { name: 'MMM yyyy', regex: reWord(`${MONTH}\\.?,? \\d{4}`), score: 0.5 },
  // Hyphenated short forms (May-21, May-2021, 21-May), Presidio's MMM-y and d-MMM patterns.
  { name: 'MMM-yy', regex: reWord(`${MONTH}-(?:\\d{4}|\\d{2})`), score: 0.6 },
  { name: 'dd-MMM', regex: re(`\\d{1,2}-${MONTH}`, 'gi'), score: 0.6 },
  { name: 'MMM dd', regex: reWord(`${MONTH}\\.? \\d{1,2}${ORD}`), score: 0.4 },
  { name: 'dd MMM', regex: re(`\\d{1,2}${ORD} (?:of )?${MONTH}`, 'gi'), score: 0.4 },
  { name: 'time am/pm', regex: re('(?:1[0-2]|0?[1-9])(?::[0-5]\\d){1,2} ?(?:[ap]m|[ap]\\.m\\.)', 'gi'), score: 0.5 },
  { name: 'time 24h', regex: re('(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?'), score: 0.25 },
  { name: 'mm/yyyy', regex: re('(?:0?[1-9]|1[0-2])/\\d{4}'), score: 0.2 },
  { name: 'mm/yy', regex: re('(?:0?[1-9]|1[0-2])/\\d{2}'), score: 0.1 },
];

const MONTH_RE = new RegExp(MONTH, 'i');
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Both centuries for a two-digit year (the calendar only matters for 29 February). */
const years = (y: string): number[] => (y.length === 2 ? [1900 + Number(y), 2000 + Number(y)] : [Number(y)]);
const anyYear = (y: string, m: number, d: number) => years(y).some((yy) => yy >= 1000 && yy <= 2999 && isValidDate(yy, m, d));

export function validateDate(value: string, pattern: string): Validation {
  const nums = value.match(/\d+/g) ?? [];
  const monthName = MONTH_RE.exec(value);
  const month = monthName ? MONTHS.indexOf(monthName[0].slice(0, 3).toLowerCase()) + 1 : 0;
  switch (pattern) {
    case 'ISO 8601 datetime': {
      const [y, m, d, hh, mm] = nums;
      return anyYear(y!, Number(m), Number(d)) && Number(hh) < 24 && Number(mm) < 60 ? undefined : false;
    }
    case 'yyyy-mm-dd':
      return anyYear(nums[0]!, Number(nums[1]), Number(nums[2])) ? undefined : false;
    case 'mm/dd/yyyy or dd/mm/yyyy':
    case 'dd.mm.yyyy': {
      const [a, b, y] = nums;
      const ok = anyYear(y!, Number(a), Number(b)) || anyYear(y!, Number(b), Number(a));
      return ok ? undefined : false;
    }
    case 'dd-MMM-yyyy':
    case 'dd of MMM yyyy':
      return month > 0 && anyYear(nums[1]!, month, Number(nums[0])) ? undefined : false;
    case 'MMM dd, yyyy':
      return month > 0 && anyYear(nums[1]!, month, Number(nums[0])) ? undefined : false;
    case 'MMM yyyy':
      return month > 0 && Number(nums[0]) >= 1000 && Number(nums[0]) <= 2999 ? undefined : false;
    case 'MMM-yy':
      return month > 0 && (nums[0]!.length === 2 || (Number(nums[0]) >= 1000 && Number(nums[0]) <= 2999)) ? undefined : false;
    case 'MMM dd':
    case 'dd MMM':
    case 'dd-MMM':
      return month > 0 && isValidDate(2000, month, Number(nums[0])) ? undefined : false;
    default:
      return undefined;
  }
}

export const dateTimeRecognizer: Recognizer = {
  id: 'date-time',
  needsDigit: true,
  type: 'DATE_TIME',
  pack: 'global',
  patterns: PATTERNS,
  context: ['date', 'birthday', 'born', 'dob', 'birth', 'dated', 'expires', 'expiry', 'expiration', 'deadline', 'appointment', 'time', 'at', 'on', 'since', 'until'],
  validate: validateDate,
};
