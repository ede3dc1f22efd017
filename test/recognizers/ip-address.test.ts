import { describe, expect, it } from 'vitest';
import { isIpv6 } from '../../src/recognizers/ip-address.js';
import { found, values } from './helpers.js';

describe('IP_ADDRESS', () => {
  it.each([
    '192.168.10.1',
    '8.8.8.8',
    '255.255.255.255',
    '10.0.0.0/8',
    '2001:db8::1',
    '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    '::1',
    'fe80::1%eth0',
    '::ffff:192.0.2.128',
    '2001:db8::/32',
  ])('finds %s at 0.6', (value) => {
    expect(found(`addr ${value}, next`, 'IP_ADDRESS', { contextWindow: 0 })).toEqual([{ value, score: 0.6 }]);
  });

  it.each([
    ['10.0.0.0/33', '10.0.0.0'],
    ['172.16.0.0/400', '172.16.0.0'],
    ['2001:db8::/4096', '2001:db8::'],
  ])('keeps the address of %s without its out-of-range prefix (as Presidio)', (text, value) => {
    expect(values(`net ${text} here`, 'IP_ADDRESS')).toEqual([value]);
  });

  it.each(['::', '::/0', '::/128'])('scores the unspecified address %s 0.1', (value) => {
    expect(found(`bind ${value} now`, 'IP_ADDRESS', { contextWindow: 0 })).toEqual([{ value, score: 0.1 }]);
  });

  it.each([['std::vector'], [':::'], ['Foo::Bar']])('does not read %j as an address', (text) => {
    expect(values(text, 'IP_ADDRESS')).toEqual([]);
  });

  it('drops a trailing sentence dot from an IPv6 address', () => {
    expect(values('Ping 2001:db8::1.', 'IP_ADDRESS')).toEqual(['2001:db8::1']);
  });

  it.each([
    ['256.1.1.1'],
    ['192.168.010.1'], // leading zero
    ['1.2.3.4.5'], // version string
    ['192.168.1'],
    ['v192.168.1.1'], // glued
    ['12:30'], // time
    ['00:1A:2B:3C:4D:5E'], // MAC
    ['2001:db8:::1'],
    ['1:2:3:4:5:6:7:8:9'],
    ['2001:db8::g1'],
  ])('rejects %j', (text) => {
    expect(values(text, 'IP_ADDRESS')).toEqual([]);
  });

  it('isIpv6 counts an embedded IPv4 as two groups', () => {
    expect(isIpv6('1:2:3:4:5:6:1.2.3.4')).toBe(true);
    expect(isIpv6('1:2:3:4:5:6:7:1.2.3.4')).toBe(false);
  });
});
