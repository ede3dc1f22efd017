/** How many characters of a caller's value a message may quote. */
export const QUOTE_MAX = 40;

/**
 * A caller's value (an id, a name, a strategy word) as it may appear in an error message: JSON
 * escaped, cut to `QUOTE_MAX` characters with `…`. Callers may pass megabytes or control
 * characters by mistake; echoing them whole would flood logs and could carry text that must stay
 * out of them.
 */
export function quoteValue(value: unknown, max = QUOTE_MAX): string {
  if (typeof value !== 'string') return value === null ? 'null' : typeof value;
  const chars = Array.from(value.slice(0, max * 2)); // by code point, so no half surrogate pair is quoted
  return JSON.stringify(chars.length > max || value.length > max * 2 ? `${chars.slice(0, max).join('')}…` : value);
}

/**
 * `parent.key` as an error's `field`, for a key the caller chose: the key is kept only when short
 * and free of control characters, so a field never carries more of a caller's value than a message may.
 */
export function fieldFor(parent: string, key: string): string {
  return key.length <= QUOTE_MAX && !/[\u0000-\u001f\u007f]/.test(key) ? `${parent}.${key}` : parent;
}
