import type { MaskOperator } from './types.js';
import { checkParamNames } from './params.js';

/**
 * `REDACT` (the default): the value becomes a type tag in the caller's spelling, `[PERSON]`,
 * `[email]`. Unlike Presidio's redact (which deletes), the tag keeps the text readable and says
 * what was there.
 */
export const redact: MaskOperator<Record<string, never>> = {
  params: [],
  validate(params) {
    checkParamNames('REDACT', params, redact.params);
  },
  apply(_value, _params, { label }) {
    return `[${label}]`;
  },
};
