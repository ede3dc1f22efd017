/**
 * Engine failures carry a stable reason code and a message written to be printed: field names and
 * codes, never sample text. The API layer turns them into its typed errors.
 */
export type EngineErrorCode =
  | 'model_load_failed'
  | 'inference_failed'
  | 'unsupported_type'
  | 'llm_not_configured'
  | 'llm_failed'
  | 'mask_failed'
  | 'aborted'
  | 'invalid_input'
  | 'engine_protocol';

export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A reason safe to store on a job. Only our own errors' messages pass through (we never put text in
 * them); a third-party message may echo its input (a tokenizer, a JSON parser), so only its class
 * name is kept.
 */
export function reasonOf(error: unknown): string {
  if (error instanceof EngineError) return `${error.code}: ${error.message}`;
  if (isAbort(error)) return 'aborted';
  if (error instanceof Error) return `internal_error: ${error.name}`;
  return 'internal_error';
}

export function isAbort(error: unknown): boolean {
  return (
    (error instanceof EngineError && error.code === 'aborted') ||
    (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError')
  );
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EngineError('aborted', 'the operation was aborted');
}

/** `reasonOf`, prefixed with `code` unless the error already carries its own code. */
export function failureReason(code: EngineErrorCode, error: unknown): string {
  return error instanceof EngineError ? reasonOf(error) : `${code}: ${reasonOf(error)}`;
}

/**
 * Settles with `work`, or rejects as soon as `signal` aborts: a worker that never replies must not
 * keep a canceled job waiting forever.
 */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  throwIfAborted(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new EngineError('aborted', 'the operation was aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
