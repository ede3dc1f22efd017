/**
 * The one regex loop the pattern recognizers use. After every match the search resumes one
 * character after the match's start, not after its end, so a value overlapping an earlier match
 * is still found ("----4111 1111 1111 1111 4111 1111 1111 1111": the first candidate starts inside
 * the run and swallows half of the real card). Patterns are bounded and open with a lookbehind
 * that fails inside a value, so this stays linear. A fresh regex per call: no `lastIndex` carries
 * over between calls.
 */
export function eachMatch(pattern: RegExp, text: string, onMatch: (m: RegExpExecArray) => void): void {
  const regex = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let from = 0;
  while (from <= text.length) {
    regex.lastIndex = from;
    const m = regex.exec(text);
    if (m === null) return;
    if (m[0].length > 0) onMatch(m);
    from = m.index + 1;
  }
}
