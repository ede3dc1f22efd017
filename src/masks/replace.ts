import { checkParamNames, checkString } from './params.js';
import { rngFor } from './random.js';
import { surrogateFor } from './surrogates.js';
import type { MaskOperator } from './types.js';

export interface ReplaceParams {
  /** A fixed replacement instead of a surrogate (the object form of a literal rule). */
  value: string;
}

/**
 * `REPLACE`: a realistic surrogate of the same type (a fake name, an `example.com` address, a phone
 * number of the same shape, a Luhn-valid card number, ...). The surrogate depends only on the job
 * seed, the type and the value, so one value gets one surrogate throughout a job and a seed makes
 * output reproducible. With `params.value`, that string instead.
 */
export const replace: MaskOperator<ReplaceParams> = {
  params: ['value'],
  validate(params) {
    checkParamNames('REPLACE', params, replace.params);
    checkString('REPLACE', params, 'value');
  },
  apply(value, params, { type, job }) {
    if (params.value !== undefined) return params.value;
    return surrogateFor(type, value, rngFor(job.seed, type, value));
  },
};
