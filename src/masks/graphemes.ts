/**
 * Splits text into user-perceived characters (grapheme clusters), so masking never splits an emoji,
 * a flag or a letter from its combining accent. Falls back to code points where `Intl.Segmenter` is
 * missing; either way no surrogate pair is ever split.
 */
export function graphemes(text: string): string[] {
  if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
    const out: string[] = [];
    for (const s of segmenter().segment(text)) out.push(s.segment);
    return out;
  }
  return Array.from(text);
}

let cached: Intl.Segmenter | undefined;
function segmenter(): Intl.Segmenter {
  return (cached ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
}
