import type { Span } from '../types.js';

/**
 * Mask strategies, keyed by the word a `mask_config` value uses. `REDACT` and `REPLACE` are the
 * remote's; the others are pii-local extensions (see `LocalMaskStrategy`).
 */
export type MaskStrategy = 'REDACT' | 'REPLACE' | 'MASK' | 'HASH' | 'ENCRYPT' | 'PSEUDONYMIZE' | 'KEEP';

/** The strategies the remote service accepts. Remote-bound code can narrow to this type. */
export type RemoteMaskStrategy = 'REDACT' | 'REPLACE';

/** pii-local extensions: never send these to the remote. */
export type LocalMaskStrategy = Exclude<MaskStrategy, RemoteMaskStrategy>;

/**
 * One `mask_config` value: a strategy word, a strategy with parameters, or any other string, which
 * is a literal replacement (the anonymization-run form, e.g. `"<EMAIL>"`). Strategy words are
 * matched exactly (upper case); `"redact"` is a literal.
 */
export type MaskRule = MaskStrategy | { strategy: MaskStrategy; params?: Record<string, unknown> } | string;

/** Mask rule per canonical entity type (`PERSON`, `EMAIL`, ...). Types not listed use the default rule. */
export type MaskConfig = Record<string, MaskRule>;

/** PSEUDONYMIZE tokens → the original values they stand for (`{"<PERSON_1>": "Ann Lee"}`). Secret. */
export type PseudonymMap = Record<string, string>;

/** A key: 32 raw bytes, the same bytes in base64 (standard or URL-safe), or a WebCrypto key. */
export type MaskKey = CryptoKey | Uint8Array | string;

export interface MaskerOptions {
  /** Rule for types absent from the config. @defaultValue `'REDACT'` */
  defaultRule?: MaskRule;
  /**
   * HMAC-SHA-256 key for HASH (at least 16 bytes). Without one, each masker draws a random key that
   * is never stored or returned: hashes then link values within one job only.
   */
  hashKey?: MaskKey;
  /** AES-GCM-256 key for ENCRYPT (exactly 32 bytes). ENCRYPT fails without one. */
  encryptionKey?: MaskKey;
  /**
   * Seed for REPLACE surrogates. With a seed, a value always gets the same surrogate (reproducible
   * output); without one, each masker draws a random seed.
   */
  seed?: number;
  /** A map from an earlier job, so PSEUDONYMIZE reuses its tokens and numbering. */
  pseudonymMap?: PseudonymMap;
}

/**
 * Masks the spans of texts. One per job: it holds the PSEUDONYMIZE counters and map and the keys,
 * so the same value gets the same token in every text it masks.
 */
export interface Masker {
  /**
   * Replaces each span of `text` by its type's rule. `spans` must be sorted and non-overlapping
   * (what the engine's merge returns); text outside them is copied unchanged. `displayLabel` maps a
   * canonical type to the caller's name for it, used in `[TAG]`s and `<TOKEN_n>`s.
   */
  mask(text: string, spans: readonly Span[], config: MaskConfig, displayLabel?: (canonical: string) => string): Promise<string>;
  /**
   * `mask`, without a promise when every rule it applies is synchronous (all but HASH and ENCRYPT):
   * a table masks millions of cells, and a promise and a turn of the microtask queue per cell cost
   * more than most masks themselves. Throws (rather than rejects) on spans that break the merge's
   * guarantee.
   */
  maskNow(text: string, spans: readonly Span[], config: MaskConfig, displayLabel?: (canonical: string) => string): string | Promise<string>;
  /** Every PSEUDONYMIZE token issued so far (plus the map given at creation) → its original. */
  pseudonymMap(): PseudonymMap;
}

/** What an operator is handed for one value. */
export interface MaskContext {
  /** Canonical type of the span. */
  type: string;
  /** The caller's name for the type (used in tags and tokens). */
  label: string;
  /** The whole text being masked (PSEUDONYMIZE avoids tokens that already occur in it). */
  text: string;
  /** Per-job state shared by every call of one masker. */
  job: MaskJobState;
}

/** Per-job state. Keys are imported lazily, so a bad key only fails the strategies that use it. */
export interface MaskJobState {
  seed: number;
  hmacKey(): Promise<CryptoKey>;
  aesKey(): Promise<CryptoKey>;
  pseudonyms: PseudonymStore;
}

export interface PseudonymStore {
  /** The token for `value` under `label`, issuing the next free one the first time. */
  tokenFor(label: string, value: string, avoidIn: string): string;
  toMap(): PseudonymMap;
}

/**
 * One mask operator (Presidio's shape): `validate` checks parameters before any text is touched and
 * throws `MaskConfigError` naming the parameter; `apply` rewrites one value and never throws on odd
 * text (only on missing keys).
 */
export interface MaskOperator<P = Record<string, unknown>> {
  /** Parameter names this operator accepts; any other name is refused. */
  readonly params: readonly string[];
  validate(params: Record<string, unknown>): void;
  apply(value: string, params: Readonly<Partial<P>>, context: MaskContext): string | Promise<string>;
}
