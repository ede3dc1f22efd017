import type { Span } from '../types.js';

/**
 * Words that never begin or end a person's name but that a span model, reading capitals as a
 * name cue, takes in at the edges: `I am Ana Silva`, `Yesterday I`, `Call` (pronouns, forms of
 * "be", determiners, greetings, day words, short conjunctions and prepositions, verbs that open a
 * request). Measured on the
 * bundled model's held-out sets at threshold 0.3, trimming them raised person F1 on all four
 * (btc 0.583 → 0.586, crossner 0.798 → 0.799, wikigold 0.756 → 0.759, uner 0.755 → 0.762); the
 * same trim on locations lowered F1, so it is for persons only; the request verbs changed none of
 * these numbers. Lower-case words are not trimmed:
 * that cost 0.12 F1 on tweets, which write names in lower case.
 */
const NEVER_AT_NAME_EDGE = new Set(
  `i i'm i'd i'll i've me my we our us you your he his him she her they their them it its
   am is are was were be been being the a an this that these those hi hello hey dear thanks thank
   yesterday today tomorrow tonight and but or so then when while if as with by from to for of on in at rt cc via
   call email e-mail ask contact tell send meet see write text phone ring visit please attn`.split(/\s+/),
);

/**
 * Titles and honorifics written before a name (`Dr. Priya Raman`, `President Obama`, `Mrs Clinton`).
 * The name is what identifies; the title stays readable, as in the NER corpora the model is scored
 * on (CoNLL-style guidelines tag `Clinton`, not `Mrs Clinton`). Measured through the library on the
 * bundled model's held-out sets (`bench/model-heldout.ts`, threshold 0.3), person F1: uner 0.761 →
 * 0.786, wikigold 0.761 → 0.780, crossner 0.799 → 0.797 (it tags `Dr.` with the name), btc 0.579 → 0.578.
 * Only at the start of a span. Titles the corpora disagree on, or that are also names, are left
 * in: royal and noble ones (`King Henry`, `Sir Isaac Newton`), `Don`, `Major`, `Saint`.
 */
const TITLES_BEFORE_NAME = new Set(
  `mr mrs ms miss mx messrs mme mlle herr frau dr prof professor rev reverend fr president vice-president
   senator sen rep representative congressman congresswoman governor gov mayor judge justice chancellor premier
   minister secretary ambassador general gen colonel col captain capt lieutenant lt sergeant sgt commander
   admiral officer detective inspector chief coach`.split(/\s+/),
);

/** A word of the span: its bounds in the text. */
interface Word {
  start: number;
  end: number;
}

/**
 * The span without such words at its edges; `undefined` when nothing else is left. Trailing
 * punctuation of an edge word (`I,`) is part of the word.
 */
export function trimPersonEdges(text: string, span: Span): Span | undefined {
  span = beforePossessive(text, span);
  const words: Word[] = [];
  const re = /\S+/gu;
  const inner = text.slice(span.start, span.end);
  for (let m = re.exec(inner); m !== null; m = re.exec(inner)) words.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
  let first = 0;
  let last = words.length - 1;
  const isEdgeWord = (w: Word) => NEVER_AT_NAME_EDGE.has(edgeKey(text.slice(w.start, w.end)));
  const isTitle = (w: Word) => TITLES_BEFORE_NAME.has(text.slice(w.start, w.end).replace(/[.,;:]+$/u, '').toLowerCase());
  const isPunct = (w: Word) => /^\p{P}+$/u.test(text.slice(w.start, w.end));
  while (first <= last) {
    if (isEdgeWord(words[first]!)) first++;
    else if (isTitle(words[first]!)) {
      first++;
      // the punctuation after a title (`Dr . Verna` in tokenized text)
      while (first <= last && isPunct(words[first]!)) first++;
    } else break;
  }
  while (last >= first && isEdgeWord(words[last]!)) last--;
  if (first > last) return undefined;
  if (first === 0 && last === words.length - 1) return span;
  return { ...span, start: words[first]!.start, end: words[last]!.end };
}

/**
 * True when every word of the span is one that never begins or ends a name (`we`, `He`, `the`,
 * `when`): an organization or a place made of such words alone is the model reading a capital or a
 * sentence start as a name cue. (Trimming them off longer organizations and places cost F1, see
 * above; dropping spans made only of them does not.)
 */
export function onlyNonNameWords(text: string, span: Span): boolean {
  const words = text.slice(span.start, span.end).match(/\S+/gu) ?? [];
  // (an all-capitals word is an acronym: `US`, `IN`)
  return words.every((w) => !/^\p{Lu}{2,}/u.test(w) && NEVER_AT_NAME_EDGE.has(edgeKey(w)));
}

/** A word as `NEVER_AT_NAME_EDGE` spells it: trailing punctuation off (`I,`), apostrophe straight, lower case. */
function edgeKey(word: string): string {
  return word.replace(/[.,;:!?]+$/u, '').replace(/’/gu, "'").toLowerCase();
}

/**
 * A person span that runs on past a possessive ends before it: `Samuel Delany's Dhalgren`,
 * `Virgil's Aeneid`, `the Coens' Miller` name a work or a thing of the person, whose name is the part
 * before the apostrophe (pre-tokenized text writes `Delany ' s Dhalgren`). A possessive closing the
 * span (`Obama's`) goes too. An apostrophe inside a word (`O'Connor`) is no possessive.
 */
function beforePossessive(text: string, span: Span): Span {
  const value = text.slice(span.start, span.end);
  const m = POSSESSIVE.exec(value);
  if (m === null || m.index === 0) return span;
  return { ...span, end: span.start + m.index };
}

/** `'s` / `’s` (or `' s`) ending a word, or a lone apostrophe after a plural (`Coens'`), then a space or the end. */
const POSSESSIVE = /\s?['’]\s?s(?=\s|$)|(?<=s)\s?['’](?=\s|$)/u;
