/**
 * A bad mask config or key. `field` names where (`EMAIL`, `EMAIL.params.char`, `encryptionKey`); the
 * message names the type, strategy or parameter and never holds text being masked.
 */
export class MaskConfigError extends Error {
  override readonly name = 'MaskConfigError';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Spans handed to `mask` that break its contract (unsorted, overlapping, out of range). */
export class MaskSpanError extends Error {
  override readonly name = 'MaskSpanError';
  constructor(readonly code: 'spans_unsorted' | 'span_out_of_range', message: string) {
    super(message);
  }
}
