import { fieldFor, quoteValue } from '../quote.js';
import { checkKey } from '../masks/keys.js';
import { MaskConfigError } from '../masks/errors.js';
import type { LocalMaskOptions } from './types.js';
import { BadRequestError } from './errors.js';

const KNOWN = new Set(['hash_key', 'encryption_key', 'return_pseudonym_map', 'seed', 'locales']);

/**
 * Checks `mask_options` at `create`, so a bad key or seed fails the request instead of every sample
 * of the job. Messages name the field and never hold a key.
 */
export function validateMaskOptions(value: unknown, usesEncrypt: boolean): LocalMaskOptions {
  const options = value ?? {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new BadRequestError('mask_options must be an object', 'mask_options');
  }
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!KNOWN.has(key)) throw new BadRequestError(`mask_options has unknown option ${quoteValue(key)} (known: ${[...KNOWN].join(', ')})`, fieldFor('mask_options', key));
  }
  if (usesEncrypt && o.encryption_key === undefined) {
    throw new BadRequestError('mask_config uses ENCRYPT: mask_options.encryption_key is required', 'mask_options.encryption_key');
  }
  checkKeyOption(o.hash_key, 'hash', 'mask_options.hash_key');
  checkKeyOption(o.encryption_key, 'encrypt', 'mask_options.encryption_key');
  if (o.return_pseudonym_map !== undefined && typeof o.return_pseudonym_map !== 'boolean') {
    throw new BadRequestError('mask_options.return_pseudonym_map must be a boolean', 'mask_options.return_pseudonym_map');
  }
  if (o.seed !== undefined && !(typeof o.seed === 'number' && Number.isSafeInteger(o.seed))) {
    throw new BadRequestError('mask_options.seed must be an integer', 'mask_options.seed');
  }
  if (o.locales !== undefined && !(Array.isArray(o.locales) && o.locales.every((l) => typeof l === 'string' && l.trim() !== ''))) {
    throw new BadRequestError('mask_options.locales must be an array of locale strings, e.g. ["en-GB"]', 'mask_options.locales');
  }
  return o as LocalMaskOptions;
}

function checkKeyOption(key: unknown, use: 'hash' | 'encrypt', field: string): void {
  if (key === undefined) return;
  const isKeyLike = typeof key === 'string' || key instanceof Uint8Array || (typeof CryptoKey !== 'undefined' && key instanceof CryptoKey);
  if (!isKeyLike) throw new BadRequestError(`${field} must be a base64 string, bytes or a CryptoKey`, field);
  try {
    checkKey(key as string | Uint8Array | CryptoKey, use);
  } catch (error) {
    if (error instanceof MaskConfigError) throw new BadRequestError(`${field}: ${error.message.replace(/^\w+Key /, '')}`, field);
    throw error;
  }
}
