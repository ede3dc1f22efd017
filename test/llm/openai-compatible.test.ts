import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isAbort } from '../../src/engine/errors.js';
import { createOpenAICompatibleProvider, LlmError, type LlmCompletionRequest, type OpenAICompatibleConfig } from '../../src/llm/index.js';
import { content, DROP, HANG, sequence, startOpenAIServer, status, type OpenAIServer } from './openai-server.js';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const request = (over: Partial<LlmCompletionRequest> = {}): LlmCompletionRequest => ({
  model: 'qwen2.5-7b-instruct',
  messages: [
    { role: 'system', content: 'be brief' },
    { role: 'user', content: 'hello' },
  ],
  ...over,
});

/** Fast retries so the suite does not sleep for real backoff. */
const provider = (over: Partial<OpenAICompatibleConfig> = {}) => createOpenAICompatibleProvider({ baseURL: server.baseURL, retryDelayMs: 5, ...over });

async function rejection(p: Promise<unknown>): Promise<LlmError> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(LlmError);
  return e as LlmError;
}

describe('the request the server receives', () => {
  it('is a POST to {baseURL}/chat/completions with the model, the messages, and no streaming', async () => {
    server.respond(sequence(content('hi')));
    const answer = await provider().complete(request({ temperature: 0 }));
    expect(answer).toEqual({ content: 'hi' });
    expect(server.requests).toHaveLength(1);
    const [r] = server.requests;
    expect(r!.method).toBe('POST');
    expect(r!.path).toBe('/v1/chat/completions');
    expect(r!.headers['content-type']).toBe('application/json');
    expect(r!.body).toEqual({
      model: 'qwen2.5-7b-instruct',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hello' },
      ],
      stream: false,
      temperature: 0,
    });
  });

  it('asks for a JSON object when the caller wants JSON, unless jsonMode is off', async () => {
    server.respond(sequence(content('{}')));
    await provider().complete(request({ responseFormat: 'json' }));
    await provider({ jsonMode: false }).complete(request({ responseFormat: 'json' }));
    expect(server.requests[0]!.body.response_format).toEqual({ type: 'json_object' });
    expect(server.requests[1]!.body).not.toHaveProperty('response_format');
  });

  it('sends the API key as a bearer token and extra headers, which may override it', async () => {
    server.respond(sequence(content('ok')));
    await provider({ apiKey: 'sk-local', headers: { 'x-trace': 't1' } }).complete(request());
    await provider({ apiKey: 'sk-local', headers: { Authorization: 'Basic abc' } }).complete(request());
    await provider().complete(request());
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-local');
    expect(server.requests[0]!.headers['x-trace']).toBe('t1');
    expect(server.requests[1]!.headers.authorization).toBe('Basic abc');
    expect(server.requests[2]!.headers.authorization).toBeUndefined();
  });

  it('uses the request model over the provider default, and the default when the request names none', async () => {
    server.respond(sequence(content('ok')));
    const p = provider({ model: 'llama3.2:3b' });
    await p.complete(request({ model: 'mistral-7b' }));
    await p.complete(request({ model: '' }));
    await p.complete(request({ model: '   ' }));
    expect(server.requests.map((r) => r.body.model)).toEqual(['mistral-7b', 'llama3.2:3b', 'llama3.2:3b']);
  });

  it('refuses to send anything when neither the request nor the provider names a model', async () => {
    const e = await rejection(provider().complete(request({ model: '' })));
    expect(e.reason).toBe('no_model');
    expect(e.message).toMatch(/model_name/);
    expect(server.requests).toHaveLength(0);
  });

  it('accepts a base URL with a trailing slash, and names the provider by host only', async () => {
    server.respond(sequence(content('ok')));
    const p = createOpenAICompatibleProvider({ baseURL: `${server.baseURL}/`, apiKey: 'secret-key' });
    await p.complete(request());
    expect(server.requests[0]!.path).toBe('/v1/chat/completions');
    expect(p.name).toBe(`openai-compatible:${new URL(server.baseURL).host}`);
    expect(p.name).not.toContain('secret-key');
  });

  it('goes through a fetch given in the config', async () => {
    server.respond(sequence(content('ok')));
    const urls: string[] = [];
    const p = provider({ fetch: (input, init) => (urls.push(String(input)), fetch(input, init)) });
    await p.complete(request());
    expect(urls).toEqual([`${server.baseURL}/chat/completions`]);
  });
});

describe('answers', () => {
  it('joins content sent as a list of text parts', async () => {
    server.respond(() => ({ kind: 'status', status: 200, body: { choices: [{ message: { role: 'assistant', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] } }] } }));
    expect(await provider().complete(request())).toEqual({ content: 'ab' });
  });

  it.each([
    ['a body that is not JSON', { kind: 'raw', status: 200, body: '<html>gateway</html>', contentType: 'text/html' }],
    ['JSON without choices', { kind: 'status', status: 200, body: { error: 'overloaded' } }],
    ['a choice without content', { kind: 'status', status: 200, body: { choices: [{ message: { role: 'assistant', content: null } }] } }],
  ] as const)('rejects a 2xx with %s as bad_response, without retrying', async (_name, reply) => {
    server.respond(sequence(reply));
    const e = await rejection(provider().complete(request()));
    expect(e.reason).toBe('bad_response');
    expect(server.requests).toHaveLength(1);
  });
});

