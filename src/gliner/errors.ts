import { EngineError, type EngineErrorCode } from '../engine/errors.js';

/**
 * Why a GLiNER model was refused or failed, finer than the engine's code. Stable strings: callers
 * and tests may switch on them.
 */
export type GlinerFailure =
  | 'unsupported_splitter'
  | 'unsupported_architecture'
  | 'unsupported_span_mode'
  | 'invalid_config'
  | 'tokenizer_mismatch'
  | 'file_missing'
  | 'file_unreadable'
  | 'session_failed'
  | 'contract_mismatch'
  | 'prompt_too_long'
  | 'invalid_label'
  | 'run_failed';

/**
 * An {@link EngineError} (code `model_load_failed`, `inference_failed` or `invalid_input`) with a
 * finer `reason`. Messages name fields, files and shapes, never the scanned text.
 */
export class GlinerError extends EngineError {
  constructor(
    code: EngineErrorCode,
    readonly reason: GlinerFailure,
    message: string,
  ) {
    super(code, message);
  }
}

/** Refusal while loading: the engine's `model_load_failed` with a reason. */
export function loadError(reason: GlinerFailure, message: string): GlinerError {
  return new GlinerError('model_load_failed', reason, message);
}
