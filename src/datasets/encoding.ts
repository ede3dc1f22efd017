import type { DatasetField } from './types.js';

/**
 * The text encodings a file is read in and written back in. A file is written in the encoding it
 * was read in, so a tool in a Windows-1252 or UTF-16 workflow gets back what it can open.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const ALIASES: Readonly<Record<string, TextEncodingName>> = Object.freeze({
  'utf-8': 'utf-8', utf8: 'utf-8',
  'utf-16le': 'utf-16le', utf16le: 'utf-16le',
  'utf-16be': 'utf-16be', utf16be: 'utf-16be',
  // Browsers and TextDecoder read Latin-1 labels as Windows-1252 (a superset of its printable range).
  'windows-1252': 'windows-1252', cp1252: 'windows-1252', 'latin-1': 'windows-1252', latin1: 'windows-1252', 'iso-8859-1': 'windows-1252',
});

/** An encoding name as a user writes it (any case, common aliases), or undefined when unknown. */
export function encodingFromName(name: string): TextEncodingName | undefined {
  return ALIASES[name.trim().toLowerCase()];
}

export const ENCODING_NAMES: readonly string[] = Object.freeze(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252 (latin1)']);

/**
 * Windows-1252 as TextDecoder reads it: every byte maps to one distinct character (the five bytes
 * the code page leaves undefined map to C1 controls), so reading and writing back is lossless.
 */
let cp1252: { chars: string; bytes: Map<number, number> } | undefined;
function windows1252() {
  if (cp1252 === undefined) {
    const chars = decodeWhole(Uint8Array.from({ length: 256 }, (_, b) => b), 'windows-1252');
    const bytes = new Map<number, number>();
    for (let b = 0; b < 256; b++) bytes.set(chars.charCodeAt(b), b);
    cp1252 = { chars, bytes };
  }
  return cp1252;
}

/**
 * Bytes → text in `encoding`, keeping a leading BOM as U+FEFF. Decoded as a stream and flushed:
 * Node 20's one-shot Windows-1252 decode takes a Latin-1 shortcut that drops bytes 0x80–0x9F
 * (`€`, curly quotes), while its streaming decode maps them as browsers do.
 */
export function decodeWhole(bytes: Uint8Array, encoding: TextEncodingName): string {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

/** The bytes Windows-1252 leaves undefined, as read: a run of them means binary, not text. */
export function isUndefinedIn1252(code: number): boolean {
  return code === 0x81 || code === 0x8d || code === 0x8f || code === 0x90 || code === 0x9d;
}

/** Thrown when text holds characters the target encoding cannot write. Names counts, never text. */
export class UnencodableTextError extends Error {
  override readonly name = 'UnencodableTextError';
  constructor(
    readonly encoding: TextEncodingName,
    readonly count: number,
  ) {
    super(`${count} character(s) cannot be written in ${encoding}`);
  }
}

/**
 * Text → bytes in `encoding` (a leading U+FEFF becomes that encoding's byte-order mark). A character
 * Windows-1252 cannot hold throws `UnencodableTextError` rather than becoming `?`: call
 * `fitToEncoding` on new text first.
 */
export function encodeText(text: string, encoding: TextEncodingName): Uint8Array<ArrayBuffer> {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-16le':
    case 'utf-16be': {
      const out = new Uint8Array(text.length * 2);
      const little = encoding === 'utf-16le';
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[2 * i + (little ? 0 : 1)] = c & 0xff;
        out[2 * i + (little ? 1 : 0)] = c >>> 8;
      }
      return out;
    }
    case 'windows-1252': {
      const { bytes } = windows1252();
      const out = new Uint8Array(text.length);
      let missing = 0;
      for (let i = 0; i < text.length; i++) {
        const b = bytes.get(text.charCodeAt(i));
        if (b === undefined) missing++;
        else out[i] = b;
      }
      if (missing > 0) throw new UnencodableTextError(encoding, missing);
      return out;
    }
  }
}

/**
 * How many bytes `text` takes in `encoding` (a leading U+FEFF counts as the BOM it stands for), as
 * `encodeText` would write it, without writing it. For text decoded without loss from a file, this
 * is the length of the bytes it was read from.
 */
export function encodedLength(text: string, encoding: TextEncodingName): number {
  if (encoding === 'windows-1252') return text.length;
  if (encoding !== 'utf-8') return text.length * 2;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * `text` as it can be written in `encoding`: unchanged when it fits; else with accents taken off
 * the letters that need it (`Ł` has none to take off, `Ğ` → `G`), which is what a surrogate or
 * mask needs; undefined when some character still does not fit (the caller fails that record).
 */
export function fitToEncoding(text: string, encoding: TextEncodingName): string | undefined {
  if (encoding !== 'windows-1252') return text;
  const { bytes } = windows1252();
  const fits = (s: string) => {
    for (let i = 0; i < s.length; i++) if (!bytes.has(s.charCodeAt(i))) return false;
    return true;
  };
  if (fits(text)) return text;
  let out = '';
  for (const ch of text) {
    if (fits(ch)) {
      out += ch;
      continue;
    }
    const bare = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    if (bare === '' || !fits(bare)) return undefined;
    out += bare;
  }
  return out;
}

/**
 * Masked fields as `encoding` can write them (`fitToEncoding` on each), or undefined when one still
 * does not fit: the caller fails that record (placeholder) rather than writing `?`.
 */
export function fitFieldsToEncoding(fields: readonly DatasetField[], encoding: TextEncodingName): DatasetField[] | undefined {
  if (encoding !== 'windows-1252') return [...fields];
  const out: DatasetField[] = [];
  for (const f of fields) {
    const text = fitToEncoding(f.text, encoding);
    if (text === undefined) return undefined;
    out.push({ key: f.key, text });
  }
  return out;
}
