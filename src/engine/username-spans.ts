import type { Span } from '../types.js';

/**
 * Whether a model's USERNAME span is a plain word (letters only) with nothing around it that says
 * "account": `for copays`, `neighbour Ms. Park`. Handles the model learned from carry a digit, a
 * dot, an underscore or an `@` (`maria_23`, `@aiko7`, `j.smith`); a bare word is one only after a
 * word such as `user`, `login` or `handle` (`username: jsmith`, `logged in as admin`).
 */
export function isBareWordUsername(text: string, span: Span): boolean {
  const value = text.slice(span.start, span.end);
  if (!/^\p{L}+$/u.test(value)) return false;
  if (text[span.start - 1] === '@') return false;
  const before = text.slice(Math.max(0, span.start - 40), span.start).toLowerCase();
  return !ACCOUNT_WORDS.test(before);
}

/** Words that introduce an account name, near the end of the text before the span. */
const ACCOUNT_WORDS = /\b(?:user(?:name)?|user id|login|log(?:ged)? in as|signed in as|handle|account|nick(?:name)?|screen name|alias|u\/)\W*(?:\w+\W+){0,2}$/u;
