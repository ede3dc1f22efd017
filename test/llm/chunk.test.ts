import { describe, expect, it } from 'vitest';
import { chunkText } from '../../src/llm/index.js';

/** The invariants every split must keep. */
function expectValidSplit(text: string, max: number) {
  const chunks = chunkText(text, max);
  expect(chunks.map((c) => c.text).join('')).toBe(text);
  let offset = 0;
  for (const c of chunks) {
    expect(c.offset).toBe(offset);
    expect(c.text.length).toBeLessThanOrEqual(max);
    expect(c.text.length).toBeGreaterThan(0);
    offset += c.text.length;
  }
  return chunks;
}

describe('chunkText', () => {
  it('returns a short text whole, and an empty text as one empty chunk', () => {
    expect(chunkText('short', 100)).toEqual([{ text: 'short', offset: 0 }]);
    expect(chunkText('', 100)).toEqual([{ text: '', offset: 0 }]);
  });

  it('cuts after the last sentence end in the window', () => {
    const text = 'First sentence here. Second one is here! Third one? And a fourth sentence that runs long.';
    const chunks = expectValidSplit(text, 50);
    expect(chunks[0]!.text).toBe('First sentence here. Second one is here! ');
  });

  it('cuts at a line break, and after closing quotes', () => {
    expect(expectValidSplit('line one of the note\nline two of the note\nline three', 45)[0]!.text).toBe('line one of the note\nline two of the note\n');
    expect(expectValidSplit('He said "stop." Then he left the room quietly.', 30)[0]!.text).toBe('He said "stop." ');
  });

  it('falls back to whitespace when a window holds no sentence end', () => {
    const text = 'alpha beta gamma delta epsilon zeta eta theta iota kappa';
    const chunks = expectValidSplit(text, 20);
    for (const c of chunks.slice(0, -1)) expect(c.text.endsWith(' ')).toBe(true);
  });

  it('cuts a single long token at the limit without splitting a surrogate pair', () => {
    const text = 'a' + '😀'.repeat(30);
    const chunks = expectValidSplit(text, 20);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const c of chunks) expect(loneSurrogate.test(c.text)).toBe(false);
  });

  it('cuts CJK text at its full stops', () => {
    const text = '王小明今天来了。他住在北京。李华明天去上海。';
    expect(expectValidSplit(text, 16)[0]!.text).toBe('王小明今天来了。他住在北京。');
  });

  it('keeps its invariants on long mixed text', () => {
    const words = ['Maria', 'lives', 'in', 'Lisbon.', 'Call', '+1 415 555 0199', 'now!', '\n', 'ok?', '😀', 'x'.repeat(40)];
    let text = '';
    for (let i = 0; i < 2_000; i++) text += words[(i * 7) % words.length] + (i % 5 === 0 ? '' : ' ');
    for (const max of [20, 57, 300, 3_000]) expectValidSplit(text, max);
  });
});
