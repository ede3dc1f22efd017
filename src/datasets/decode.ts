import { assertTextShare, countSuspects } from './not-text.js';
import { DatasetError } from './errors.js';
import { isUndefinedIn1252, type TextEncodingName } from './encoding.js';

/** How a file's bytes are read: what `detectEncoding` found. */
export interface EncodingFound {
  /** The bytes start with a byte-order mark (not part of the text; written back). */
  bom: boolean;
  /** The encoding the bytes are read in, to write the output back in. */
  encoding: TextEncodingName;
  /** True when nothing said the encoding: the bytes were not UTF-8 and are read as Windows-1252. */
  guessed: boolean;
}

export interface DecodedText extends EncodingFound {
  text: string;
}

export const BOM = '\uFEFF';

/**
 * Bytes (or a string) → text, noting a byte-order mark and the encoding so the writer can put both
 * back: `detectEncoding` over all the bytes, then `TextStreamDecoder` in one piece, so a file read
 * whole and the same file read as a stream (`openRecordChunks`) decode alike. Bytes that are mostly
 * not text are refused (`DatasetError` `not_text`, see not-text.ts). A string is the caller's text
 * already and is not checked.
 */
export function decodeText(content: string | Uint8Array, declared?: TextEncodingName): DecodedText {
  if (typeof content === 'string') {
    const bom = content.charCodeAt(0) === 0xfeff;
    return { text: bom ? content.slice(1) : content, bom, encoding: 'utf-8', guessed: false };
  }
  const found = detectEncoding(content, declared, true);
  const decoder = new TextStreamDecoder(found);
  const text = decoder.decode(content) + decoder.end();
  decoder.assertText();
  return { text, ...found };
}

/**
 * The encoding of a file from its first bytes (`head`; all of them when `complete`): a BOM's
 * (UTF-8, UTF-16LE/BE); else UTF-8 when the head is valid UTF-8 (a character cut at the end of an
 * incomplete head does not count against it); else `declared`; else Windows-1252 (`guessed`: the
 * caller should warn). Windows-1252 maps every byte to a character, so nothing is replaced by
 * U+FFFD and the bytes come back as read.
 */
export function detectEncoding(head: Uint8Array, declared?: TextEncodingName, complete = false): EncodingFound {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { bom: true, encoding: 'utf-8', guessed: false };
  if (head[0] === 0xff && head[1] === 0xfe) return { bom: true, encoding: 'utf-16le', guessed: false };
  if (head[0] === 0xfe && head[1] === 0xff) return { bom: true, encoding: 'utf-16be', guessed: false };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return { bom: false, encoding: 'utf-8', guessed: false };
  } catch {
    return { bom: false, encoding: declared ?? 'windows-1252', guessed: declared === undefined };
  }
}

/**
 * Decodes a file piece by piece in the encoding found, dropping the BOM, and keeps the counts
 * `assertText` judges (so the verdict does not depend on how the bytes were cut):
 * - after a BOM the encoding is certain and decoding is lenient: a stray bad sequence becomes
 *   U+FFFD and counts as suspect (a U+FFFD the file itself holds does not);
 * - without one, UTF-8 (valid at the head) and a declared encoding must hold throughout: bytes
 *   that are not valid refuse the file rather than being read with U+FFFD the file never held;
 * - Windows-1252 cannot fail; its five undefined bytes count as suspect, so binary is still refused.
 */
export class TextStreamDecoder {
  readonly #decoder: TextDecoder;
  readonly #encoding: TextEncodingName;
  readonly #genuine: GenuineReplacements | undefined;
  #suspects = 0;
  #chars = 0;
  #replaced = 0;

  constructor(found: EncodingFound) {
    this.#encoding = found.encoding;
    const lenient = found.bom;
    // ignoreBOM false: the decoder drops the BOM it was found by (Windows-1252 has none to drop).
    this.#decoder = new TextDecoder(found.encoding, { fatal: !lenient && found.encoding !== 'windows-1252', ignoreBOM: false });
    this.#genuine = lenient ? new GenuineReplacements(found.encoding) : undefined;
  }

