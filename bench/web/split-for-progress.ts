/**
 * Cuts a long pasted text into pieces the engine can report progress on (it counts finished
 * texts). Pieces end after a line break where there is one, else after whitespace, so entities on
 * one line stay whole; joined back they are exactly the input.
 */

/** Texts shorter than this go as one piece: progress would not be worth the lost context. */
export const SPLIT_ABOVE = 4000;

export function splitForProgress(text: string, target = 1500): { pieces: string[]; offsets: number[] } {
  if (text.length <= SPLIT_ABOVE) return { pieces: [text], offsets: [0] };
  const pieces: string[] = [];
  const offsets: number[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + target);
    if (end < text.length) {
      const newline = text.indexOf('\n', end);
      if (newline !== -1 && newline - start <= target * 2) end = newline + 1;
      else {
        const space = text.slice(end, start + target * 2).search(/\s/);
        end = space === -1 ? Math.min(text.length, start + target * 2) : end + space + 1;
      }
    }
    pieces.push(text.slice(start, end));
    offsets.push(start);
    start = end;
  }
  return { pieces, offsets };
}
