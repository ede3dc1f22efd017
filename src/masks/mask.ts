import { MaskConfigError } from './errors.js';
import { graphemes } from './graphemes.js';
import { checkBoolean, checkInteger, checkParamNames, checkString } from './params.js';
import type { MaskOperator } from './types.js';

export interface MaskParams {
  /** The masking character: one user-perceived character (`*`, `#`, an emoji). @defaultValue `'*'` */
  char: string;
  /** How many characters stay visible. Capped at half the value, so a short value never shows whole. @defaultValue 0 */
  keep: number;
  /** Keep the last `keep` characters (`****1111`) rather than the first. @defaultValue true */
  fromEnd: boolean;
}

/**
 * `MASK`: each character of the value becomes `char`, except `keep` characters at one end.
 * Counts user-perceived characters, so `👩‍👩‍👧` is one `*`, and the length reads as the original's.
 */
export const mask: MaskOperator<MaskParams> = {
  params: ['char', 'keep', 'fromEnd'],
  validate(params) {
    checkParamNames('MASK', params, mask.params);
    checkString('MASK', params, 'char');
    if (typeof params.char === 'string' && graphemes(params.char).length !== 1) {
      throw new MaskConfigError('MASK parameter char must be exactly one character', 'params.char');
    }
    checkInteger('MASK', params, 'keep', 0, 1_000_000);
    checkBoolean('MASK', params, 'fromEnd');
  },
  apply(value, params) {
    const char = params.char ?? '*';
    const chars = graphemes(value);
    const keep = Math.min(params.keep ?? 0, Math.floor(chars.length / 2));
    const hidden = chars.length - keep;
    if (params.fromEnd ?? true) return char.repeat(hidden) + chars.slice(hidden).join('');
    return chars.slice(0, keep).join('') + char.repeat(hidden);
  },
};
