import { checkParamNames } from './params.js';
import type { MaskOperator, PseudonymMap, PseudonymStore } from './types.js';

/** Matches a token shape `<LABEL_n>`; only tokens present in a map are ever replaced back. */
export const PSEUDONYM_TOKEN = /<[\p{L}\p{N}_]{1,64}_\d{1,9}>/gu;

/**
 * `PSEUDONYMIZE`: the value becomes `<PERSON_1>`, `<PERSON_2>`, ... numbered per label in order of
 * first sight. One masker gives the same value of the same type the same token in every text; the
 * map it returns (token → original) lets `deanonymize` restore the text.
 */
export const pseudonymize: MaskOperator<Record<string, never>> = {
  params: [],
  validate(params) {
    checkParamNames('PSEUDONYMIZE', params, pseudonymize.params);
  },
  apply(value, _params, { label, text, job }) {
    return job.pseudonyms.tokenFor(label, value, text);
  },
};

/** Token label: the caller's type name with anything but letters, digits and `_` folded to `_`. */
export function tokenLabel(label: string): string {
  const cleaned = label.replace(/[^\p{L}\p{N}_]+/gu, '_').slice(0, 64);
  return cleaned === '' ? 'ENTITY' : cleaned;
}

export function createPseudonymStore(initial?: PseudonymMap): PseudonymStore {
  const byToken = new Map<string, string>();
  const byValue = new Map<string, string>(); // `${label}\u0000${value}` → token
  const next = new Map<string, number>();

  const remember = (token: string, value: string) => {
    const m = /^<(.+)_(\d+)>$/u.exec(token);
    byToken.set(token, value);
    if (!m) return;
    const label = m[1]!;
    byValue.set(`${label}\u0000${value}`, token);
    next.set(label, Math.max(next.get(label) ?? 1, Number(m[2]) + 1));
  };
  for (const [token, value] of Object.entries(initial ?? {})) {
    if (typeof value === 'string') remember(token, value);
  }

  return {
    tokenFor(rawLabel, value, avoidIn) {
      const label = tokenLabel(rawLabel);
      const known = byValue.get(`${label}\u0000${value}`);
      if (known !== undefined) return known;
      // Skip numbers whose token already occurs in the text: deanonymize would otherwise turn that
      // look-alike into the original value.
      let n = next.get(label) ?? 1;
      let token = `<${label}_${n}>`;
      while (byToken.has(token) || avoidIn.includes(token)) token = `<${label}_${++n}>`;
      next.set(label, n + 1);
      remember(token, value);
      return token;
    },
    toMap() {
      return Object.fromEntries(byToken);
    },
  };
}
