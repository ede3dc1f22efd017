import { checkInteger, checkParamNames } from './params.js';
import { subtle } from './keys.js';
import type { MaskOperator } from './types.js';

export interface HashParams {
  /** Hex characters kept from the 64 of HMAC-SHA-256. @defaultValue 16 (64 bits) */
  length: number;
}

/**
 * `HASH`: HMAC-SHA-256 of the value's UTF-8 bytes under the job's key, in lower-case hex. Equal
 * values give equal hashes under one key (linkable across samples only with the same key); without a
 * caller key the masker uses a random one that is never stored, so hashes cannot be recomputed.
 */
export const hash: MaskOperator<HashParams> = {
  params: ['length'],
  validate(params) {
    checkParamNames('HASH', params, hash.params);
    checkInteger('HASH', params, 'length', 8, 64);
  },
  async apply(value, params, { job }) {
    const key = await job.hmacKey();
    const mac = new Uint8Array(await subtle().sign('HMAC', key, new TextEncoder().encode(value)));
    let hex = '';
    for (const b of mac) hex += b.toString(16).padStart(2, '0');
    return hex.slice(0, params.length ?? 16);
  },
};
