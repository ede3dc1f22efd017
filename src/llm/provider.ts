import { LlmError } from './errors.js';
import { createFunctionProvider } from './function-provider.js';
import { createOpenAICompatibleProvider, type OpenAICompatibleConfig } from './openai-compatible.js';

/** One chat message, as chat-completion endpoints take it. */
export interface LlmMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** One completion call. */
export interface LlmCompletionRequest {
  /** Model name. An empty string means "the provider's default model". */
  model: string;
  messages: LlmMessage[];
  /** @defaultValue the server's default (the detectors pass 0) */
  temperature?: number;
  /** `'json'` asks the server to constrain the answer to one JSON object (`response_format: json_object`). */
  responseFormat?: 'json';
  /** Aborts the call (and any retry wait); the provider then rejects with `LlmError('aborted')`. */
  signal?: AbortSignal;
}

/** The model's answer: the assistant message text. */
export interface LlmCompletion {
  content: string;
}

/**
 * Anything that can complete a chat: the OpenAI-compatible HTTP provider, an in-page model, a test
 * double. Implementations reject with `LlmError` and never put the prompt in an error message.
 */
export interface LlmProvider {
  /** For logs and job traces, e.g. `openai-compatible:127.0.0.1:8080`; never a key. */
  readonly name: string;
  complete(request: LlmCompletionRequest): Promise<LlmCompletion>;
}

/** An in-page model as a plain function: takes the request, resolves with the answer text. */
export type LlmCompleteFunction = (request: LlmCompletionRequest) => Promise<string>;

/**
 * What the client's `llm` option accepts: a ready provider, the settings of an OpenAI-compatible
 * endpoint (llama.cpp server, Ollama, vLLM, LM Studio, or a hosted one), or a function.
 * Turned into a provider by `toProvider`.
 */
export type LlmProviderConfig = LlmProvider | OpenAICompatibleConfig | LlmCompleteFunction;

/** Normalises an `LlmProviderConfig`; throws `LlmError('invalid_config')` for anything else. */
export function toProvider(config: LlmProviderConfig): LlmProvider {
  if (typeof config === 'function') return createFunctionProvider(config);
  if (typeof config === 'object' && config !== null) {
    if ('complete' in config && typeof config.complete === 'function') return config;
    if ('baseURL' in config) return createOpenAICompatibleProvider(config);
  }
  throw new LlmError('invalid_config', 'llm must be an LlmProvider, a function, or { baseURL } of an OpenAI-compatible endpoint');
}
