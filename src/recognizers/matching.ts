/**
 * The one regex loop every recognizer uses. A rejected match (bad checksum, invalid structure)
 * resumes the search one character after its start rather than after its end, so a valid value
 * overlapping a rejected one is still found ("----4111 1111 1111 1111 4111 1111 1111 1111").
 * Patterns are bounded, so this stays linear. A fresh regex per call: no `lastIndex` carries over.
 */
export function eachMatch(pattern: RegExp, text: string, onMatch: (m: RegExpExecArray) => boolean): void {
  const regex = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let from = 0;
  while (from <= text.length) {
    regex.lastIndex = from;
    const m = regex.exec(text);
    if (m === null) return;
    const end = m.index + m[0].length;
    if (end === m.index) {
      from = m.index + 1;
      continue;
    }
    from = onMatch(m) ? end : m.index + 1;
  }
}
