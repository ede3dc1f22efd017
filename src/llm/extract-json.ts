import { LlmError } from './errors.js';

/** Bracket positions tried in prose before giving up; answers are short, this only bounds the worst case. */
const MAX_CANDIDATES = 64;

/**
 * The JSON object or array in a model's answer. Models wrap JSON in prose, in ```json fences, or
 * after a `<think>` block, and leave trailing commas; all of that is accepted. Tried in order: each
 * fenced block, the whole answer, then each balanced `[...]`/`{...}` in the text; the first that
 * parses (as is, or with trailing commas removed) to an object or array that `accept` takes wins.
 * `accept` lets a caller refuse JSON of the wrong shape, such as a refusal quoting our request.
 *
 * @throws LlmError('unparseable') when there is none. The message never quotes the answer.
 */
export function extractJson(answer: string, accept: (value: object) => boolean = () => true): object {
  const text = stripThinking(answer);
  const wholes = [...[...text.matchAll(/```[\w-]*[^\S\n]*\n?([\s\S]*?)```/g)].map((m) => m[1] ?? ''), text];
  for (const candidate of wholes) {
    const value = parseLenient(candidate);
    if (value !== undefined && accept(value)) return value;
  }
  let tried = 0;
  for (let i = 0; i < text.length && tried < MAX_CANDIDATES; i++) {
    const c = text[i];
    if (c !== '[' && c !== '{') continue;
    tried++;
    const end = balancedEnd(text, i);
    if (end === undefined) continue;
    const value = parseLenient(text.slice(i, end));
    if (value === undefined) continue;
    if (accept(value)) return value;
    // Parsed but refused (our request quoted back): its nested values are not answers either.
    i = end - 1;
  }
  throw new LlmError('unparseable', `the model's answer holds no JSON object or array (${answer.length} chars)`);
}

/** Reasoning models (Qwen3, DeepSeek-R1) think aloud first; that part may hold brackets of its own. */
function stripThinking(answer: string): string {
  const close = answer.lastIndexOf('</think>');
  return close >= 0 ? answer.slice(close + '</think>'.length) : answer;
}

/** Index after the bracket closing the one at `start`, skipping brackets inside strings. */
function balancedEnd(text: string, start: number): number | undefined {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[') stack.push(']');
    else if (c === '{') stack.push('}');
    else if (c === ']' || c === '}') {
      if (stack.pop() !== c) return undefined;
      if (stack.length === 0) return i + 1;
    }
  }
  return undefined;
}

function parseLenient(candidate: string): object | undefined {
  const trimmed = candidate.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return undefined;
  for (const attempt of [trimmed, withoutTrailingCommas(trimmed)]) {
    try {
      const value: unknown = JSON.parse(attempt);
      if (typeof value === 'object' && value !== null) return value;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

/** Drops a comma that only whitespace separates from a closing bracket (outside strings). */
export function withoutTrailingCommas(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (inString) {
      out += c;
      if (c === '\\' && i + 1 < json.length) out += json[++i];
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === ',') {
      let j = i + 1;
      while (j < json.length && /\s/.test(json[j]!)) j++;
      if (json[j] === ']' || json[j] === '}') continue;
    }
    out += c;
  }
  return out;
}
