import { errorKind, LlmError } from './errors.js';
import type { LlmCompleteFunction, LlmProvider } from './provider.js';

/**
 * Wraps an in-page function (a WebLLM engine, a test double) as a provider. What it throws is
 * replaced by `LlmError('provider_failed')` keeping only the error's class name, since a
 * third-party message may quote the prompt.
 */
export function createFunctionProvider(fn: LlmCompleteFunction, name = 'function'): LlmProvider {
  return {
    name,
    async complete(request) {
      if (request.signal?.aborted) throw new LlmError('aborted', 'the LLM call was aborted');
      let content: unknown;
      try {
        content = await fn(request);
      } catch (error) {
        if (request.signal?.aborted) throw new LlmError('aborted', 'the LLM call was aborted');
        throw new LlmError('provider_failed', `the LLM function threw (${errorKind(error)})`);
      }
      if (request.signal?.aborted) throw new LlmError('aborted', 'the LLM call was aborted');
      if (typeof content !== 'string') throw new LlmError('provider_failed', `the LLM function returned ${typeof content}, not a string`);
      return { content };
    },
  };
}
