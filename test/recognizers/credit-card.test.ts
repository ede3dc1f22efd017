import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('CREDIT_CARD', () => {
  it.each([
    '4111111111111111', // Visa
    '4111 1111 1111 1111',
    '4111-1111-1111-1111',
    '5555555555554444', // Mastercard
    '378282246310005', // Amex
    '3782 822463 10005',
    '30569309025904', // Diners
    '6011 1111 1111 1117', // Discover
    '4012888888881881',
  ])('finds %s at 1.0 (Luhn)', (value) => {
    expect(found(`card ${value} exp`, 'CREDIT_CARD')).toEqual([{ value, score: 1 }]);
  });

  it.each([
    ['4111111111111112'], // Luhn fails
    ['4111 1111 1111 1112'],
    ['0000 0000 0000 0000'], // passes Luhn but all-same
    ['4111 1111-1111 1111'], // mixed separators
    ['41111111111'], // 11 digits
    ['41111111111111111111'], // 20 digits
    ['x4111111111111111'], // glued to a letter
    ['4111111111111111y'],
    ['9111111111111111'], // no issuer starts with 9
  ])('rejects %j', (text) => {
    expect(values(text, 'CREDIT_CARD')).toEqual([]);
  });

  it('finds a valid card that follows a rejected run of digits', () => {
    // "1111 1111 1111 4111" (inside the run) passes Luhn too; the real card must still be found.
    expect(values('----4111 1111 1111 1111 4111 1111 1111 1111 ', 'CREDIT_CARD')).toContain('4111 1111 1111 1111');
  });

  it('finds a card followed by an expiry date', () => {
    expect(values('4111 1111 1111 1111 12/25', 'CREDIT_CARD')).toEqual(['4111 1111 1111 1111']);
  });
});
