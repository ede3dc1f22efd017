import { assertText } from './not-text.js';
import { DatasetError } from './errors.js';
import { isUndefinedIn1252, type TextEncodingName } from './encoding.js';

export interface DecodedText {
  text: string;
  bom: boolean;
  /** The encoding the bytes were read in, to write the output back in. */
  encoding: TextEncodingName;
  /** True when nothing said the encoding: the bytes were not UTF-8 and were read as Windows-1252. */
  guessed: boolean;
}

/**
 * Bytes (or a string) → text, noting a byte-order mark and the encoding so the writer can put both
 * back. The encoding: a BOM's (UTF-8, UTF-16LE/BE); else UTF-8 when the bytes are valid UTF-8; else
 * `declared`; else Windows-1252 (`guessed`: the caller should warn). Windows-1252 maps every byte
 * to a character, so nothing is replaced by U+FFFD and the bytes come back as read. Bytes that are
 * mostly not text are refused (`DatasetError` `not_text`, see not-text.ts). A string is the
 * caller's text already and is not checked.
 */
export function decodeText(content: string | Uint8Array, declared?: TextEncodingName): DecodedText {
  if (typeof content === 'string') {
    const bom = content.charCodeAt(0) === 0xfeff;
    return { text: bom ? content.slice(1) : content, bom, encoding: 'utf-8', guessed: false };
  }
  const b = content;
  const withBom =
    b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? { encoding: 'utf-8' as const, skip: 3 }
    : b[0] === 0xff && b[1] === 0xfe ? { encoding: 'utf-16le' as const, skip: 2 }
    : b[0] === 0xfe && b[1] === 0xff ? { encoding: 'utf-16be' as const, skip: 2 }
    : undefined;
  if (withBom) {
    const decoded = decode(withBom.encoding, b.subarray(withBom.skip));
    assertText(decoded.text, decoded.invalid);
    return { text: decoded.text, bom: true, encoding: withBom.encoding, guessed: false };
  }
  const utf8 = decode('utf-8', b);
  if (utf8.invalid === 0 && !utf8.lenient) {
    assertText(utf8.text, 0);
    return { text: utf8.text, bom: false, encoding: 'utf-8', guessed: false };
  }
  const encoding = declared ?? 'windows-1252';
  const decoded = encoding === 'utf-8' ? utf8 : decode(encoding, b);
  assertText(decoded.text, decoded.invalid);
  // Declared, but the bytes disagree: refuse rather than write U+FFFD the file never held.
  if (decoded.lenient) throw new DatasetError('not_text', `the file is not valid ${encoding}: ${decoded.invalid} invalid byte sequence(s)`);
  return { text: decoded.text, bom: false, encoding, guessed: declared === undefined };
}

/**
 * Decodes leniently and counts the U+FFFD the decoder put in for invalid input (`lenient`: some
 * input was invalid). Windows-1252 never fails: its undefined bytes count as invalid instead, so
 * binary data read that way is still refused.
 */
function decode(encoding: TextEncodingName, bytes: Uint8Array): { text: string; invalid: number; lenient: boolean } {
  if (encoding === 'windows-1252') {
    const text = new TextDecoder(encoding).decode(bytes);
    let invalid = 0;
    for (let i = 0; i < text.length; i++) if (isUndefinedIn1252(text.charCodeAt(i))) invalid++;
    return { text, invalid, lenient: false };
  }
  try {
    return { text: new TextDecoder(encoding, { ignoreBOM: true, fatal: true }).decode(bytes), invalid: 0, lenient: false };
  } catch {
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    const replaced = countChar(text, 0xfffd);
    // U+FFFD written in the file itself is text, not a decoding failure.
    const genuine = encoding === 'utf-8' ? countUtf8Replacement(bytes) : 0;
    return { text, invalid: Math.max(0, replaced - genuine), lenient: true };
  }
}

function countChar(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}

function countUtf8Replacement(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  return n;
}

export const BOM = '\uFEFF';

/**
 * The encoding of a file read as a stream, from its first bytes (`head`), by the same rules as
 * `decodeText`. A character cut at the end of the head does not count as invalid UTF-8; invalid
 * UTF-8 past the head is found while reading (a fatal decoder), not guessed around.
 */
export function detectEncoding(head: Uint8Array, declared?: TextEncodingName): Omit<DecodedText, 'text'> {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { bom: true, encoding: 'utf-8', guessed: false };
  if (head[0] === 0xff && head[1] === 0xfe) return { bom: true, encoding: 'utf-16le', guessed: false };
  if (head[0] === 0xfe && head[1] === 0xff) return { bom: true, encoding: 'utf-16be', guessed: false };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { bom: false, encoding: 'utf-8', guessed: false };
  } catch {
    return { bom: false, encoding: declared ?? 'windows-1252', guessed: declared === undefined };
  }
}
