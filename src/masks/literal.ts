import type { MaskOperator } from './types.js';
import { checkParamNames, checkString } from './params.js';

export interface LiteralParams {
  /** The replacement string, verbatim (may be empty). */
  value: string;
}

/**
 * A literal replacement: a `mask_config` string that is not a strategy word (the anonymization-run
 * form, `"<EMAIL>"`), or `REPLACE` with a `value` parameter.
 */
export const literal: MaskOperator<LiteralParams> = {
  params: ['value'],
  validate(params) {
    checkParamNames('literal', params, literal.params);
    checkString('literal', params, 'value');
  },
  apply(_value, params) {
    return params.value ?? '';
  },
};
