import type { Recognizer } from '../recognizer.js';

/** Check letter of a UEN: weighted sum of the values before it, looked up in the format's alphabet. */
function uenCheck(values: readonly number[], weights: readonly number[], alphabet: string, offset = 0): string {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += values[i]! * weights[i]!;
  return alphabet[(((sum - offset) % 11) + 11) % 11]!;
}

/** Entity-type codes of format C UENs (LP limited partnership, LL LLP, FC foreign company, …). */
const UEN_ENTITY_TYPES = new Set([
  'LP', 'LL', 'FC', 'PF', 'RF', 'MQ', 'MM', 'NB', 'CC', 'CS', 'MB', 'FM', 'GS', 'DP', 'CP', 'NR', 'CM', 'CD', 'MD', 'HS',
  'VH', 'CH', 'MH', 'CL', 'XL', 'CX', 'HC', 'RP', 'TU', 'TC', 'FB', 'FN', 'PA', 'PB', 'SS', 'MC', 'SM', 'GA', 'GB',
]);

const UEN_C_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWX0123456789';

/**
 * Three UEN formats, each with its check letter: A (businesses, 8 digits + letter), B (local
 * companies, year of registration + 5 digits + letter; the year may not be in the future), C
 * (other entities, T/S/R + year + entity type + 4 digits + letter).
 */
export function validateUen(value: string): boolean {
  const digits = [...value].map((c) => c.charCodeAt(0) - 48);
  if (/^\d{8}[A-Z]$/.test(value)) return uenCheck(digits, [10, 4, 9, 3, 8, 2, 7, 1], 'XMKECAWLJDB') === value[8];
  if (/^\d{9}[A-Z]$/.test(value)) {
    if (Number(value.slice(0, 4)) > new Date().getUTCFullYear()) return false;
    return uenCheck(digits, [10, 8, 6, 4, 9, 7, 5, 3, 1], 'ZKCMDNERGWH') === value[9];
  }
  if (!/^[RST]\d{2}[A-Z]{2}\d{4}[A-Z0-9]$/.test(value) || !UEN_ENTITY_TYPES.has(value.slice(3, 5))) return false;
  const values = [...value.slice(0, 9)].map((c) => UEN_C_ALPHABET.indexOf(c));
  return uenCheck(values, [4, 3, 5, 3, 10, 2, 2, 5, 7], UEN_C_ALPHABET, 5) === value[9];
}

/** Unique Entity Number (companies, businesses, other entities): 0.3 → check letter → 1.0 or dropped. */
export const sgUenRecognizer: Recognizer = {
  id: 'sg-uen',
  type: 'SG_UEN',
  pack: 'sg',
  patterns: [{ name: 'UEN', regex: /(?<![\w])(?:\d{8,9}[A-Z]|[RST]\d{2}[A-Z]{2}\d{4}[A-Z0-9])(?![\w])/g, score: 0.3 }],
  context: ['uen', 'unique entity number', 'business registration', 'acra', 'company registration'],
  validate: validateUen,
};
