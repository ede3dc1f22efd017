import { LlmError, type LlmErrorReason } from './errors.js';
import type { LlmCompletionRequest, LlmProvider } from './provider.js';
import { anySignal, sleep } from './signals.js';

/**
 * Settings of an OpenAI-compatible chat endpoint. The provider POSTs to `{baseURL}/chat/completions`,
 * the route llama.cpp's server, Ollama, vLLM and LM Studio expose, as do hosted APIs. Nothing is sent
 * anywhere else; point `baseURL` at localhost and the text stays on the machine.
 */
export interface OpenAICompatibleConfig {
  /**
   * Base URL up to and including the API version, e.g. `http://127.0.0.1:8080/v1` (llama.cpp),
   * `http://localhost:11434/v1` (Ollama), `http://localhost:8000/v1` (vLLM). A trailing `/` is ignored.
   */
  baseURL: string;
  /** Sent as `Authorization: Bearer <apiKey>`; local servers usually need none. */
  apiKey?: string;
  /** Model used when a request names none (an empty `model_name`). */
  model?: string;
  /** Time allowed for one attempt, answer body included. @defaultValue 120000 (local models on a CPU are slow) */
  timeoutMs?: number;
  /** Further attempts after a network error, a timeout, HTTP 429 or 5xx; other 4xx are never retried. @defaultValue 2 */
  maxRetries?: number;
  /** First backoff delay; doubled per retry, capped at 8 s, jittered down by up to 25 %. A server's `Retry-After` under 60 s wins. @defaultValue 500 */
  retryDelayMs?: number;
  /** Send `response_format: {type: "json_object"}` when a caller asks for JSON. Turn off for servers that reject it. @defaultValue true */
  jsonMode?: boolean;
  /** A `fetch` to use instead of the global one (a proxy agent, a test hook). */
  fetch?: typeof fetch;
  /** Extra request headers; they override the defaults, `Authorization` included. */
  headers?: Record<string, string>;
}

export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_RETRY_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
const MAX_RETRY_AFTER_MS = 60_000;

/** A failed attempt, before we know whether it is the last one. */
interface Failure {
  reason: Extract<LlmErrorReason, 'network' | 'timeout' | 'http_error'>;
  status?: number;
  code?: string;
  retryAfterMs?: number;
}

/** Creates a provider for an OpenAI-compatible `/chat/completions` endpoint. */
export function createOpenAICompatibleProvider(config: OpenAICompatibleConfig): LlmProvider {
  const url = endpointOf(config.baseURL);
  const timeoutMs = checkedNumber(config.timeoutMs, 'timeoutMs', DEFAULT_TIMEOUT_MS, 1);
  const maxRetries = Math.floor(checkedNumber(config.maxRetries, 'maxRetries', DEFAULT_MAX_RETRIES, 0));
  const retryDelayMs = checkedNumber(config.retryDelayMs, 'retryDelayMs', DEFAULT_RETRY_DELAY_MS, 0);
  const jsonMode = config.jsonMode ?? true;
  const defaultModel = config.model?.trim() ?? '';
  // The global fetch is called through a wrapper: browsers refuse an unbound `window.fetch`.
  const fetchImpl: typeof fetch = config.fetch ?? ((input, init) => globalThis.fetch(input, init));

  function headers(): Headers {
    const h = new Headers({ 'content-type': 'application/json', accept: 'application/json' });
    if (config.apiKey) h.set('authorization', `Bearer ${config.apiKey}`);
    for (const [k, v] of Object.entries(config.headers ?? {})) h.set(k, v);
    return h;
  }

  async function complete(request: LlmCompletionRequest): Promise<{ content: string }> {
    // The request's model wins; an empty one (no model_name on the job) falls back to the provider's.
    const model = request.model.trim() || defaultModel;
    if (!model) {
      throw new LlmError('no_model', 'no model name: set model_name (transform job) or llm_model_name (run), or { model } on the provider');
    }
    const sendsJsonMode = jsonMode && request.responseFormat === 'json';
    const body = JSON.stringify({
      model,
      messages: request.messages,
      stream: false,
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(sendsJsonMode ? { response_format: { type: 'json_object' } } : {}),
    });
    const caller = request.signal;

    for (let attempt = 1; ; attempt++) {
      if (caller?.aborted) throw aborted();
      const timeout = AbortSignal.timeout(timeoutMs);
      let failure: Failure;
      try {
        const response = await fetchImpl(url, { method: 'POST', headers: headers(), body, signal: anySignal([caller, timeout]) });
        if (response.ok) {
          const text = await response.text();
          return { content: contentOf(text, attempt) };
        }
        await response.body?.cancel().catch(() => undefined); // frees the connection; the body may echo the prompt, so it is not read
        failure = { reason: 'http_error', status: response.status, retryAfterMs: retryAfterOf(response.headers) };
        if (!isRetryableStatus(response.status)) throw finalError(failure, attempt, sendsJsonMode);
      } catch (error) {
        if (error instanceof LlmError) throw error;
        if (caller?.aborted) throw aborted();
        failure = timeout.aborted ? { reason: 'timeout' } : { reason: 'network', code: networkCode(error) };
      }
      if (attempt > maxRetries) throw finalError(failure, attempt, sendsJsonMode);
      const delay = failure.retryAfterMs ?? backoff(attempt, retryDelayMs);
      if (!(await sleep(delay, caller))) throw aborted();
    }
  }

  function finalError(f: Failure, attempts: number, sentJsonMode: boolean): LlmError {
    const after = attempts > 1 ? ` after ${attempts} attempts` : '';
    if (f.reason === 'timeout') return new LlmError('timeout', `no answer within ${timeoutMs} ms${after}`, { attempts });
    if (f.reason === 'network') return new LlmError('network', `could not reach the LLM endpoint (${f.code ?? 'connection failed'})${after}`, { attempts });
    return new LlmError('http_error', `the LLM endpoint answered HTTP ${f.status}${after}${hintFor(f.status ?? 0, sentJsonMode)}`, { status: f.status, attempts });
  }

  return { name: `openai-compatible:${url.host}`, complete };
}

