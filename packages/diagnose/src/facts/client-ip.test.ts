import { extractClientIp } from './client-ip';

describe('extractClientIp', () => {
  it('reads the address Key Vault states', () => {
    expect(extractClientIp('Client address: 40.82.190.38\r\nCaller: appid=…')).toBe('40.82.190.38');
    expect(extractClientIp('Client address (52.228.82.7) is not authorized')).toBe('52.228.82.7');
    expect(extractClientIp('x-ms-keyvault-network-info: conn_type=Ipv4;addr=167.220.255.73;act_addr_fam=InterNetwork;')).toBe('167.220.255.73');
  });

  it('unwraps an IPv4-mapped IPv6 address to the IPv4 address Key Vault\'s IP rules accept', () => {
    expect(extractClientIp('Client address: ::ffff:52.1.2.3\r\nCaller: appid=…')).toBe('52.1.2.3');
    expect(extractClientIp('Client address: ::FFFF:52.1.2.3')).toBe('52.1.2.3');
    expect(extractClientIp('Client address: 0:0:0:0:0:ffff:3401:0203')).toBe('52.1.2.3');
    expect(extractClientIp('x-ms-keyvault-network-info: conn_type=Ipv6;addr=::ffff:40.82.190.38;')).toBe('40.82.190.38');
  });

  it('keeps a real IPv6 address as stated, in lower case', () => {
    expect(extractClientIp('Client address: 2620:1EC:4::1')).toBe('2620:1ec:4::1');
  });

  it('states nothing for placeholders and masked addresses', () => {
    expect(extractClientIp('Client address: 0.0.0.0')).toBeUndefined();
    expect(extractClientIp('Client address: ::ffff:0.0.0.0')).toBeUndefined();
    expect(extractClientIp('Client address: xx.xx.xx.xx')).toBeUndefined();
  });
});
