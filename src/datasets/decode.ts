/**
 * Bytes (or a string) → text, noting a byte-order mark so the writer can put it back. UTF-8 by
 * default; a UTF-16 BOM switches to UTF-16 (what spreadsheet "Unicode text" exports use). Invalid
 * UTF-8 becomes U+FFFD rather than failing: unreadable bytes cannot hold text we could scan anyway.
 */
export function decodeText(content: string | Uint8Array): { text: string; bom: boolean } {
  if (typeof content === 'string') {
    const bom = content.charCodeAt(0) === 0xfeff;
    return { text: bom ? content.slice(1) : content, bom };
  }
  const b = content;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: decode('utf-8', b.subarray(3)), bom: true };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: decode('utf-16le', b.subarray(2)), bom: true };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: decode('utf-16be', b.subarray(2)), bom: true };
  return { text: decode('utf-8', b), bom: false };
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

export const BOM = '\uFEFF';
