/**
 * The SHA-256 that a step before the loader has already checked a response's body against: the
 * model cache hashes what it stores and serves a stored file only when its hash is the one asked
 * for, so the loader need not hash 14 MB again on every start. Kept in a side table keyed by the
 * `Response` object, not in a header: only pii-local's own steps can vouch; a server cannot.
 */
const vouched = new WeakMap<Response, string>();

/** Records that `response`'s body hashes to `integrity` (`sha256-…`); returns the response. */
export function vouch(response: Response, integrity: string | undefined): Response {
  if (integrity !== undefined) vouched.set(response, integrity);
  return response;
}

/** The `sha256-…` a pii-local step vouched for this response's body, if any. */
export function vouchedIntegrity(response: Response): string | undefined {
  return vouched.get(response);
}
