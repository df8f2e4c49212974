import { ipv4NetworkOf, ipv4Normalised, ipv4ToString, ipv6CidrProblem, parseAddress, parseCidr } from './parse-address';

describe('parseAddress', () => {
  test('IPv4 becomes a uint32 with canonical text', () => {
    expect(parseAddress('40.82.190.38')).toEqual({ version: 4, value: 676511270, text: '40.82.190.38' });
    expect(parseAddress(' 255.255.255.255 ')).toEqual({ version: 4, value: 4294967295, text: '255.255.255.255' });
    expect(parseAddress('0.0.0.0')).toEqual({ version: 4, value: 0, text: '0.0.0.0' });
  });

  test('IPv6 is shortened the usual way', () => {
    expect(parseAddress('2620:1EC:4:0:0:0:0:1')).toEqual({ version: 6, value: 0x262001ec000400000000000000000001n, text: '2620:1ec:4::1' });
    expect(parseAddress('::1')?.text).toBe('::1');
  });

  test('an IPv4-mapped IPv6 address is its IPv4 address, in any spelling', () => {
    expect(parseAddress('::ffff:52.228.82.7')).toEqual({ version: 4, value: 887378439, text: '52.228.82.7' });
    expect(parseAddress('::FFFF:34e4:5207')).toEqual({ version: 4, value: 887378439, text: '52.228.82.7' });
    expect(parseAddress('0:0:0:0:0:ffff:52.228.82.7')).toEqual({ version: 4, value: 887378439, text: '52.228.82.7' });
  });

  test('ipv4Normalised unwraps mapped addresses and leaves everything else as written', () => {
    expect(ipv4Normalised('::ffff:52.1.2.3')).toBe('52.1.2.3');
    expect(ipv4Normalised('2620:1EC:4::1')).toBe('2620:1EC:4::1');
    expect(ipv4Normalised('not an address')).toBe('not an address');
  });

  test('non-addresses are undefined', () => {
    for (const bad of ['', 'xx.xx.xx.xx', '1.2.3', '1.2.3.256', '1.2.3.4.5', 'fe80::1::2', '1.2.3.4/32']) expect(parseAddress(bad)).toBeUndefined();
  });
});

describe('parseCidr', () => {
  test('a bare address is its /32', () => {
    expect(parseCidr('40.82.190.38')).toEqual({ ok: true, bare: true, range: { version: 4, start: 676511270, end: 676511270, prefix: 32, text: '40.82.190.38/32' } });
  });

  test('a network gives its first and last address', () => {
    const r = parseCidr('52.228.82.0/24');
    expect(r).toEqual({ ok: true, bare: false, range: { version: 4, start: 887378432, end: 887378687, prefix: 24, text: '52.228.82.0/24' } });
    expect(parseCidr('0.0.0.0/0')).toEqual({ ok: true, bare: false, range: { version: 4, start: 0, end: 4294967295, prefix: 0, text: '0.0.0.0/0' } });
  });

  test('host bits set is an error naming the intended network (ip-num would accept it)', () => {
    expect(parseCidr('40.82.190.38/23')).toEqual({
      ok: false,
      problem: 'host-bits',
      message: '"40.82.190.38/23" has host bits set: the network is 40.82.190.0/23',
      network: '40.82.190.0/23',
    });
    expect(parseCidr('2620:1ec:4::1/48')).toEqual({ ok: false, problem: 'host-bits', message: '"2620:1ec:4::1/48" has host bits set: the network is 2620:1ec:4::/48', network: '2620:1ec:4::/48' });
  });

  test('bad prefixes and non-addresses', () => {
    expect(parseCidr('1.2.3.4/33')).toEqual({ ok: false, problem: 'bad-prefix', message: '"1.2.3.4/33" has a prefix length outside 0–32' });
    expect(parseCidr('1.2.3.4/')).toEqual({ ok: false, problem: 'bad-prefix', message: '"1.2.3.4/" has a prefix length outside 0–32' });
    expect(parseCidr('1.2.3.4/-1')).toEqual({ ok: false, problem: 'bad-prefix', message: '"1.2.3.4/-1" has a prefix length outside 0–32' });
    expect(parseCidr('10.0.0.0/8/8')).toEqual({ ok: false, problem: 'bad-prefix', message: '"10.0.0.0/8/8" has a prefix length outside 0–32' });
    expect(parseCidr('::ffff:1.2.3.4/32')).toEqual({ ok: false, problem: 'not-an-address', message: '"::ffff:1.2.3.4/32" is not an IPv4 or IPv6 address or CIDR range' });
    expect(parseCidr('AzureCloud')).toEqual({ ok: false, problem: 'not-an-address', message: '"AzureCloud" is not an IPv4 or IPv6 address or CIDR range' });
  });

  test('IPv6 ranges', () => {
    expect(parseCidr('2620:1ec:4::/48')).toEqual({
      ok: true,
      bare: false,
      range: { version: 6, start: 0x262001ec000400000000000000000000n, end: 0x262001ec0004ffffffffffffffffffffn, prefix: 48, text: '2620:1ec:4::/48' },
    });
    expect(ipv6CidrProblem('2620:1ec:4::/48')).toBeUndefined();
    expect(ipv6CidrProblem('2620:1ec:4::1/48')).toBe('"2620:1ec:4::1/48" is not a valid IPv6 CIDR range (Given IP number portion must is not the start of the range)');
  });
});

test('uint32 helpers round-trip at the edges', () => {
  expect(ipv4ToString(4294967295)).toBe('255.255.255.255');
  expect(ipv4ToString(0)).toBe('0.0.0.0');
  expect(ipv4NetworkOf(676511270, 23)).toBe(676511232);
  expect(ipv4ToString(ipv4NetworkOf(676511270, 23))).toBe('40.82.190.0');
  expect(ipv4NetworkOf(4294967295, 0)).toBe(0);
});
