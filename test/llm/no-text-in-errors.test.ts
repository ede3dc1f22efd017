/**
 * Canary: the scanned text goes into the prompt, and servers echo prompts back (in error bodies, in
 * refusals, in HTML error pages). No error we raise may carry it: not in the message, the stack, a
 * property, or its JSON form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonOf } from '../../src/engine/errors.js';
import { createOpenAICompatibleProvider, detectWithLlm, judgeRedaction, LlmError, toProvider, type LlmProvider } from '../../src/llm/index.js';
import { content, DROP, HANG, sequence, startOpenAIServer, userMessage, type OpenAIServer, type Reply, type Responder } from './openai-server.js';

const CANARY_WORD = 'Xylophonequartz';
const CANARY_EMAIL = 'wilhelmina.c4n4ry@example.org';
const CANARIES = [CANARY_WORD, CANARY_EMAIL, 'c4n4ry'];
const TEXT = `${CANARY_WORD} wrote from ${CANARY_EMAIL} yesterday.`;

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());

/** Everything an error exposes to a logger. */
function exposed(error: unknown): string {
  const e = error as Record<string, unknown> & Error;
  const props = Object.fromEntries(Object.getOwnPropertyNames(e).map((k) => [k, e[k]]));
  return [String(e), e.message, e.stack, JSON.stringify(props), JSON.stringify(e), reasonOf(e), String(e.cause)].join('\n');
}

function expectClean(error: unknown): void {
  expect(error).toBeInstanceOf(LlmError);
  const all = exposed(error);
  for (const c of CANARIES) expect(all, `canary ${c} leaked`).not.toContain(c);
}

/** Replies that quote the request body, the way real servers do. */
const echoing: Record<string, (body: string) => Reply> = {
  '500 quoting the request': (body) => ({ kind: 'status', status: 500, body: { error: { message: `upstream failed on ${body}` } } }),
  '400 quoting the request': (body) => ({ kind: 'status', status: 400, body: { error: { message: `invalid request ${body}` } } }),
  '429 quoting the request': (body) => ({ kind: 'status', status: 429, body: { detail: body }, headers: { 'retry-after': '0' } }),
  'an HTML page quoting the request': (body) => ({ kind: 'raw', status: 200, body: `<html>${body}</html>`, contentType: 'text/html' }),
  'a refusal quoting the text': (body) => content(`I cannot process this. You sent: ${body}`),
  'half a JSON answer with the text': () => content(`{"entities": [{"type": "EMAIL", "text": "${CANARY_EMAIL}"`),
  'a chat completion without content': (body) => ({ kind: 'status', status: 200, body: { choices: [], echo: body } }),
};

const echo = (make: (body: string) => Reply): Responder => (req) => make(JSON.stringify(req.body));

describe('no scanned text in LLM errors', () => {
  it.each(Object.keys(echoing))('detection, server answering %s', async (name) => {
    server.respond(echo(echoing[name]!));
    const llm = createOpenAICompatibleProvider({ baseURL: server.baseURL, maxRetries: 1, retryDelayMs: 1 });
    const error = await detectWithLlm(llm, TEXT, { model: 'm', types: ['EMAIL', 'PERSON'] }).catch((e: unknown) => e);
    expectClean(error);
    // The text really was sent (so the canary had a chance to leak).
    expect(userMessage(server.requests.at(-1)!)).toContain(CANARY_EMAIL);
  });

  it.each(Object.keys(echoing))('judge, server answering %s', async (name) => {
    server.respond(echo(echoing[name]!));
    const llm = createOpenAICompatibleProvider({ baseURL: server.baseURL, maxRetries: 0 });
    expectClean(await judgeRedaction(llm, TEXT, { model: 'm', types: ['EMAIL'] }).catch((e: unknown) => e));
  });

  it('a timeout, a dropped connection and an abort', async () => {
    const llm = createOpenAICompatibleProvider({ baseURL: server.baseURL, maxRetries: 0, timeoutMs: 100 });
    server.respond(sequence(HANG));
    expectClean(await detectWithLlm(llm, TEXT, { model: 'm', types: ['EMAIL'] }).catch((e: unknown) => e));
    expectClean(await detectWithLlm(llm, TEXT, { model: 'm', types: ['EMAIL'], signal: AbortSignal.timeout(30) }).catch((e: unknown) => e));
    server.respond(sequence(DROP));
    expectClean(await detectWithLlm(llm, TEXT, { model: 'm', types: ['EMAIL'] }).catch((e: unknown) => e));
  });

  it('a base URL with credentials in it is refused without quoting them', () => {
    let error: unknown;
    try {
      createOpenAICompatibleProvider({ baseURL: `http://user:${CANARY_WORD}@127.0.0.1:9/v1` });
    } catch (e) {
      error = e;
    }
    expectClean(error);
    expect((error as LlmError).reason).toBe('invalid_config');
  });

  it('an in-page function whose error quotes the prompt', async () => {
    const provider: LlmProvider = toProvider(async (req) => {
      throw new Error(`model crashed on: ${req.messages.map((m) => m.content).join(' ')}`);
    });
    expectClean(await detectWithLlm(provider, TEXT, { model: 'm', types: ['EMAIL'] }).catch((e: unknown) => e));
  });

  it('the canary check itself notices a leak', () => {
    // Guards the test: an error that does quote the text must fail expectClean.
    const leaky = new LlmError('bad_response', `got ${CANARY_EMAIL}`);
    expect(() => expectClean(leaky)).toThrow();
  });
});
