import ipaddr from 'ipaddr.js';

/** Why an address is not a webhook target, in words an operator recognises. */
const RANGE_WORDS: Readonly<Record<string, string>> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local (169.254.0.0/16 holds cloud metadata services; fe80::/10)',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT (100.64.0.0/10)',
  private: 'private (RFC 1918)',
  reserved: 'reserved (documentation or future use)',
  as112: 'reserved (AS112)',
  amt: 'reserved (AMT)',
  uniqueLocal: 'unique-local (fc00::/7)',
  deprecatedSiteLocal: 'site-local (fec0::/10)',
  discard: 'discard-only (100::/64)',
  rfc6145: 'IPv4-translated (RFC 6145)',
  '6to4': '6to4 (2002::/16)',
  teredo: 'Teredo (2001::/32)',
  benchmarking: 'benchmarking (2001:2::/48)',
  as112v6: 'reserved (AS112)',
  deprecatedOrchid: 'ORCHID',
  orchid2: 'ORCHIDv2',
  droneRemoteIdProtocolEntityTags: 'reserved (DRIP)',
  segmentRouting: 'segment routing (5f00::/16)',
  ipv4Compatible: 'IPv4-compatible IPv6 (::/96, deprecated)',
};

export type AddressClass =
  | { readonly public: true; readonly address: string }
  | {
      readonly public: false;
      /** The address in its canonical form (an embedded IPv4 address as dotted quad). */
      readonly address: string;
      /** e.g. `loopback`, `private (RFC 1918)`. */
      readonly range: string;
    };

const refused = (address: string, range: string): AddressClass => ({
  public: false,
  address,
  range: RANGE_WORDS[range] ?? range,
});

function classifyIPv4(ip: ipaddr.IPv4, shown: string): AddressClass {
  const range = ip.range();
  return range === 'unicast' ? { public: true, address: shown } : refused(shown, range);
}

/**
 * Whether an IP address (IPv4 or IPv6 text, as DNS or a URL gives it) may receive webhooks: only
 * global unicast does. Every special range of ipaddr.js is refused (loopback, RFC 1918, CGNAT,
 * link-local, unique-local, unspecified, multicast, broadcast, documentation, ...). IPv6 forms that
 * carry an IPv4 address (IPv4-mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`) are judged by that IPv4
 * address; the deprecated IPv4-compatible `::a.b.c.d` is refused. Not an address at all: refused.
 */
export function classifyAddress(text: string): AddressClass {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (!ipaddr.isValid(bare)) return refused(text, 'not an IP address');
  const ip = ipaddr.parse(bare);
  if (ip.kind() === 'ipv4') return classifyIPv4(ip as ipaddr.IPv4, ip.toString());
  const v6 = ip as ipaddr.IPv6;
  const parts = v6.parts;
  if (v6.isIPv4MappedAddress()) {
    const v4 = v6.toIPv4Address();
    return classifyIPv4(v4, v4.toString());
  }
  const range = v6.range();
  if (range === 'rfc6052' && parts[2] === 0 && parts[3] === 0 && parts[4] === 0 && parts[5] === 0) {
    const v4 = ipaddr.IPv4.parse(
      [parts[6]! >> 8, parts[6]! & 0xff, parts[7]! >> 8, parts[7]! & 0xff].join('.'),
    );
    return classifyIPv4(v4, v6.toString());
  }
  if (range === 'unicast' && parts.slice(0, 6).every((p) => p === 0))
    return refused(v6.toString(), 'ipv4Compatible');
  return range === 'unicast' ? { public: true, address: v6.toString() } : refused(v6.toString(), range);
}