function aborted(): LlmError {
  return new LlmError('aborted', 'the LLM call was aborted');
}

function endpointOf(baseURL: unknown): URL {
  let url: URL;
  try {
    url = new URL(String(baseURL));
  } catch {
    throw new LlmError('invalid_config', 'llm.baseURL is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LlmError('invalid_config', 'llm.baseURL must be http: or https:');
  // fetch refuses URLs with credentials; say so before the first request, without echoing them.
  if (url.username || url.password) throw new LlmError('invalid_config', 'llm.baseURL must not hold credentials: use llm.apiKey or llm.headers');
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/chat/completions`;
  return url;
}

function checkedNumber(value: number | undefined, field: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new LlmError('invalid_config', `llm.${field} must be a number ≥ ${min}`);
  }
  return value;
}

/** 429 and 5xx are worth another try; any other 4xx will fail the same way again. */
function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

function hintFor(status: number, sentJsonMode: boolean): string {
  if (status === 401 || status === 403) return ' (check llm.apiKey)';
  if (status === 404) return ' (check llm.baseURL, usually ending in /v1, and the model name)';
  if (status === 400 && sentJsonMode) return ' (if the server rejects response_format, set llm.jsonMode: false)';
  return '';
}

/** `retry-after-ms` (OpenAI) or `retry-after` in seconds or as a date; ignored when absent or ≥ 60 s. */
function retryAfterOf(headers: Headers): number | undefined {
  let ms: number | undefined;
  const msHeader = headers.get('retry-after-ms');
  const header = headers.get('retry-after');
  if (msHeader !== null && msHeader.trim() !== '') ms = Number(msHeader);
  else if (header !== null && header.trim() !== '') {
    const seconds = Number(header);
    ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  }
  return ms !== undefined && Number.isFinite(ms) && ms >= 0 && ms < MAX_RETRY_AFTER_MS ? ms : undefined;
}

function backoff(attempt: number, baseMs: number): number {
  const ms = Math.min(baseMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
  return ms * (1 - Math.random() * 0.25);
}

/** An errno-style code (`ECONNREFUSED`) from undici's `cause`; never the message. */
function networkCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = cause?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : undefined;
}

/** The assistant text of a chat completion (or of a legacy completion's `text`). */
function contentOf(body: string, attempts: number): string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new LlmError('bad_response', 'the LLM endpoint answered 2xx with a body that is not JSON', { attempts });
  }
  const choice = (json as { choices?: unknown } | null)?.choices;
  const first = Array.isArray(choice) ? (choice[0] as { message?: { content?: unknown }; text?: unknown } | undefined) : undefined;
  const content = first?.message?.content ?? first?.text;
  if (typeof content === 'string') return content;
  // Some servers send content as parts: [{type: 'text', text}].
  if (Array.isArray(content)) {
    const parts = content.map((p: { text?: unknown }) => (typeof p?.text === 'string' ? p.text : ''));
    return parts.join('');
  }
  throw new LlmError('bad_response', 'the LLM endpoint answered without choices[0].message.content', { attempts });
}
