import { describe, expect, it } from 'vitest';
import { validateFiscalCode } from '../../src/recognizers/it.js';
import { found, values } from './helpers.js';

describe('IT_FISCAL_CODE', () => {
  it.each(['RSSMRA85M01H501Q', 'MRTMTT91D08F205J'])('finds %s at 1.0 (check character)', (value) => {
    expect(found(`CF ${value}`, 'IT_FISCAL_CODE')).toEqual([{ value, score: 1 }]);
  });
  it.each([['RSSMRA85M01H501A'], ['RSSMRA85Z01H501Q'], ['RSSMRA85M01H501'], ['xRSSMRA85M01H501Q']])('rejects %j', (text) => {
    expect(values(text, 'IT_FISCAL_CODE')).toEqual([]);
  });
  it('validateFiscalCode handles omocodia letters', () => {
    expect(validateFiscalCode('RSSMRA85M01H501Q')).toBe(true);
  });
});
