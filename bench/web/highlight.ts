/**
 * Draws a text with its entities marked: one `<mark class="ent">` per span, coloured by type, with
 * the type and score as a small tag. Built from DOM nodes (never `innerHTML`), so the scanned text
 * cannot inject markup.
 */
import type { Span } from '../../src/types.js';

/** Background and foreground colours of one entity type. */
export interface TypeColour {
  bg: string;
  fg: string;
}

/** Hues picked by hand for the types found most often, so that these never look alike. */
const HUES: Readonly<Record<string, number>> = {
  PERSON: 212, EMAIL: 350, PHONE_NUMBER: 130, LOCATION: 175, ORGANIZATION: 275, DATE_TIME: 42,
  STREET_ADDRESS: 195, CREDIT_CARD: 22, IBAN_CODE: 300, URL: 240, IP_ADDRESS: 85, US_SSN: 0,
};

/** A stable colour per type: the hues above, then golden-angle steps for the rest. */
export function typeColours(types: readonly string[]): Map<string, TypeColour> {
  const out = new Map<string, TypeColour>();
  let other = 0;
  for (const t of types) {
    const hue = HUES[t] ?? Math.round((other++ * 137.508 + 60) % 360); // golden angle: neighbours differ most
    out.set(t, { bg: `hsl(${hue} 80% 88%)`, fg: `hsl(${hue} 60% 32%)` });
  }
  return out;
}

export function applyColour(el: HTMLElement, colour: TypeColour | undefined): void {
  el.style.setProperty('--bg-c', colour?.bg ?? '#eee');
  el.style.setProperty('--fg-c', colour?.fg ?? '#555');
}

/** Appends `text` to `into` with each span (sorted, non-overlapping) wrapped in a coloured mark. */
export function appendHighlighted(into: HTMLElement, text: string, spans: readonly Span[], colours: ReadonlyMap<string, TypeColour>): void {
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // the engine merges overlaps; stay safe if a caller does not
    if (s.start > at) into.appendChild(document.createTextNode(text.slice(at, s.start)));
    const mark = document.createElement('mark');
    mark.className = 'ent';
    mark.dataset.type = s.label;
    mark.dataset.score = s.score.toFixed(2);
    mark.title = `${s.label} · score ${s.score.toFixed(2)}${s.source ? ` · ${s.source}` : ''}`;
    applyColour(mark, colours.get(s.label));
    mark.appendChild(document.createTextNode(text.slice(s.start, s.end)));
    const tag = document.createElement('span');
    tag.className = 'tag';
    tag.textContent = `${s.label} ${s.score.toFixed(2)}`;
    mark.appendChild(tag);
    into.appendChild(mark);
    at = s.end;
  }
  if (at < text.length) into.appendChild(document.createTextNode(text.slice(at)));
}
