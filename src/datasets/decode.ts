import { assertText } from './not-text.js';

/**
 * Bytes (or a string) → text, noting a byte-order mark so the writer can put it back. UTF-8 by
 * default; a UTF-16 BOM switches to UTF-16 (what spreadsheet "Unicode text" exports use). A stray
 * invalid UTF-8 byte becomes U+FFFD (it cannot hold text we could scan anyway), but bytes that are
 * mostly not text are refused (`DatasetError` `not_text`, see not-text.ts). A string is the
 * caller's text already and is not checked.
 */
export function decodeText(content: string | Uint8Array): { text: string; bom: boolean } {
  if (typeof content === 'string') {
    const bom = content.charCodeAt(0) === 0xfeff;
    return { text: bom ? content.slice(1) : content, bom };
  }
  const b = content;
  const decoded =
    b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? { ...decode('utf-8', b.subarray(3)), bom: true }
    : b[0] === 0xff && b[1] === 0xfe ? { ...decode('utf-16le', b.subarray(2)), bom: true }
    : b[0] === 0xfe && b[1] === 0xff ? { ...decode('utf-16be', b.subarray(2)), bom: true }
    : { ...decode('utf-8', b), bom: false };
  assertText(decoded.text, decoded.invalid);
  return { text: decoded.text, bom: decoded.bom };
}

/** Decodes leniently and counts the U+FFFD the decoder put in for invalid input. */
function decode(encoding: string, bytes: Uint8Array): { text: string; invalid: number } {
  try {
    return { text: new TextDecoder(encoding, { ignoreBOM: true, fatal: true }).decode(bytes), invalid: 0 };
  } catch {
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    const replaced = countChar(text, 0xfffd);
    // U+FFFD written in the file itself is text, not a decoding failure.
    const genuine = encoding === 'utf-8' ? countUtf8Replacement(bytes) : 0;
    return { text, invalid: Math.max(0, replaced - genuine) };
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
