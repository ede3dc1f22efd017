import type { MaskOperator } from './types.js';
import { checkParamNames } from './params.js';

/** `KEEP`: the value stays as it is (the span is still reported as found). */
export const keep: MaskOperator<Record<string, never>> = {
  params: [],
  validate(params) {
    checkParamNames('KEEP', params, keep.params);
  },
  apply(value) {
    return value;
  },
};
