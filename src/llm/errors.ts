import { EngineError } from '../engine/errors.js';

/**
 * Why an LLM call failed, as a stable code:
 * - `no_model`: neither the request nor the provider names a model;
 * - `invalid_config`: the provider configuration or a call option is unusable;
 * - `network`: the endpoint could not be reached (retried);
 * - `timeout`: no complete answer within `timeoutMs` (retried);
 * - `http_error`: the endpoint answered with an error status (5xx/429 retried, other 4xx not);
 * - `bad_response`: a 2xx answer that is not a chat completion;
 * - `unparseable`: the model's answer holds no usable JSON;
 * - `provider_failed`: an in-page provider function threw or returned a non-string;
 * - `aborted`: the caller's signal fired.
 */
export type LlmErrorReason =
  | 'no_model'
  | 'invalid_config'
  | 'network'
  | 'timeout'
  | 'http_error'
  | 'bad_response'
  | 'unparseable'
  | 'provider_failed'
  | 'aborted';

/**
 * A failed LLM call. The message is built only from the reason, the HTTP status, counts and
 * configuration words; never from the prompt, the scanned text or the server's answer (servers
 * echo their input in error bodies).
 *
 * It is an `EngineError` (code `llm_failed`, or `aborted` when the caller aborted) so that the
 * engine's `reasonOf` keeps its message on the job and its `isAbort` recognises a caller abort.
 * No `cause` is attached: a third-party error may quote the prompt.
 */
export class LlmError extends EngineError {
  /** The stable reason code. */
  readonly reason: LlmErrorReason;
  /** The HTTP status for `http_error`. */
  readonly status: number | undefined;
  /** Requests sent before giving up (1 = no retry). Set by the HTTP provider. */
  readonly attempts: number | undefined;

  constructor(reason: LlmErrorReason, detail: string, options: { status?: number; attempts?: number } = {}) {
    super(reason === 'aborted' ? 'aborted' : 'llm_failed', `${reason}: ${detail}`);
    // EngineError types `name` as its own literal; the runtime name is what stacks and logs print.
    Object.defineProperty(this, 'name', { value: 'LlmError', enumerable: false, configurable: true, writable: false });
    this.reason = reason;
    this.status = options.status;
    this.attempts = options.attempts;
  }
}

export function isLlmError(error: unknown): error is LlmError {
  return error instanceof LlmError;
}

/** An error's class name if it looks like one (a name is set by code, but be strict anyway). */
export function errorKind(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  return /^[A-Za-z_$][\w$]{0,40}$/.test(name) ? name : 'Error';
}
