import { describe, expect, it } from 'vitest';
import { anchorEntities, anchorEntity, entitiesOf, extractJson, isEntityAnswer, LlmError, LLM_SPAN_SCORE, parseSpans } from '../../src/llm/index.js';
import { at, FENCED_ANSWER, GOOD_ANSWER, MALFORMED_ANSWERS, NOTE } from './fixtures.js';

describe('extractJson', () => {
  it.each([
    ['a bare array', '[{"a": 1}]', [{ a: 1 }]],
    ['an object', '{"entities": []}', { entities: [] }],
    ['a fenced block after prose', 'Here you go:\n```json\n{"x": [1, 2]}\n```\nBye.', { x: [1, 2] }],
    ['a fence without a language tag', '```\n[1]\n```', [1]],
    ['trailing commas', '{"x": [1, 2,], "y": {"z": 3,},}', { x: [1, 2], y: { z: 3 } }],
    ['prose with brackets before the JSON', 'Found [two] items {maybe}: [{"t": "a"}, {"t": "b"}] done', [{ t: 'a' }, { t: 'b' }]],
    ['brackets and commas inside strings', '{"text": "a ,] b {", "n": 1,}', { text: 'a ,] b {', n: 1 }],
    ['a <think> block with brackets of its own', '<think>maybe [1, 2]? {no}</think>\n{"entities": []}', { entities: [] }],
    ['escaped quotes in strings', '{"text": "say \\"hi\\", ok",}', { text: 'say "hi", ok' }],
  ])('finds %s', (_name, answer, expected) => {
    expect(extractJson(answer)).toEqual(expected);
  });

  it.each(MALFORMED_ANSWERS.map((a) => [a]))('throws unparseable for %j', (answer) => {
    expect(() => extractJson(answer)).toThrow(LlmError);
    try {
      extractJson(answer);
    } catch (e) {
      expect((e as LlmError).reason).toBe('unparseable');
    }
  });

  it('does not take a bare number as the answer', () => {
    expect(() => extractJson('42')).toThrow(/unparseable/);
  });

  it('skips JSON the caller does not accept and keeps looking', () => {
    const answer = 'You sent {"model": "m", "stream": false}; my answer: {"entities": []}';
    expect(extractJson(answer, (v) => 'entities' in v)).toEqual({ entities: [] });
    expect(() => extractJson('You sent {"model": "m"}', (v) => 'entities' in v)).toThrow(/unparseable/);
  });
});

describe('entitiesOf', () => {
  it.each([
    ['the asked shape', { entities: [{ type: 'EMAIL', text: 'a@b.co', start: 3 }] }, [{ type: 'EMAIL', text: 'a@b.co', start: 3 }]],
    ['a bare array', [{ type: 'EMAIL', text: 'a@b.co' }], [{ type: 'EMAIL', text: 'a@b.co' }]],
    ['label/value field names and a string offset', { spans: [{ label: 'PERSON', value: 'Ann', start_offset: '4' }] }, [{ type: 'PERSON', text: 'Ann', start: 4 }]],
    ['entity as the value field', [{ entity_type: 'PERSON', entity: 'Ann' }], [{ type: 'PERSON', text: 'Ann' }]],
    ['a single entity object', { type: 'PERSON', text: 'Ann' }, [{ type: 'PERSON', text: 'Ann' }]],
    ['a map of type to values', { EMAIL: ['a@b.co', 'c@d.co'], PERSON: 'Ann' }, [{ type: 'EMAIL', text: 'a@b.co' }, { type: 'EMAIL', text: 'c@d.co' }, { type: 'PERSON', text: 'Ann' }]],
    ['an empty object', {}, []],
    ['items that are not entities', { entities: ['Ann', 3, null, { type: 'PERSON' }, { type: 'PERSON', text: 'Bo', start: 1.5 }] }, [{ type: 'PERSON', text: 'Bo' }]],
  ])('reads %s', (_name, json, expected) => {
    expect(entitiesOf(json)).toEqual(expected);
  });
});

describe('isEntityAnswer', () => {
  it.each([
    [[], true],
    [{ entities: [] }, true],
    [{}, true],
    [{ type: 'PERSON', text: 'Ann' }, true],
    [{ EMAIL: ['a@b.co'], PERSON: 'Ann' }, true],
    [{ model: 'm', messages: [], stream: false }, false], // our request, quoted back
    [{ error: { message: 'overloaded' } }, false],
  ])('%j → %s', (json, expected) => {
    expect(isEntityAnswer(json)).toBe(expected);
  });
});