  /** The text of the next piece of bytes (a character cut at its end comes with the next piece). */
  decode(bytes: Uint8Array): string {
    this.#genuine?.feed(bytes);
    return this.#count(this.#run(() => this.#decoder.decode(bytes, { stream: true })));
  }

  /** What is left once the bytes have ended (a cut character: U+FFFD, or the refusal). */
  end(): string {
    return this.#count(this.#run(() => this.#decoder.decode()));
  }

  /**
   * True while every byte decoded so far became the character it encodes (no U+FFFD put in for a
   * bad sequence), so text lengths map back to byte lengths (`encodedLength`).
   */
  get lossless(): boolean {
    return this.#replaced === (this.#genuine?.count ?? 0);
  }

  /** Refuses what was decoded so far if it is not text (`DatasetError` `not_text`). */
  assertText(): void {
    const invalid = Math.max(0, this.#replaced - (this.#genuine?.count ?? 0));
    assertTextShare(this.#suspects + invalid, this.#chars);
  }

  #run(decode: () => string): string {
    try {
      return decode();
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      throw new DatasetError('not_text', `the file is not valid ${this.#encoding} throughout (the encoding its start showed, or the one declared): name its encoding`);
    }
  }

  #count(text: string): string {
    this.#chars += text.length;
    this.#suspects += countSuspects(text);
    if (this.#encoding === 'windows-1252') {
      for (let i = 0; i < text.length; i++) if (isUndefinedIn1252(text.charCodeAt(i))) this.#suspects++;
    } else if (this.#genuine) {
      for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) this.#replaced++;
    }
    return text;
  }
}

/**
 * U+FFFD written in the file itself (its encoded bytes, at a character boundary for UTF-16),
 * counted across pieces: those are text, not decoding failures.
 */
class GenuineReplacements {
  count = 0;
  readonly #pattern: readonly number[];
  readonly #step: number;
  /** The last bytes seen (fewer than the pattern) and the file offset of the first of them. */
  #tail: number[] = [];
  #tailAt = 0;

  constructor(encoding: TextEncodingName) {
    this.#pattern = encoding === 'utf-16le' ? [0xfd, 0xff] : encoding === 'utf-16be' ? [0xff, 0xfd] : [0xef, 0xbf, 0xbd];
    this.#step = encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : 1;
  }

  feed(bytes: Uint8Array): void {
    const n = this.#pattern.length;
    const at = this.#tailAt + this.#tail.length; // file offset of bytes[0]
    const byteAt = (i: number) => (i < this.#tail.length ? this.#tail[i]! : bytes[i - this.#tail.length]);
    const total = this.#tail.length + bytes.length;
    // Matches that start in the tail and end in these bytes, then matches within these bytes.
    for (let i = 0; i < this.#tail.length && i + n <= total; i++) if (this.#matches(this.#tailAt + i, (k) => byteAt(i + k))) this.count++;
    const first = this.#pattern[0]!;
    for (let i = bytes.indexOf(first); i >= 0 && i + n <= bytes.length; i = bytes.indexOf(first, i + 1)) {
      if (this.#matches(at + i, (k) => bytes[i + k])) this.count++;
    }
    const keep = Math.min(n - 1, total);
    const tail: number[] = [];
    for (let i = total - keep; i < total; i++) tail.push(byteAt(i)!);
    this.#tailAt = at + bytes.length - keep;
    this.#tail = tail;
  }

  #matches(offset: number, byte: (k: number) => number | undefined): boolean {
    if (offset % this.#step !== 0) return false;
    for (let k = 0; k < this.#pattern.length; k++) if (byte(k) !== this.#pattern[k]) return false;
    return true;
  }
}
