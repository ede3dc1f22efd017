import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAICompatibleProvider, judgeRedaction, type LlmProvider } from '../../src/llm/index.js';
import { content, scannedText, sequence, startOpenAIServer, userMessage, type OpenAIServer } from './openai-server.js';

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

const CLEAN = 'Contact [PERSON] at <EMAIL> or ***-***-0199. [PERSON] lives in Lisbon.';
const LEAKY = 'Contact [PERSON] at maria.garcia@example.com or ***-***-0199. Maria lives in Lisbon.';
const TYPES = ['PERSON', 'EMAIL', 'PHONE_NUMBER'];

describe('judgeRedaction', () => {
  it('sends the masked text, the types and the model, and scores a clean answer 1', async () => {
    server.respond(sequence(content('{"leaks": [], "score": 1}')));
    const verdict = await judgeRedaction(llm, CLEAN, { model: 'judge-model', types: TYPES });
    expect(verdict).toEqual({ score: 1, leaks: [], claimed: 0 });
    const [r] = server.requests;
    expect(r!.body.model).toBe('judge-model');
    expect(r!.body.response_format).toEqual({ type: 'json_object' });
    expect(scannedText(r!)).toBe(CLEAN);
    for (const t of TYPES) expect(userMessage(r!)).toContain(`- ${t}:`);
  });

  it('reports the types of leaks found in the text, never their values, with the model score', async () => {
    server.respond(
      sequence(
        content(
          'The redaction missed two things:\n```json\n{"leaks": [{"type": "EMAIL", "text": "maria.garcia@example.com"}, {"type": "first_name", "text": "Maria"},], "score": 0.3}\n```',
        ),
      ),
    );
    const verdict = await judgeRedaction(llm, LEAKY, { model: 'j', types: TYPES });
    expect(verdict).toEqual({ score: 0.3, leaks: ['EMAIL', 'PERSON'], claimed: 2 });
    expect(JSON.stringify(verdict)).not.toContain('maria');
  });

  it('scores a confirmed leak 0 when the model gives no score below 1', async () => {
    server.respond(sequence(content('{"leaks": [{"type": "EMAIL", "text": "maria.garcia@example.com"}], "score": 1}')));
    expect(await judgeRedaction(llm, LEAKY, { model: 'j', types: TYPES })).toEqual({ score: 0, leaks: ['EMAIL'], claimed: 1 });
    server.respond(sequence(content('[{"type": "EMAIL", "text": "maria.garcia@example.com"}]')));
    expect((await judgeRedaction(llm, LEAKY, { model: 'j', types: TYPES })).score).toBe(0);
  });

  it('ignores claimed leaks that are not in the text, are placeholders, or are of other types', async () => {
    server.respond(
      sequence(
        content(
          JSON.stringify({
            leaks: [
              { type: 'EMAIL', text: 'john@example.com' }, // hallucinated
              { type: 'PERSON', text: '[PERSON]' }, // a placeholder
              { type: 'PHONE_NUMBER', text: '***-***-0199' }, // masked
              { type: 'LOCATION', text: 'Lisbon' }, // not asked for
            ],
            score: 0.2,
          }),
        ),
      ),
    );
    expect(await judgeRedaction(llm, CLEAN, { model: 'j', types: TYPES })).toEqual({ score: 1, leaks: [], claimed: 4 });
  });

  it('takes the lowest score over the chunks of a long text and the union of their leaks', async () => {
    const long = `${CLEAN} `.repeat(6) + LEAKY;
    server.respond((req) =>
      scannedText(req).includes('maria.garcia@example.com')
        ? content('{"leaks": [{"type": "EMAIL", "text": "maria.garcia@example.com"}], "score": 0.4}')
        : content('{"leaks": [], "score": 1}'),
    );
    const verdict = await judgeRedaction(llm, long, { model: 'j', types: TYPES, chunkChars: 150 });
    expect(server.requests.length).toBeGreaterThan(2);
    expect(server.requests.map(scannedText).join('')).toBe(long);
    expect(verdict).toEqual({ score: 0.4, leaks: ['EMAIL'], claimed: 1 });
  });

  it('fails with unparseable when the answer holds no JSON', async () => {
    server.respond(sequence(content('Looks fine to me.')));
    await expect(judgeRedaction(llm, CLEAN, { model: 'j', types: TYPES })).rejects.toMatchObject({ reason: 'unparseable' });
  });

  it('treats scores outside 0..1 as no score', async () => {
    server.respond(sequence(content('{"leaks": [{"type": "EMAIL", "text": "maria.garcia@example.com"}], "score": 7}')));
    expect((await judgeRedaction(llm, LEAKY, { model: 'j', types: TYPES })).score).toBe(0);
    server.respond(sequence(content('{"leaks": [], "score": "0.5"}')));
    expect((await judgeRedaction(llm, LEAKY, { model: 'j', types: TYPES })).score).toBe(1);
  });

  it('sends nothing for an empty text or no types', async () => {
    expect(await judgeRedaction(llm, '', { model: 'j', types: TYPES })).toEqual({ score: 1, leaks: [], claimed: 0 });
    expect(await judgeRedaction(llm, LEAKY, { model: 'j', types: [] })).toEqual({ score: 1, leaks: [], claimed: 0 });
    expect(server.requests).toHaveLength(0);
  });
});
