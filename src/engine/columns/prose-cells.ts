import type { Span } from '../../types.js';

/** Name-like types a model guesses from capitalisation and position as much as from meaning. */
const NAME_LIKE = new Set(['PERSON', 'ORGANIZATION', 'LOCATION']);
/** A model score at which a guess resting only on a sentence's opening capital is still taken. */
export const STRONG_GUESS = 0.6;
/** Abbreviations whose full stop does not end a sentence (`Dr. Priya Raman`). */
const ABBREVIATIONS = /(?:^|[^\p{L}])(?:mr|mrs|ms|mx|dr|prof|st|sr|jr|sra|hr|fr|frau|herr|mme|mlle|m|dott|sig)\.$/iu;
/** Honorifics: they only ever stand before a person's name. */
const HONORIFICS = ['mr', 'mrs', 'ms', 'mx', 'miss', 'dr', 'prof', 'sir', 'madam', 'sr', 'sra', 'srta', 'don', 'doña', 'mme', 'mlle', 'frau', 'herr'];
/**
 * Words that introduce a name without being one (a relation, a role, an honorific): a person
 * reading `Wife Sarah O'Connor` masks the name, not the word `Wife`.
 */
const LEAD_WORDS = new Set([
  'wife', 'husband', 'daughter', 'son', 'mother', 'father', 'mom', 'mum', 'dad', 'brother', 'sister', 'aunt', 'uncle', 'cousin',
  'grandmother', 'grandfather', 'partner', 'spouse', 'neighbour', 'neighbor', 'friend', 'colleague', 'manager', 'patient', 'client',
  'customer', 'caregiver', 'nurse', 'doctor', 'her', 'his', 'their',
  'esposa', 'esposo', 'marido', 'hija', 'hijo', 'hermano', 'hermana', 'madre', 'padre',
  'femme', 'mari', 'fille', 'fils', 'frère', 'soeur', 'sœur', 'tochter', 'sohn', 'bruder', 'schwester',
  ...HONORIFICS,
]);
/** An honorific (with or without its full stop) ending the text before a span. */
const HONORIFIC_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${HONORIFICS.join('|')})\\.?\\s+$`, 'iu');

/**
 * Refines a model's name-like spans in a free-text cell of a table column (comments, notes): the
 * model reads a capital letter as a hint of a name, and every sentence of a short cell begins with
 * one (`Referred by …`, `Pago pendiente.`, `Zahlt per …` came out as `[PERSON] …`). For spans the
 * model (not a pattern) found:
 * - a span running across a sentence end is cut there (`email. Renewed` is two guesses);
 * - a relation, role or honorific leading a person (`Wife`, `Daughter`, `Dr`) is left out of it,
 *   and a part made only of such words is dropped;
 * - a part is dropped when no word of it is capitalised other than one opening a sentence
 *   (`Interpreter needed`, `Allergic`), unless the model is sure of it (≥ `STRONG_GUESS`);
 *   a part with no capital at all is always dropped (written prose capitalises names);
 * - a place or organization right after an honorific is a person (`Ms. Helen Park`: the model read
 *   `Park` as a place, a reader reads the title);
 * - person parts joined by an apostrophe inside a word are one name again (`O'Connor`).
 * Names inside a sentence (`spoke with Kevin Brooks`) are untouched.
 */
export function refineProseSpans(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    if (!NAME_LIKE.has(s.label) || !fromModelOnly(s)) {
      out.push(s);
      continue;
    }
    for (let part of splitAtSentenceEnds(text, s)) {
      if (part.label === 'PERSON') {
        const rest = withoutLeadWords(text, part);
        if (rest === undefined) continue;
        part = rest;
      }
      if (isNameLike(text, part)) out.push(afterHonorific(text, part) ? { ...part, label: 'PERSON' } : part);
    }
  }
  return joinAcrossApostrophes(text, out);
}

function fromModelOnly(span: Span): boolean {
  return span.source !== undefined && !/heuristics|llm/.test(span.source);
}

/** Whether a part carries a capital that its position does not explain (or the model is sure). */
function isNameLike(text: string, part: Span): boolean {
  const words = wordsOf(text, part);
  if (!words.some((w) => /\p{Lu}/u.test(w.word))) return false;
  if (part.score >= STRONG_GUESS) return true;
  return words.some((w, i) => /\p{Lu}/u.test(w.word) && !(i === 0 && opensSentence(text, w.start)));
}

/** The part without leading relation/role words; `undefined` when nothing else is left. */
function withoutLeadWords(text: string, part: Span): Span | undefined {
  const words = wordsOf(text, part);
  let i = 0;
  while (i < words.length && LEAD_WORDS.has(words[i]!.word.toLowerCase())) i++;
  if (i === words.length) return undefined;
  return i === 0 ? part : { ...part, start: words[i]!.start };
}

function wordsOf(text: string, span: Span): Array<{ word: string; start: number }> {
  const out: Array<{ word: string; start: number }> = [];
  const re = /[\p{L}\p{M}\p{N}'’-]+/gu;
  const slice = text.slice(span.start, span.end);
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) out.push({ word: m[0], start: span.start + m.index });
  return out;
}

function afterHonorific(text: string, span: Span): boolean {
  return span.label !== 'PERSON' && HONORIFIC_BEFORE.test(text.slice(Math.max(0, span.start - 8), span.start));
}

/** Person spans split only by an apostrophe inside a word (`O` `'` `Connor`) become one span. */
function joinAcrossApostrophes(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (
      last && last.label === 'PERSON' && s.label === 'PERSON' && s.start === last.end + 1 && /['’]/u.test(text[last.end]!) &&
      /\p{L}/u.test(text[last.end - 1] ?? '') && /\p{L}/u.test(text[s.start] ?? '')
    ) {
      out[out.length - 1] = { ...last, end: s.end, score: Math.max(last.score, s.score) };
      continue;
    }
    out.push(s);
  }
  return out;
}

/** The span cut at every sentence end inside it, each part trimmed of spaces and punctuation. */
function splitAtSentenceEnds(text: string, span: Span): Span[] {
  const parts: Span[] = [];
  let from = span.start;
  const end = /[.!?;]\s+/gu;
  end.lastIndex = span.start;
  for (let m = end.exec(text); m !== null && m.index < span.end; m = end.exec(text)) {
    if (ABBREVIATIONS.test(text.slice(Math.max(span.start, m.index - 6), m.index + 1))) continue;
    parts.push({ ...span, start: from, end: m.index });
    from = m.index + m[0].length;
  }
  parts.push({ ...span, start: from, end: span.end });
  return parts.map((p) => trimmed(text, p)).filter((p) => p.end > p.start);
}

function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s.,;:!?()"']/u.test(text[start]!)) start++;
  while (end > start && /[\s.,;:!?()"]/u.test(text[end - 1]!)) end--;
  return { ...span, start, end };
}

/** Whether `at` begins the text, a line (bullets allowed) or a sentence (after `.`, `!`, `?`, `;`, `:` but not `Dr.`). */
function opensSentence(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && /[ \t"'(]/u.test(text[i - 1]!)) i--;
  if (i > 0 && /[-*•]/u.test(text[i - 1]!) && (i === 1 || /\s/u.test(text[i - 2]!))) {
    i--;
    while (i > 0 && /[ \t]/u.test(text[i - 1]!)) i--;
  }
  if (i === 0 || /[\r\n]/u.test(text[i - 1]!)) return true;
  if (!/[.!?;:]/u.test(text[i - 1]!)) return false;
  return !ABBREVIATIONS.test(text.slice(Math.max(0, i - 6), i));
}