describe('retries', () => {
  it('retries a 5xx and succeeds, counting each attempt on the server', async () => {
    server.respond(sequence(status(503), status(500), content('third time')));
    expect(await provider({ maxRetries: 2 }).complete(request())).toEqual({ content: 'third time' });
    expect(server.requests).toHaveLength(3);
    // Every attempt carries the same body.
    expect(new Set(server.requests.map((r) => JSON.stringify(r.body))).size).toBe(1);
  });

  it('retries 429 after the Retry-After the server asks for', async () => {
    server.respond(sequence(status(429, undefined, { 'retry-after': '0.2' }), content('ok')));
    const t0 = performance.now();
    await provider({ retryDelayMs: 0 }).complete(request());
    expect(performance.now() - t0).toBeGreaterThanOrEqual(180);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after maxRetries with the last status and the attempt count', async () => {
    server.respond(sequence(status(502)));
    const e = await rejection(provider({ maxRetries: 3 }).complete(request()));
    expect(e).toMatchObject({ reason: 'http_error', status: 502, attempts: 4 });
    expect(e.message).toContain('HTTP 502 after 4 attempts');
    expect(server.requests).toHaveLength(4);
  });

  it.each([400, 401, 403, 404, 422])('does not retry HTTP %i', async (code) => {
    server.respond(sequence(status(code), content('never reached')));
    const e = await rejection(provider({ maxRetries: 5 }).complete(request()));
    expect(e).toMatchObject({ reason: 'http_error', status: code, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('hints at the likely cause of common 4xx answers', async () => {
    server.respond(sequence(status(401)));
    expect((await rejection(provider().complete(request()))).message).toMatch(/apiKey/);
    server.respond(sequence(status(404)));
    expect((await rejection(provider().complete(request()))).message).toMatch(/baseURL/);
    server.respond(sequence(status(400)));
    expect((await rejection(provider().complete(request({ responseFormat: 'json' })))).message).toMatch(/jsonMode: false/);
  });

  it('retries a dropped connection and succeeds', async () => {
    server.respond(sequence(DROP, content('ok')));
    expect(await provider().complete(request())).toEqual({ content: 'ok' });
    expect(server.requests).toHaveLength(2);
  });

  it('reports a refused connection as a network error with its errno code', async () => {
    const port = await closedPort();
    const p = createOpenAICompatibleProvider({ baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 1, retryDelayMs: 1 });
    const e = await rejection(p.complete(request()));
    expect(e).toMatchObject({ reason: 'network', attempts: 2 });
    expect(e.message).toContain('ECONNREFUSED');
  });
});

describe('timeouts and aborts', () => {
  it('times out a server that never answers, each attempt on its own clock', async () => {
    server.respond(sequence(HANG));
    const t0 = performance.now();
    const e = await rejection(provider({ timeoutMs: 150, maxRetries: 1 }).complete(request()));
    const elapsed = performance.now() - t0;
    expect(e).toMatchObject({ reason: 'timeout', attempts: 2 });
    expect(e.message).toContain('150 ms');
    expect(server.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('a hang then an answer succeeds on the retry', async () => {
    server.respond(sequence(HANG, content('late but fine')));
    expect(await provider({ timeoutMs: 150, maxRetries: 1 }).complete(request())).toEqual({ content: 'late but fine' });
  });

  it("stops at once when the caller's signal fires, as an abort the engine recognises", async () => {
    server.respond(sequence(HANG));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const t0 = performance.now();
    const e = await rejection(provider({ timeoutMs: 60_000 }).complete(request({ signal: controller.signal })));
    expect(e.reason).toBe('aborted');
    expect(isAbort(e)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1); // an abort is not retried
  });

  it('an abort during the backoff wait ends the wait', async () => {
    server.respond(sequence(status(503)));
    const controller = new AbortController();
    const p = provider({ retryDelayMs: 10_000, maxRetries: 5 }).complete(request({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    const t0 = performance.now();
    expect((await rejection(p)).reason).toBe('aborted');
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing when the signal has already fired', async () => {
    const e = await rejection(provider().complete(request({ signal: AbortSignal.abort() })));
    expect(e.reason).toBe('aborted');
    expect(server.requests).toHaveLength(0);
  });
});

describe('configuration', () => {
  it.each([
    ['a base URL that is not a URL', { baseURL: 'localhost:8080' }],
    ['a base URL with another scheme', { baseURL: 'ftp://127.0.0.1/v1' }],
    ['a zero timeout', { baseURL: 'http://127.0.0.1/v1', timeoutMs: 0 }],
    ['negative retries', { baseURL: 'http://127.0.0.1/v1', maxRetries: -1 }],
    ['a non-numeric retry delay', { baseURL: 'http://127.0.0.1/v1', retryDelayMs: Number.NaN }],
  ])('refuses %s', (_name, config) => {
    expect(() => createOpenAICompatibleProvider(config as OpenAICompatibleConfig)).toThrow(LlmError);
    try {
      createOpenAICompatibleProvider(config as OpenAICompatibleConfig);
    } catch (e) {
      expect((e as LlmError).reason).toBe('invalid_config');
    }
  });
});

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