describe('anchorEntity', () => {
  const text = 'Ann met Ann Lee; Annual report by Ann.';
  const annAt = [0, 8, 34];

  it('uses the given offset when the value is there', () => {
    expect(anchorEntity(text, { type: 'PERSON', text: 'Ann', start: 8 })).toEqual([{ start: 8, end: 11 }]);
  });

  it('takes the nearest occurrence when the offset is off', () => {
    expect(anchorEntity(text, { type: 'PERSON', text: 'Ann', start: 30 })).toEqual([{ start: 34, end: 37 }]);
    expect(anchorEntity(text, { type: 'PERSON', text: 'Ann', start: 5 })).toEqual([{ start: 8, end: 11 }]);
    expect(anchorEntity(text, { type: 'PERSON', text: 'Ann', start: 4 })).toEqual([{ start: 0, end: 3 }]); // tie → earlier
    expect(anchorEntity(text, { type: 'PERSON', text: 'Ann', start: -50 })).toEqual([{ start: 0, end: 3 }]);
  });

  it('takes every occurrence when no offset is given, never inside a word', () => {
    expect(anchorEntity(text, { type: 'PERSON', text: 'Ann' }).map((o) => o.start)).toEqual(annAt);
  });

  it('does not accept an offset that points inside a word', () => {
    // 17 is "Ann" of "Annual": not a mention, so the nearest real one is taken.
    expect(anchorEntity(text, { type: 'PERSON', text: 'Ann', start: 17 })).toEqual([{ start: 8, end: 11 }]);
  });

  it('drops a value that is not in the text', () => {
    expect(anchorEntity(text, { type: 'PERSON', text: 'Bob', start: 0 })).toEqual([]);
    expect(anchorEntity(text, { type: 'PERSON', text: '   ' })).toEqual([]);
  });

  it('finds a value the model re-cased or re-spaced, over the real characters', () => {
    const t = 'Signed: JOHN\n  SMITH, CEO.';
    expect(anchorEntity(t, { type: 'PERSON', text: 'John Smith' })).toEqual([{ start: 8, end: 20 }]);
  });

  it('treats regex characters in the value literally', () => {
    const t = 'call (555) 010-9999 or 5550109999';
    expect(anchorEntity(t, { type: 'PHONE_NUMBER', text: '(555) 010-9999' })).toEqual([{ start: 5, end: 19 }]);
  });

  it('anchors in scripts without spaces between words', () => {
    const t = '患者王小明今天来了。';
    expect(anchorEntity(t, { type: 'PERSON', text: '王小明' })).toEqual([{ start: 2, end: 5 }]);
  });

  it('counts offsets in UTF-16 units, astral characters included', () => {
    const t = '😀😀 Zoë Ωmega met 𝒜nna.';
    expect(anchorEntity(t, { type: 'PERSON', text: '𝒜nna' })).toEqual([{ start: t.indexOf('𝒜nna'), end: t.indexOf('𝒜nna') + 5 }]);
    expect(anchorEntity(t, { type: 'PERSON', text: 'Zoë' })).toEqual([{ start: 5, end: 8 }]);
  });
});

describe('anchorEntities', () => {
  it('keeps only the requested types, resolving aliases, and deduplicates', () => {
    const spans = anchorEntities(
      NOTE,
      [
        { type: 'EMAIL_ADDRESS', text: 'maria.garcia@example.com' },
        { type: 'email', text: 'maria.garcia@example.com', start: at(NOTE, 'maria.garcia@example.com') },
        { type: 'LOCATION', text: 'Lisbon' },
        { type: 'FAVOURITE_COLOUR', text: 'Maria' },
      ],
      ['EMAIL', 'PERSON'],
    );
    expect(spans).toEqual([{ start: at(NOTE, 'maria.garcia@example.com'), end: at(NOTE, 'maria.garcia@example.com') + 24, label: 'EMAIL', score: LLM_SPAN_SCORE, source: 'llm' }]);
  });
});

describe('parseSpans', () => {
  it('turns a good answer into sorted spans over the right characters', () => {
    const spans = parseSpans(GOOD_ANSWER, NOTE, ['PERSON', 'EMAIL', 'PHONE_NUMBER']);
    expect(spans.map((s) => [NOTE.slice(s.start, s.end), s.label])).toEqual([
      ['Maria Garcia', 'PERSON'],
      ['maria.garcia@example.com', 'EMAIL'],
      ['+1 415 555 0199', 'PHONE_NUMBER'],
      ['Maria Garcia', 'PERSON'],
    ]);
    expect(spans.every((s) => s.score === LLM_SPAN_SCORE && s.source === 'llm')).toBe(true);
  });

  it('reads a fenced answer with prose, trailing commas and alias names', () => {
    const spans = parseSpans(FENCED_ANSWER, NOTE, ['EMAIL', 'PHONE_NUMBER']);
    expect(spans.map((s) => [NOTE.slice(s.start, s.end), s.label])).toEqual([
      ['maria.garcia@example.com', 'EMAIL'],
      ['+1 415 555 0199', 'PHONE_NUMBER'],
    ]);
  });
});
