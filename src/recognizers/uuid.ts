/**
 * UUIDs (RFC 4122 versions 1–5, RFC 9562 version 7): 8-4-4-4-12 hex digits, 0.5. The version
 * nibble and the variant bits must be valid and the nil UUID is dropped, as in Presidio. Off unless
 * named: a UUID identifies a record, not usually a person, and logs are full of them.
 */
import type { Recognizer } from './recognizer.js';

const UUID = /(?<![\w\-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![\w]|-[0-9A-Fa-f])/g;

export function invalidateUuid(value: string): boolean {
  const groups = value.toLowerCase().split('-');
  const version = groups[2]?.[0] ?? '';
  const variant = groups[3]?.[0] ?? '';
  return !'123457'.includes(version) || !'89ab'.includes(variant);
}

export const uuidRecognizer: Recognizer = {
  id: 'uuid',
  type: 'UUID',
  pack: 'global',
  defaultOn: false,
  patterns: [{ name: 'UUID (hyphenated)', regex: UUID, score: 0.5 }],
  context: ['uuid', 'guid', 'unique identifier'],
  invalidate: invalidateUuid,
};
