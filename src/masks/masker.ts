import type { Span } from '../types.js';
import { resolveRule, type OperatorTable, type ResolvedRule } from './config.js';
import { MaskConfigError, MaskSpanError } from './errors.js';
import { importAesKey, importHmacKey, randomHmacKey } from './keys.js';
import { createPseudonymStore } from './pseudonymize.js';
import type { MaskConfig, Masker, MaskerOptions, MaskJobState } from './types.js';

/**
 * The masker behind `createMasker`. Keys are imported on first use, so a job that never hashes
 * never needs a hash key, and a bad key surfaces as a rejected `mask` (the caller records it per
 * sample) rather than at construction.
 */
export function makeMasker(table: OperatorTable, options: MaskerOptions = {}): Masker {
  const defaultRule = resolveRule(table, options.defaultRule ?? 'REDACT', 'defaultRule');
  let hmac: Promise<CryptoKey> | undefined;
  let aes: Promise<CryptoKey> | undefined;
  const job: MaskJobState = {
    seed: options.seed ?? globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!,
    hmacKey: () => (hmac ??= options.hashKey !== undefined ? importHmacKey(options.hashKey) : randomHmacKey()),
    aesKey: () => {
      if (options.encryptionKey === undefined) {
        return Promise.reject(new MaskConfigError('ENCRYPT needs an encryption key (encryptionKey)', 'encryptionKey'));
      }
      return (aes ??= importAesKey(options.encryptionKey));
    },
    pseudonyms: createPseudonymStore(options.pseudonymMap),
  };
  // Configs are usually one object reused for every text of a job: resolve each once.
  const resolvedConfigs = new WeakMap<MaskConfig, Map<string, ResolvedRule>>();

  const ruleFor = (config: MaskConfig, type: string): ResolvedRule => {
    let cache = resolvedConfigs.get(config);
    if (!cache) resolvedConfigs.set(config, (cache = new Map()));
    let rule = cache.get(type);
    if (!rule) {
      const raw = Object.prototype.hasOwnProperty.call(config, type) ? config[type] : undefined;
      rule = raw === undefined ? defaultRule : resolveRule(table, raw, type);
      cache.set(type, rule);
    }
    return rule;
  };

  const maskNow: Masker['maskNow'] = (text, spans, config, displayLabel = (t) => t) => {
    const ranges = checkedRanges(text, spans);
    const masked = (k: number): string | Promise<string> => {
      const { start, end, label } = ranges[k]!;
      const rule = ruleFor(config, label);
      return rule.operator.apply(text.slice(start, end), rule.params, { type: label, label: displayLabel(label), text, job });
    };
    let out = '';
    for (let k = 0; k < ranges.length; k++) {
      out += text.slice(k === 0 ? 0 : ranges[k - 1]!.end, ranges[k]!.start);
      const value = masked(k);
      if (typeof value !== 'string') return finishLater(value, out, k);
      out += value;
    }
    return out + text.slice(ranges.at(-1)?.end ?? 0);

    // From the first asynchronous rule (HASH, ENCRYPT) on, each range waits for the one before it.
    async function finishLater(pending: Promise<string>, before: string, from: number): Promise<string> {
      let done = before + (await pending);
      for (let k = from + 1; k < ranges.length; k++) done += text.slice(ranges[k - 1]!.end, ranges[k]!.start) + (await masked(k));
      return done + text.slice(ranges.at(-1)!.end);
    }
  };

  return {
    async mask(text, spans, config, displayLabel) {
      return maskNow(text, spans, config, displayLabel);
    },
    maskNow,
    pseudonymMap: () => job.pseudonyms.toMap(),
  };
}

/**
 * Asserts the merge's guarantee (sorted, non-overlapping, in range) and widens any edge that falls
 * inside a surrogate pair to the whole code point, so no mask ever leaves half an emoji behind.
 * Empty spans are skipped.
 */
function checkedRanges(text: string, spans: readonly Span[]): Array<{ start: number; end: number; label: string }> {
  const out: Array<{ start: number; end: number; label: string }> = [];
  let previousEnd = 0; // after widening
  let givenEnd = 0; // as handed in
  for (const [i, s] of spans.entries()) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > text.length || s.start > s.end) {
      throw new MaskSpanError('span_out_of_range', `span ${i} is outside the text (text length ${text.length})`);
    }
    if (s.end === s.start) continue;
    if (s.start < givenEnd) {
      throw new MaskSpanError('spans_unsorted', `span ${i} starts before span ${i - 1} ends: spans must be sorted and non-overlapping`);
    }
    givenEnd = s.end;
    let start = s.start;
    let end = s.end;
    if (start > 0 && isLow(text, start) && isHigh(text, start - 1)) start--;
    if (end < text.length && isLow(text, end) && isHigh(text, end - 1)) end++;
    start = Math.max(start, previousEnd);
    if (end <= start) continue;
    out.push({ start, end, label: s.label });
    previousEnd = end;
  }
  return out;
}

const isHigh = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
};
const isLow = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};
