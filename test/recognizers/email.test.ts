import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('EMAIL', () => {
  it.each([
    ['Reach me at maria.lopez@example.org today', 'maria.lopez@example.org'],
    ['user+tag@sub.example.co.uk', 'user+tag@sub.example.co.uk'],
    ['Mail: J.Doe_99@mail.company.io.', 'J.Doe_99@mail.company.io'],
    ['<a@b.co>', 'a@b.co'],
    ['"x-y@domain.de",', 'x-y@domain.de'],
    ['punycode user@xn--bcher-kva.ch', 'user@xn--bcher-kva.ch'],
  ])('finds the address in %j with score 1.0 (known TLD)', (text, value) => {
    expect(found(text, 'EMAIL')).toEqual([{ value, score: 1 }]);
  });

  it.each([
    ['no at sign here: example.org'],
    ['double @@ sign user@@example.org'],
    ['missing tld user@localhost'],
    ['unknown tld user@example.notarealtld'],
    ['glued to a dot .user@example.org'],
    ['dots in a row user..name@example.org'],
    ['glued to digits 12user@example.org9'],
    ['x@y'],
    ['@example.org'],
  ] as Array<[string, string[]?]>)('rejects %j', (text, expected = []) => {
    expect(values(text, 'EMAIL')).toEqual(expected);
  });

  it('finds several addresses separated by spaces as separate spans (Presidio #1925)', () => {
    expect(values('a@x.com b@x.com c@x.com', 'EMAIL')).toEqual(['a@x.com', 'b@x.com', 'c@x.com']);
  });
});
