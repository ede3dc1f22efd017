/**
 * Mask operators and the masker. One operator per file; this table maps each `mask_config` word to
 * its operator (keep it in step with the folder: a test fails when a file is missing here).
 *
 * | rule | output |
 * | --- | --- |
 * | `REDACT` (default) | the caller's type name as a tag: `[PERSON]`, `[email]` |
 * | `REPLACE` | a realistic surrogate of the same type (`Maya Okafor`, `liam.walsh@example.org`) |
 * | any other string | that string (`"<EMAIL>"`, the anonymization-run form); an upper-case word that is no strategy (`REDCT`) is refused as a typo |
 * | `MASK` | `*` per character, optionally keeping the last N: `************1111` |
 * | `HASH` | HMAC-SHA-256 hex under the job key: `9f86d081884c7d65` |
 * | `ENCRYPT` | AES-256-GCM: `⟦ENC:…⟧`, reversible with the key |
 * | `PSEUDONYMIZE` | `<PERSON_1>`, consistent within a job, reversible with the map |
 * | `KEEP` | the value unchanged |
 */
import { validateConfig, type OperatorTable } from './config.js';
import { encrypt } from './encrypt.js';
import { checkKey } from './keys.js';
import { hash } from './hash.js';
import { keep } from './keep.js';
import { literal } from './literal.js';
import { mask } from './mask.js';
import { makeMasker } from './masker.js';
import { pseudonymize } from './pseudonymize.js';
import { redact } from './redact.js';
import { replace } from './replace.js';
import type { LocalMaskStrategy, MaskConfig, Masker, MaskerOptions, MaskStrategy, RemoteMaskStrategy } from './types.js';

export type {
  LocalMaskStrategy,
  MaskConfig,
  MaskContext,
  Masker,
  MaskerOptions,
  MaskKey,
  MaskOperator,
  MaskRule,
  MaskStrategy,
  PseudonymMap,
  RemoteMaskStrategy,
} from './types.js';
export type { MaskParams } from './mask.js';
export type { HashParams } from './hash.js';
export type { ReplaceParams } from './replace.js';
import { MaskConfigError } from './errors.js';
export { MaskConfigError, MaskSpanError } from './errors.js';
export { deanonymize, type DeanonymizeOptions } from './deanonymize.js';

/** Operator per `mask_config` word; `LITERAL` serves replacement strings. */
export const OPERATORS: OperatorTable = Object.freeze({
  REDACT: redact,
  REPLACE: replace,
  MASK: mask,
  HASH: hash,
  ENCRYPT: encrypt,
  PSEUDONYMIZE: pseudonymize,
  KEEP: keep,
  LITERAL: literal,
});

/** The strategies the remote accepts. */
export const REMOTE_MASK_STRATEGIES: readonly RemoteMaskStrategy[] = Object.freeze(['REDACT', 'REPLACE'] as const);
/** pii-local extensions, typed apart so remote-bound code can exclude them. */
export const LOCAL_MASK_STRATEGIES: readonly LocalMaskStrategy[] = Object.freeze(['MASK', 'HASH', 'ENCRYPT', 'PSEUDONYMIZE', 'KEEP'] as const);
/** Every strategy word, remote ones first. */
export const MASK_STRATEGIES: readonly MaskStrategy[] = Object.freeze([...REMOTE_MASK_STRATEGIES, ...LOCAL_MASK_STRATEGIES]);

export function isRemoteMaskStrategy(word: string): word is RemoteMaskStrategy {
  return (REMOTE_MASK_STRATEGIES as readonly string[]).includes(word);
}

/** Throws `MaskConfigError` (with `.field`) for an unknown strategy or a bad parameter. Never sees text. */
export function validateMaskConfig(config: MaskConfig): void {
  validateConfig(OPERATORS, config);
}

/**
 * Checks the form of the keys in masker options (base64, length, algorithm) so a caller can refuse
 * a bad key up front; `createMasker` itself defers key problems to the first `mask` that needs them.
 */
export function validateMaskerOptions(options: MaskerOptions): void {
  if (options.hashKey !== undefined) checkKey(options.hashKey, 'hash');
  if (options.encryptionKey !== undefined) checkKey(options.encryptionKey, 'encrypt');
  if (options.seed !== undefined && !Number.isInteger(options.seed)) throw new MaskConfigError('seed must be an integer', 'seed');
  if (options.defaultRule !== undefined) validateConfig(OPERATORS, { defaultRule: options.defaultRule });
}

/** One masker per job: it keeps PSEUDONYMIZE tokens consistent across every text it masks. */
export function createMasker(options?: MaskerOptions): Masker {
  return makeMasker(OPERATORS, options);
}
