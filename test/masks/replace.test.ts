import { describe, expect, it } from 'vitest';
import { createMasker } from '../../src/masks/index.js';
import { rngFor } from '../../src/masks/random.js';
import { luhnCheckDigit, mod97, shapeLike, surrogateFor } from '../../src/masks/surrogates.js';

const luhnValid = (digits: string) => luhnCheckDigit(digits.slice(0, -1)) === digits.slice(-1);

/** Surrogate of `value` as type `type` under a seed. */
const sub = (type: string, value: string, seed = 42) => surrogateFor(type, value, rngFor(seed, type, value));

describe('REPLACE surrogates', () => {
  it.each([
    ['PERSON', 'Ann Lee', /^[A-Z][a-z]+ [A-Z][a-z]+$/], // two words stay two words
    ['PERSON', 'Dr. Ann Marie Lee', /^Dr\. [A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+$/], // honorific kept, middle name → initial
    ['PERSON', 'ANN', /^[A-Z]+$/], // all caps stays all caps
    ['EMAIL', 'ann.lee@corp.com', /^[a-z]+\.[a-z]+\d{0,2}@example\.(com|org|net)$/], // reserved example domains
    ['PHONE_NUMBER', '+44 20 7946 0958', /^\+44 [0-9]{2} [0-9]{4} [0-9]{4}$/], // country code and grouping kept
    ['PHONE_NUMBER', '(555) 123-4567', /^\([1-9]\d\d\) \d{3}-\d{4}$/], // US layout kept
    ['PHONE_NUMBER', '020 7946 0958', /^0\d\d \d{4} \d{4}$/], // trunk zero kept
    ['US_SSN', '536-22-8140', /^(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/], // issued ranges only
    ['IP_ADDRESS', '10.1.2.3', /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/], // documentation range
    ['IP_ADDRESS', 'fe80::1ff:fe23:4567:890a', /^2001:db8:/], // IPv6 documentation prefix
    ['URL', 'https://www.corp.com/u/ann', /^https:\/\/www\.example\.(com|org|net)\/[a-z]+$/], // scheme and www kept
    ['DATE_TIME', '12/03/1985', /^(0[1-9]|1[0-2])\/(0[1-9]|1[0-2])\/(19[5-9]\d|20[0-2]\d)$/], // valid either way round
    ['DATE_TIME', '3 March 2021', /^([1-9]|1[0-2]) [A-Z][a-z]+ \d{4}$/], // month name → month name
    ['MAC_ADDRESS', '00:1A:2B:3C:4D:5E', /^[0-9A-F]{2}(:[0-9A-F]{2}){5}$/], // hex, upper case, colons
    ['MAC_ADDRESS', '00-1a-2b-3c-4d-5e', /^[0-9a-f]{2}(-[0-9a-f]{2}){5}$/], // hex, lower case, dashes
    ['US_PASSPORT', 'X12345678', /^[A-Z]\d{8}$/], // unknown type: same shape
    ['STREET_ADDRESS', '221B Baker Street', /^\d{1,3} [A-Z][a-z]+ [A-Z][a-z]+$/], // a street address
  ])('when %s %j then the surrogate looks like %s', (type, value, shape) => {
    const out = sub(type, value);
    expect(out).toMatch(shape);
    expect(out).not.toBe(value);
  });

  it.each([
    ['4111 1111 1111 1111'], // Visa, grouped
    ['5500-0000-0000-0004'], // Mastercard, dashes
    ['378282246310005'], // Amex, 15 digits
  ])('when card %j then the surrogate keeps brand and layout and passes Luhn', (card) => {
    const out = sub('CREDIT_CARD', card);
    expect(out.replace(/\d/g, '0')).toBe(card.replace(/\d/g, '0'));
    expect(out[0]).toBe(card[0]);
    expect(luhnValid(out.replace(/\D/g, ''))).toBe(true);
    expect(out).not.toBe(card);
  });

  it.each([['GB82 WEST 1234 5698 7654 32'], ['DE89370400440532013000'], ['fr14 2004 1010 0505 0001 3m02 606']])(
    'when IBAN %j then the surrogate keeps country and layout and passes mod-97',
    (iban) => {
      const out = sub('IBAN_CODE', iban);
      expect(out.slice(0, 2)).toBe(iban.slice(0, 2));
      expect(out.replace(/[A-Za-z]/g, 'a').replace(/\d/g, '0').toLowerCase()).toBe(iban.replace(/[A-Za-z]/g, 'a').replace(/\d/g, '0').toLowerCase());
      const compact = out.replace(/\s/g, '').toUpperCase();
      expect(mod97(compact.slice(4) + compact.slice(0, 4))).toBe(1);
    },
  );

  it('keeps the shape of any other value: digits, letter case and separators', () => {
    const out = shapeLike('AB-12 cd/é😀', rngFor(1, 'x'));
    expect(out).toMatch(/^[A-Z]{2}-\d{2} [a-z]{2}\/[a-z]😀$/);
  });

  it('is reproducible with a seed, and one value gets one surrogate within a job', async () => {
    const text = 'Ann Lee met Bob Ray; Ann Lee left';
    const spans = [
      { start: 0, end: 7, label: 'PERSON', score: 1 },
      { start: 12, end: 19, label: 'PERSON', score: 1 },
      { start: 21, end: 28, label: 'PERSON', score: 1 },
    ];
    const a = await createMasker({ seed: 7 }).mask(text, spans, { PERSON: 'REPLACE' });
    const b = await createMasker({ seed: 7 }).mask(text, spans, { PERSON: 'REPLACE' });
    expect(a).toBe(b);
    const [first, , third] = a.split(/ met |; | left/);
    expect(third).toBe(first);
    expect(a).not.toContain('Ann Lee');
  });

  it('differs across seeds', async () => {
    const values = ['Ann Lee', 'Bob Ray', 'Cy Dee', 'Di Eve'];
    const outs = await Promise.all([1, 2].map((seed) => Promise.all(values.map((v) => createMasker({ seed }).mask(v, [{ start: 0, end: v.length, label: 'PERSON', score: 1 }], { PERSON: 'REPLACE' })))));
    expect(outs[0]).not.toEqual(outs[1]);
  });

  it('refuses unknown parameters', async () => {
    await expect(createMasker().mask('x', [{ start: 0, end: 1, label: 'PERSON', score: 1 }], { PERSON: { strategy: 'REPLACE', params: { locale: 'fr' } } })).rejects.toThrow(/REPLACE has no parameter "locale"/);
  });
});
