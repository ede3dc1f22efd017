import { describe, expect, it } from 'vitest';
import { LlmError, toProvider, type LlmProvider, type LlmProviderConfig } from '../../src/llm/index.js';

describe('toProvider', () => {
  it('returns a provider object as it is', () => {
    const provider: LlmProvider = { name: 'mine', complete: async () => ({ content: '{}' }) };
    expect(toProvider(provider)).toBe(provider);
  });

  it('turns { baseURL } into the OpenAI-compatible provider', () => {
    const p = toProvider({ baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3.2' });
    expect(p.name).toBe('openai-compatible:127.0.0.1:11434');
    expect(typeof p.complete).toBe('function');
  });

  it('turns a function into a provider that passes the request through', async () => {
    const p = toProvider(async (req) => `${req.model}:${req.messages.length}`);
    expect(p.name).toBe('function');
    expect(await p.complete({ model: 'tiny', messages: [{ role: 'user', content: 'x' }] })).toEqual({ content: 'tiny:1' });
  });

  it('an aborted signal stops a function provider before and after the call', async () => {
    let calls = 0;
    const p = toProvider(async () => (calls++, '{}'));
    await expect(p.complete({ model: '', messages: [], signal: AbortSignal.abort() })).rejects.toMatchObject({ reason: 'aborted', code: 'aborted' });
    expect(calls).toBe(0);
    const controller = new AbortController();
    const slow = toProvider(() => new Promise<string>((r) => setTimeout(() => r('{}'), 50)));
    const pending = slow.complete({ model: '', messages: [], signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ reason: 'aborted' });
  });

  it.each([
    ['null', null],
    ['a string', 'http://127.0.0.1/v1'],
    ['an object with neither complete nor baseURL', { url: 'http://127.0.0.1/v1' }],
  ])('refuses %s', (_name, config) => {
    expect(() => toProvider(config as unknown as LlmProviderConfig)).toThrow(LlmError);
    expect(() => toProvider(config as unknown as LlmProviderConfig)).toThrow(/invalid_config/);
  });

  it('LlmError prints as LlmError and keeps the engine code', () => {
    const e = new LlmError('timeout', 'no answer within 5 ms', { attempts: 3 });
    expect(String(e)).toBe('LlmError: timeout: no answer within 5 ms');
    expect(e).toMatchObject({ code: 'llm_failed', reason: 'timeout', attempts: 3, status: undefined });
  });
});
