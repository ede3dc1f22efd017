import type { Span } from '../types.js';
import { isClockTime } from './age-spans.js';
import { withHandleSigil } from './handle-sigils.js';
import { isLowercaseName } from './lowercase-names.js';
import { onlyNonNameWords, trimPersonEdges } from './person-edges.js';
import { isBareWordUsername } from './username-spans.js';

/**
 * A model span after the rules that fix what the model's scores get wrong for one type (a
 * person's edges, a handle's `@` or `#`, an organization or place in lower case, an age that is a
 * clock time, a plain word taken for a username); `undefined` when nothing of it stands.
 */
export function refineModelSpan(text: string, span: Span): Span | undefined {
  switch (span.label) {
    case 'PERSON': {
      const trimmed = trimPersonEdges(text, span);
      return trimmed && withHandleSigil(text, trimmed);
    }
    case 'ORGANIZATION':
    case 'LOCATION': {
      // the sigil first: `@google` is a handle, `google` alone a lower-case word
      const named = withHandleSigil(text, span);
      return onlyNonNameWords(text, named) || isLowercaseName(text, named) ? undefined : named;
    }
    case 'AGE':
      return isClockTime(text, span) ? undefined : span;
    case 'USERNAME':
      return isBareWordUsername(text, span) ? undefined : span;
    default:
      return span;
  }
}
