/** Codes for a file that cannot be read at all (per-record problems are `DatasetRecord.error`). */
export type DatasetErrorCode = 'invalid_json' | 'nesting_too_deep' | 'unsupported_format' | 'not_text';

/** A whole file could not be read. The message names the file's problem, never its content. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  constructor(
    readonly code: DatasetErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}
