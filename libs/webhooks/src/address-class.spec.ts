import { describe, expect, it } from '@jest/globals';
import { classifyAddress } from './address-class.js';

const rangeOf = (address: string) => {
  const verdict = classifyAddress(address);
  return verdict.public ? 'public' : verdict.range;
};

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private (RFC 1918)'],
    ['172.16.0.1', 'private (RFC 1918)'],
    ['172.31.255.255', 'private (RFC 1918)'],
    ['192.168.1.1', 'private (RFC 1918)'],
    ['100.64.0.1', 'carrier-grade NAT (100.64.0.0/10)'],
    ['100.127.255.254', 'carrier-grade NAT (100.64.0.0/10)'],
    ['169.254.169.254', expect.stringMatching(/^link-local/)],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', expect.stringMatching(/^reserved/)],
    ['240.0.0.1', expect.stringMatching(/^reserved/)],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', expect.stringMatching(/^link-local/)],
    ['fc00::1', 'unique-local (fc00::/7)'],
    ['fd12:3456::1', 'unique-local (fc00::/7)'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', expect.stringMatching(/^reserved/)],
    ['2002:7f00:1::1', '6to4 (2002::/16)'],
    ['::7f00:1', 'IPv4-compatible IPv6 (::/96, deprecated)'],
  ])('refuses %s as %s', (address, range) => {
    expect(rangeOf(address)).toEqual(range);
  });

  it('judges IPv4-mapped and NAT64 IPv6 addresses by the IPv4 address they carry', () => {
    expect(classifyAddress('::ffff:127.0.0.1')).toEqual({
      public: false,
      address: '127.0.0.1',
      range: 'loopback',
    });
    expect(rangeOf('::ffff:7f00:1')).toBe('loopback');
    expect(rangeOf('[::ffff:a9fe:a9fe]')).toMatch(/^link-local/);
    expect(rangeOf('::ffff:10.1.2.3')).toBe('private (RFC 1918)');
    expect(rangeOf('64:ff9b::a00:1')).toBe('private (RFC 1918)');
    expect(rangeOf('64:ff9b::808:808')).toBe('public');
    expect(rangeOf('::ffff:8.8.8.8')).toBe('public');
  });

  it('lets global unicast through, IPv4 and IPv6', () => {
    for (const address of [
      '8.8.8.8',
      '93.184.215.14',
      '1.1.1.1',
      '172.32.0.1',
      '100.128.0.1',
      '2606:4700::1111',
      '[2a00:1450:4001::200e]',
    ])
      expect(classifyAddress(address)).toMatchObject({ public: true });
  });

  it('refuses what is not an address at all', () => {
    expect(classifyAddress('localhost')).toMatchObject({ public: false, range: 'not an IP address' });
    expect(classifyAddress('')).toMatchObject({ public: false });
  });
});
