import { describe, expect, it } from 'vitest';
import { found, values } from './helpers.js';

describe('URL', () => {
  it.each([
    ['https://example.com/path', 0.6],
    ['http://localhost:8080/api?x=1', 0.6],
    ['https://192.168.1.10/admin', 0.6],
    ['ftp://files.example.org/a.txt', 0.6],
    ['https://user:pw@sub.example.co.uk/a_(b)', 0.6],
    ['www.example.org', 0.5],
    ['www.example.org/page#top', 0.5],
    ['example.com', 0.5],
    ['shop.example.de/cart?id=7', 0.5],
  ])('finds %s at %d', (value, score) => {
    expect(found(`See ${value}, then`, 'URL', { contextWindow: 0 })).toEqual([{ value, score }]);
  });

  it('leaves sentence punctuation and an unbalanced bracket out', () => {
    expect(values('(see https://example.com/a?b=c).', 'URL')).toEqual(['https://example.com/a?b=c']);
    expect(values('Go to example.com.', 'URL')).toEqual(['example.com']);
  });

  it.each([
    ['import rpc.py and call os.system'], // Presidio #1498
    ['index.html and main.rs and run.sh'],
    ['e.g. this, i.e. that'],
    ['maria.lopez@example.org'], // the domain of an e-mail is not a URL
    ['https://nohost'],
    ['https://example.notarealtld/'],
    ['Node.js and Vue.js'],
    ['EXAMPLE.COM'], // bare domains must be lower case
  ])('rejects %j', (text) => {
    expect(values(text, 'URL')).toEqual([]);
  });
});

describe('URL (TLD coverage)', () => {
  it.each([['https://stad.gent/nl'], ['http://brouwerij.vlaanderen'], ['https://cams.webcam/live']])('finds %s with a scheme at 0.6', (value) => {
    expect(found(`see ${value} now`, 'URL', { contextWindow: 0 })).toEqual([{ value, score: 0.6 }]);
  });
  it('finds bare domains under more country codes at 0.5', () => {
    expect(values('sites: kibbutz.org.il haber.com.tr', 'URL')).toEqual(['kibbutz.org.il', 'haber.com.tr']);
  });
  it.each([['http://intranet'], ['www.kibbutz']])('still rejects %j (no TLD)', (text) => {
    expect(values(text, 'URL')).toEqual([]);
  });
});
