/** A piece of a longer text and where it starts in it (UTF-16 offset). */
export interface TextChunk {
  text: string;
  offset: number;
}

/** Smallest chunk size accepted; below it the prompt would dwarf the text. */
export const MIN_CHUNK_CHARS = 20;

// A sentence ends at . ! ? … followed by optional closing quotes or brackets and whitespace, at a
// CJK full stop (no space follows those), or at a line break. The cut goes after the whitespace.
const SENTENCE_END = /[.!?…]["'”’)\]]*\s+|[。！？]["'”’」』)\]]*\s*|\n\s*/g;
const WHITESPACE = /\s+/g;

/**
 * Splits `text` into consecutive chunks of at most `maxChars` code units that together are the
 * whole text (no overlap, nothing dropped), so chunk offsets map spans back by plain addition.
 *
 * Each cut is made at the last sentence end in the back half of the window; failing that at the
 * last whitespace there; failing that (one long token) at `maxChars`, moved back one unit if it
 * would split a surrogate pair. An entity can only be cut in two by the last fallback, or by a
 * whitespace cut inside a multi-word name when a window holds no sentence end at all.
 */
export function chunkText(text: string, maxChars: number): TextChunk[] {
  const chunks: TextChunk[] = [];
  let pos = 0;
  while (text.length - pos > maxChars) {
    const window = text.slice(pos, pos + maxChars);
    const floor = Math.floor(maxChars / 2);
    let cut = lastMatchEnd(window, SENTENCE_END, floor) ?? lastMatchEnd(window, WHITESPACE, floor) ?? maxChars;
    if (cut === maxChars && isHighSurrogate(window.charCodeAt(cut - 1)) && cut > 1) cut -= 1;
    chunks.push({ text: window.slice(0, cut), offset: pos });
    pos += cut;
  }
  if (pos < text.length || chunks.length === 0) chunks.push({ text: text.slice(pos), offset: pos });
  return chunks;
}

/** End of the last match of `re` that ends at or after `floor` (and before the window's end), if any. */
function lastMatchEnd(window: string, re: RegExp, floor: number): number | undefined {
  let found: number | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(window); m !== null; m = re.exec(window)) {
    const end = m.index + m[0].length;
    // A match running to the window's edge may continue beyond it; cutting there is still fine.
    if (end >= floor && end > 0) found = end;
    if (m[0].length === 0) re.lastIndex++;
  }
  return found;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
