/**
 * Error classes with the Stainless names the remote SDK uses, so `catch (e) { if (e instanceof
 * BadRequestError) … }` keeps working after the one-line switch. Messages name fields and reason
 * codes, never sample text.
 */
export class PiiLocalError extends Error {
  override name = 'PiiLocalError';
}

export class APIError<TStatus extends number | undefined = number | undefined> extends PiiLocalError {
  override name = 'APIError';
  /** HTTP-like status; `undefined` for errors that are not responses (abort). */
  readonly status: TStatus;
  /** Always undefined locally: there is no HTTP response. Kept for shape compatibility. */
  readonly headers: undefined = undefined;
  /** The body a remote server would send: `{ detail }` (Django REST style). */
  readonly error: { detail: string; field?: string } | undefined;
  /** The request field the error is about, when there is one. Local detail. */
  readonly field: string | undefined;

  constructor(status: TStatus, message: string, field?: string) {
    super(message);
    this.status = status;
    this.field = field;
    this.error = { detail: message, ...(field ? { field } : {}) };
  }

  static generate(status: number, message: string, field?: string): APIError {
    switch (status) {
      case 400:
        return new BadRequestError(message, field);
      case 404:
        return new NotFoundError(message, field);
      case 409:
        return new ConflictError(message, field);
      default:
        return status >= 500 ? new InternalServerError(message, field) : new APIError(status, message, field);
    }
  }
}

export class BadRequestError extends APIError<400> {
  override name = 'BadRequestError';
  constructor(message: string, field?: string) {
    super(400, message, field);
  }
}

export class NotFoundError extends APIError<404> {
  override name = 'NotFoundError';
  constructor(message: string, field?: string) {
    super(404, message, field);
  }
}

export class ConflictError extends APIError<409> {
  override name = 'ConflictError';
  constructor(message: string, field?: string) {
    super(409, message, field);
  }
}

export class InternalServerError extends APIError<500> {
  override name = 'InternalServerError';
  constructor(message: string, field?: string) {
    super(500, message, field);
  }
}

/** The caller's `signal` aborted a wait (`poll`); the job itself goes on. */
export class APIUserAbortError extends APIError<undefined> {
  override name = 'APIUserAbortError';
  constructor(message = 'Request was aborted.') {
    super(undefined, message);
  }
}
