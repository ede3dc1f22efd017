/**
 * Errors across the worker boundary. Comlink would keep only `name`/`message`/`stack` and lose the
 * engine's `code`; these keep the code, and keep a message only when it is ours (an `EngineError`
 * never carries text). A third-party error may quote its input, so only its class name crosses.
 */
import { EngineError, isAbort } from '../engine/errors.js';
import type { WireError } from './protocol.js';

const ABORTED = 'the operation was aborted';

/** `where` names the side that failed, for the message of a foreign error (`in the worker`). */
export function toWireError(error: unknown, where: string): WireError {
  if (isAbort(error)) return { name: 'AbortError', message: ABORTED };
  if (error instanceof EngineError) return { name: error.name, message: error.message, code: error.code };
  const name = error instanceof Error && /^[A-Za-z_$][\w$]{0,40}$/.test(error.name) ? error.name : 'Error';
  return { name, message: `internal error ${where} (${name})` };
}

/** The inverse: an `EngineError` with its code (aborts become code `aborted`), else a plain `Error`. */
export function fromWireError(error: WireError): Error {
  if (error.name === 'AbortError') return new EngineError('aborted', ABORTED);
  if (error.code) return new EngineError(error.code, error.message);
  const e = new Error(error.message);
  e.name = error.name;
  return e;
}
