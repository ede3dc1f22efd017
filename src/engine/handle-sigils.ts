import type { Span } from '../types.js';

/**
 * A person, organization or place named by its social-media handle or hashtag (`@MichaelWestBiz`,
 * `#Gateshead`) is masked with its sigil: the `@` or `#` belongs to the name, and a mask that
 * leaves `@[PERSON]` behind still tells the reader that a handle stood there. The model, whose
 * training tweets disagree on it, often marks the name without the sigil; this takes it in.
 *
 * The sigil must start a word (text start, space or opening punctuation before it), so the domain
 * of `ana@acme.com` never grows an `@`; pre-tokenized text (`@ MichaelWestBiz`, one space between)
 * counts too, as corpora and some exports write it.
 */
export function withHandleSigil(text: string, span: Span): Span {
  let at = span.start;
  if (at >= 2 && text[at - 1] === ' ' && isSigil(text[at - 2])) at -= 2;
  else if (at >= 1 && isSigil(text[at - 1])) at -= 1;
  else return span;
  return startsWord(text, at) ? { ...span, start: at } : span;
}

const isSigil = (c: string | undefined) => c === '@' || c === '#';

function startsWord(text: string, at: number): boolean {
  return at === 0 || /[\s([{"'“‘«]/u.test(text[at - 1]!);
}
