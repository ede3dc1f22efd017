import { DatasetError } from './errors.js';

/** Fewer suspect characters than this never make a file "not text" (a stray bad byte is tolerated). */
const MIN_SUSPECTS = 8;
/** Above this share of suspect characters, a file is binary or in another encoding. */
const MAX_SUSPECT_SHARE = 0.1;

/**
 * Refuses decoded bytes that are not text: random or binary data, or text in another encoding
 * (UTF-16 without a byte-order mark, which is half NUL bytes). Decoding such bytes always
 * "succeeds" (invalid UTF-8 becomes U+FFFD), and a line-based reader would then turn noise into
 * records, so the whole file is refused instead. Suspect characters: NUL and other C0 controls
 * (tab, line breaks, form feed and escape excepted) and bytes that were not valid UTF-8.
 * `invalidSequences` is how many U+FFFD the decoder put in. The message gives counts, never content.
 */
export function assertText(text: string, invalidSequences: number): void {
  assertTextShare(countSuspects(text) + invalidSequences, text.length);
}

/** NUL and other C0 controls in `text` (tab, line breaks, form feed and escape excepted). */
export function countSuspects(text: string): number {
  let suspects = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) suspects++;
  }
  return suspects;
}

/**
 * The rule of `assertText` on counts, so text read piece by piece is judged by its totals exactly
 * as the same text read whole.
 */
export function assertTextShare(suspects: number, chars: number): void {
  if (suspects >= MIN_SUSPECTS && suspects > chars * MAX_SUSPECT_SHARE) {
    throw new DatasetError(
      'not_text',
      `the file is not text: ${suspects} of ${chars} characters are NUL, control characters or invalid UTF-8 (binary data, or text in another encoding: save it as UTF-8)`,
    );
  }
}
