import { classifyAddress, fitsIpRule } from './classify';

describe('classifyAddress', () => {
  test.each([
    ['40.82.190.38', 'public-ipv4'],
    ['52.228.82.0', 'public-ipv4'],
    ['8.8.8.8', 'public-ipv4'],
    // RFC 1918, first and last address of each block and the neighbours just outside.
    ['10.0.0.0', 'private-ipv4'],
    ['10.255.255.255', 'private-ipv4'],
    ['9.255.255.255', 'public-ipv4'],
    ['11.0.0.0', 'public-ipv4'],
    ['172.16.0.0', 'private-ipv4'],
    ['172.31.255.255', 'private-ipv4'],
    ['172.15.255.255', 'public-ipv4'],
    ['172.32.0.0', 'public-ipv4'],
    ['192.168.0.0', 'private-ipv4'],
    ['192.168.255.255', 'private-ipv4'],
    ['192.169.0.0', 'public-ipv4'],
    // CGNAT 100.64.0.0/10.
    ['100.64.0.0', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['100.63.255.255', 'public-ipv4'],
    ['100.128.0.0', 'public-ipv4'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.255', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['169.255.0.0', 'public-ipv4'],
    // IANA special-purpose blocks (documentation, benchmarking, multicast, reserved, broadcast).
    ['0.1.2.3', 'reserved-ipv4'],
    ['192.0.2.10', 'reserved-ipv4'],
    ['198.18.0.1', 'reserved-ipv4'],
    ['198.51.100.7', 'reserved-ipv4'],
    ['203.0.113.200', 'reserved-ipv4'],
    ['224.0.0.1', 'reserved-ipv4'],
    ['255.255.255.255', 'reserved-ipv4'],
    ['223.255.255.255', 'public-ipv4'],
    // IPv6.
    ['2620:1ec:4::1', 'public-ipv6'],
    ['2a01:111:f400::1', 'public-ipv6'],
    ['fd12:3456:789a::1', 'private-ipv6'],
    ['fc00::1', 'private-ipv6'],
    ['fe80::1', 'private-ipv6'],
    ['febf::1', 'private-ipv6'],
    ['fec0::1', 'public-ipv6'],
    ['::1', 'private-ipv6'],
    ['::', 'private-ipv6'],
    ['ff02::1', 'private-ipv6'],
    ['2001:db8::1', 'private-ipv6'],
    ['2001:db9::1', 'public-ipv6'],
    // IPv4-mapped IPv6 is classed as the IPv4 address it carries.
    ['::ffff:10.1.2.3', 'private-ipv4'],
    ['::ffff:40.82.190.38', 'public-ipv4'],
  ])('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  test('text that is not an address has no class', () => {
    expect(classifyAddress('xx.xx.xx.xx')).toBeUndefined();
    expect(classifyAddress('00.00.00')).toBeUndefined();
  });

  test('only a public IPv4 address fits an IP rule', () => {
    expect(fitsIpRule('public-ipv4')).toBe(true);
    for (const cls of ['private-ipv4', 'cgnat', 'loopback', 'link-local', 'reserved-ipv4', 'public-ipv6', 'private-ipv6'] as const) expect(fitsIpRule(cls)).toBe(false);
  });
});
