import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Span } from '../../src/types.js';
import { createOpenAICompatibleProvider, detectWithLlm, LlmError, LLM_SPAN_SCORE, toProvider, type LlmCompletionRequest, type LlmProvider } from '../../src/llm/index.js';
import {
  at,
  FENCED_ANSWER,
  GOOD_ANSWER,
  HALLUCINATED_ANSWER,
  MALFORMED_ANSWERS,
  NOTE,
  REPEATED_NO_OFFSET_ANSWER,
  WRONG_OFFSET_ANSWER,
} from './fixtures.js';
import { content, scannedText, sequence, startOpenAIServer, userMessage, type OpenAIServer, type Responder } from './openai-server.js';

let server: OpenAIServer;
let llm: LlmProvider;
beforeAll(async () => {
  server = await startOpenAIServer();
  llm = createOpenAICompatibleProvider({ baseURL: server.baseURL, retryDelayMs: 5 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const ALL = ['PERSON', 'EMAIL', 'PHONE_NUMBER'];
const found = (text: string, spans: Span[]) => spans.map((s) => [text.slice(s.start, s.end), s.label, s.start]);

describe('detectWithLlm against a chat-completions server', () => {
  it('sends one request with the model, the types and the text, and returns anchored spans', async () => {
    server.respond(sequence(content(GOOD_ANSWER)));
    const spans = await detectWithLlm(llm, NOTE, { model: 'llama3.1:8b', types: ALL });
    expect(found(NOTE, spans)).toEqual([
      ['Maria Garcia', 'PERSON', 8],
      ['maria.garcia@example.com', 'EMAIL', 24],
      ['+1 415 555 0199', 'PHONE_NUMBER', 52],
      ['Maria Garcia', 'PERSON', at(NOTE, 'Maria Garcia', 9)],
    ]);
    expect(spans.every((s) => s.score === LLM_SPAN_SCORE && s.source === 'llm')).toBe(true);

    expect(server.requests).toHaveLength(1);
    const { body } = server.requests[0]!;
    expect(body.model).toBe('llama3.1:8b');
    expect(body.temperature).toBe(0);
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages?.map((m) => m.role)).toEqual(['system', 'user']);
    expect(scannedText(server.requests[0]!)).toBe(NOTE);
    for (const t of ALL) expect(userMessage(server.requests[0]!)).toContain(`- ${t}:`);
    expect(userMessage(server.requests[0]!)).toContain('"entities"');
  });

  it('reads JSON in a code fence with prose around it', async () => {
    server.respond(sequence(content(FENCED_ANSWER)));
    const spans = await detectWithLlm(llm, NOTE, { model: 'm', types: ALL });
    expect(found(NOTE, spans)).toEqual([
      ['maria.garcia@example.com', 'EMAIL', 24],
      ['+1 415 555 0199', 'PHONE_NUMBER', 52],
    ]);
  });

  it.each(MALFORMED_ANSWERS.map((a) => [a]))('fails the sample with unparseable on %j', async (answer) => {
    server.respond(sequence(content(answer)));
    const error = await detectWithLlm(llm, NOTE, { model: 'm', types: ALL }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).reason).toBe('unparseable');
    expect(server.requests).toHaveLength(1); // a bad answer is the model's, not the network's: no retry
  });

  it('re-anchors wrong offsets on the quoted value', async () => {
    server.respond(sequence(content(WRONG_OFFSET_ANSWER)));
    const spans = await detectWithLlm(llm, NOTE, { model: 'm', types: ALL });
    expect(found(NOTE, spans)).toEqual([
      ['maria.garcia@example.com', 'EMAIL', 24],
      ['+1 415 555 0199', 'PHONE_NUMBER', 52],
      ['Maria Garcia', 'PERSON', at(NOTE, 'Maria Garcia', 9)], // nearest to the (wrong) offset given
    ]);
  });

  it('drops values that are not in the text and types not asked for', async () => {
    server.respond(sequence(content(HALLUCINATED_ANSWER)));
    expect(await detectWithLlm(llm, NOTE, { model: 'm', types: ALL })).toEqual([]);
  });

  it('marks every mention of a value listed once without an offset', async () => {
    server.respond(sequence(content(REPEATED_NO_OFFSET_ANSWER)));
    const spans = await detectWithLlm(llm, NOTE, { model: 'm', types: ['PERSON'] });
    expect(found(NOTE, spans)).toEqual([
      ['Maria Garcia', 'PERSON', 8],
      ['Maria Garcia', 'PERSON', at(NOTE, 'Maria Garcia', 9)],
    ]);
  });

  it('sends nothing for an empty text or an empty type list', async () => {
    expect(await detectWithLlm(llm, '  \n ', { model: 'm', types: ALL })).toEqual([]);
    expect(await detectWithLlm(llm, NOTE, { model: 'm', types: [] })).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a chunk size below the minimum', async () => {
    await expect(detectWithLlm(llm, NOTE, { model: 'm', types: ALL, chunkChars: 5 })).rejects.toMatchObject({ reason: 'invalid_config' });
  });
});

describe('long samples', () => {
  // A fixture "model": reports every known value in the chunk it was sent, with offsets in that chunk.
  const VALUES: [string, string][] = [
    ['Maria Garcia', 'PERSON'],
    ['Jonas Weber', 'PERSON'],
    ['maria.garcia@example.com', 'EMAIL'],
    ['+44 20 7946 0958', 'PHONE_NUMBER'],
  ];
  const reportsWhatItSees: Responder = (req) => {
    const chunk = scannedText(req);
    const entities = [];
    for (const [value, type] of VALUES) {
      for (let i = chunk.indexOf(value); i >= 0; i = chunk.indexOf(value, i + 1)) entities.push({ type, text: value, start: i });
    }
    return content(JSON.stringify({ entities }));
  };

  function longNote(sentences: number): string {
    const parts: string[] = [];
    for (let i = 0; i < sentences; i++) {
      const who = i % 3 === 0 ? 'Maria Garcia' : 'Jonas Weber';
      const how = i % 4 === 0 ? 'maria.garcia@example.com' : '+44 20 7946 0958';
      parts.push(`Visit ${i}: ${who} was reached via ${how} about case ${1000 + i}.${i % 7 === 6 ? '\n' : ' '}`);
    }
    return parts.join('');
  }

  function expectedSpans(text: string): [string, string, number][] {
    const out: [string, string, number][] = [];
    for (const [value, type] of VALUES) for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) out.push([value, type, i]);
    return out.sort((a, b) => a[2] - b[2]);
  }

  it('splits at sentence ends, sends each chunk alone, and maps offsets back to the whole text', async () => {
    server.respond(reportsWhatItSees);
    const text = longNote(120);
    const chunkChars = 500;
    const spans = await detectWithLlm(llm, text, { model: 'm', types: ALL, chunkChars });

    const sent = server.requests.map(scannedText);
    expect(sent.length).toBeGreaterThan(text.length / chunkChars);
    expect(sent.join('')).toBe(text);
    for (const chunk of sent) {
      expect(chunk.length).toBeLessThanOrEqual(chunkChars);
      expect(chunk.trimEnd()).toMatch(/[.]$/); // every cut fell after a sentence
    }
    const got = found(text, spans).sort((a, b) => (a[2] as number) - (b[2] as number));
    expect(got).toEqual(expectedSpans(text));
  });

  it('fails the whole sample when one chunk answers without JSON', async () => {
    server.respond((req, i) => (i === 2 ? content('Sorry, I cannot help with that.') : reportsWhatItSees(req, i)));
    await expect(detectWithLlm(llm, longNote(60), { model: 'm', types: ALL, chunkChars: 400 })).rejects.toMatchObject({ reason: 'unparseable' });
    expect(server.requests).toHaveLength(3); // stops at the bad chunk
  });
});

describe('an in-page function as the provider', () => {
  it('receives the same request and its answer is parsed the same way', async () => {
    const seen: LlmCompletionRequest[] = [];
    const provider = toProvider(async (req) => {
      seen.push(req);
      return FENCED_ANSWER;
    });
    const spans = await detectWithLlm(provider, NOTE, { model: 'webllm-phi', types: ['EMAIL'] });
    expect(found(NOTE, spans)).toEqual([['maria.garcia@example.com', 'EMAIL', 24]]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!).toMatchObject({ model: 'webllm-phi', temperature: 0, responseFormat: 'json' });
    expect(seen[0]!.messages[1]!.content).toContain(NOTE);
  });

  it('a function that throws or returns a non-string fails as provider_failed', async () => {
    const throwing = toProvider(async () => {
      throw new RangeError('out of memory');
    });
    const wrong = toProvider((async () => ({ content: 'x' })) as unknown as () => Promise<string>);
    await expect(detectWithLlm(throwing, NOTE, { model: '', types: ALL })).rejects.toMatchObject({ reason: 'provider_failed', message: expect.stringContaining('RangeError') });
    await expect(detectWithLlm(wrong, NOTE, { model: '', types: ALL })).rejects.toMatchObject({ reason: 'provider_failed' });
  });
});
