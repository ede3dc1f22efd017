/**
 * What a step before the loader already knows about a response's body: its bytes (read whole, so
 * the loader need not copy 14 MB again) and the SHA-256 it has checked them against (so the loader
 * need not hash them again). Kept in a side table keyed by the `Response` object, not in a header:
 * only pii-local's own steps (the model cache, the page-side prefetch) can vouch; a server cannot.
 */
export interface VouchedBody {
  /** The whole body, as the step that read it holds it. */
  readonly bytes?: Uint8Array;
  /** `sha256-…` of exactly these bytes. */
  readonly integrity?: string;
}

const vouched = new WeakMap<Response, VouchedBody>();

/** Records what is known about `response`'s body; returns the response. */
export function vouch(response: Response, body: VouchedBody): Response {
  vouched.set(response, body);
  return response;
}

/** What a pii-local step vouched for this response's body, if anything. */
export function vouchedBody(response: Response): VouchedBody | undefined {
  return vouched.get(response);
}
