/**
 * The one regex loop the pattern recognizers use. After every match the search resumes one
 * character after the match's start, not after its end, so a value overlapping an earlier match
 * is still found ("----4111 1111 1111 1111 4111 1111 1111 1111": the first candidate starts inside
 * the run and swallows half of the real card). Patterns are bounded and open with a lookbehind
 * that fails inside a value, so this stays linear. No `lastIndex` carries over between calls: the
 * loop sets it before every search.
 */
export function eachMatch(pattern: RegExp, text: string, onMatch: (m: RegExpExecArray) => void): void {
  const regex = borrow(pattern);
  try {
    let from = 0;
    while (from <= text.length) {
      regex.lastIndex = from;
      const m = regex.exec(text);
      if (m === null) return;
      if (m[0].length > 0) onMatch(m);
      from = m.index + 1;
    }
  } finally {
    giveBack(pattern, regex);
  }
}

/**
 * One global copy of each pattern, reused by every call: building a RegExp per call and text was
 * the largest cost on short texts (a CSV cell). A call made while the copy is lent out (a callback
 * that scans with the same pattern) gets a fresh one, so calls never share `lastIndex`. Patterns
 * are module constants, so a plain map holds them.
 */
const copies = new Map<RegExp, { regex: RegExp; lent: boolean }>();

function borrow(pattern: RegExp): RegExp {
  let copy = copies.get(pattern);
  if (copy === undefined) {
    copy = { regex: globalCopy(pattern), lent: false };
    copies.set(pattern, copy);
  }
  if (copy.lent) return globalCopy(pattern);
  copy.lent = true;
  return copy.regex;
}

function giveBack(pattern: RegExp, regex: RegExp): void {
  const copy = copies.get(pattern);
  if (copy !== undefined && copy.regex === regex) copy.lent = false;
}

function globalCopy(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
}
