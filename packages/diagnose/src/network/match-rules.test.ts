import { auditIpRules, auditVirtualNetworkRules, findAdmittingRule, findAdmittingSubnetRule, hostBitsRuleCovering, matchNetworkAcls } from './match-rules';

const SUBNET = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-agents/providers/Microsoft.Network/virtualNetworks/vnet-build/subnets/agents';

describe('findAdmittingRule', () => {
  test('a bare address rule and a range rule admit, at both edges of the range', () => {
    expect(findAdmittingRule('40.82.190.38', ['1.2.3.4', '40.82.190.38'])).toBe('40.82.190.38');
    expect(findAdmittingRule('40.82.190.38', ['40.82.190.38/32'])).toBe('40.82.190.38/32');
    expect(findAdmittingRule('52.228.82.0', ['52.228.82.0/24'])).toBe('52.228.82.0/24');
    expect(findAdmittingRule('52.228.82.255', ['52.228.82.0/24'])).toBe('52.228.82.0/24');
    expect(findAdmittingRule('52.228.83.0', ['52.228.82.0/24'])).toBeUndefined();
    expect(findAdmittingRule('52.228.81.255', ['52.228.82.0/24'])).toBeUndefined();
  });

  test('the first admitting rule is named', () => {
    expect(findAdmittingRule('20.37.158.9', ['20.37.158.0/23', '20.37.158.9'])).toBe('20.37.158.0/23');
  });

  test('a rule with host bits set is never counted as admitting (its treatment is undocumented); its network is named instead', () => {
    expect(findAdmittingRule('40.82.190.38', ['40.82.190.38/23'])).toBeUndefined();
    expect(findAdmittingRule('40.82.190.1', ['40.82.190.38/23'])).toBeUndefined();
    expect(hostBitsRuleCovering('40.82.191.200', ['52.228.82.0/24', '40.82.190.38/23'])).toEqual({ rule: '40.82.190.38/23', network: '40.82.190.0/23' });
    expect(hostBitsRuleCovering('40.82.192.1', ['40.82.190.38/23'])).toBeUndefined();
    expect(hostBitsRuleCovering('40.82.190.38', ['40.82.190.0/23'])).toBeUndefined();
  });

  test('private, IPv6 and garbage never admit; a private or IPv6 caller is never admitted by an IP rule', () => {
    expect(findAdmittingRule('10.1.2.3', ['10.0.0.0/8'])).toBeUndefined();
    expect(findAdmittingRule('2620:1ec:4::1', ['2620:1ec:4::/48'])).toBeUndefined();
    expect(findAdmittingRule('1.2.3.4', ['nonsense', '0.0.0.0/33'])).toBeUndefined();
    expect(findAdmittingRule('not an ip', ['0.0.0.0/0'])).toBeUndefined();
  });
});

describe('auditIpRules', () => {
  test('every kind of problem, in rule order, then redundancy and the limit', () => {
    expect(auditIpRules(['40.82.190.38/23', '1.2.3.4', '1.2.3.4/32', '10.0.0.1', '192.168.1.0/24', '2620:1ec:4::/48', '5.5.5.4/31', 'abc', '1.2.3.4/33', '100.64.0.0/10', '1.2.3.0/24'])).toEqual([
      {
        kind: 'host-bits',
        rule: '40.82.190.38/23',
        message: '"40.82.190.38/23" has host bits set: the network is 40.82.190.0/23; whether Key Vault normalises such a rule or ignores it is not documented, write 40.82.190.0/23',
      },
      { kind: 'duplicate', rule: '1.2.3.4/32', message: '"1.2.3.4/32" is the same rule as "1.2.3.4" (1.2.3.4/32)' },
      { kind: 'private', rule: '10.0.0.1', message: '"10.0.0.1" is private (RFC 1918): IP rules only admit public addresses; use a virtual-network rule or a private endpoint' },
      { kind: 'private', rule: '192.168.1.0/24', message: '"192.168.1.0/24" is private (RFC 1918): IP rules only admit public addresses; use a virtual-network rule or a private endpoint' },
      { kind: 'ipv6', rule: '2620:1ec:4::/48', message: '"2620:1ec:4::/48" is IPv6: Key Vault\'s firewall supports IPv4 rules only' },
      { kind: 'slash-31', rule: '5.5.5.4/31', message: '"5.5.5.4/31" is a /31: older Key Vault docs rejected /31 ranges; write its two addresses as single-address rules' },
      { kind: 'malformed', rule: 'abc', message: '"abc" is not an IPv4 or IPv6 address or CIDR range' },
      { kind: 'malformed', rule: '1.2.3.4/33', message: '"1.2.3.4/33" has a prefix length outside 0–32' },
      { kind: 'reserved', rule: '100.64.0.0/10', message: '"100.64.0.0/10" is cgnat, never seen by the vault as a caller\'s public address' },
      { kind: 'redundant', rule: '1.2.3.4', message: '"1.2.3.4" is already covered by "1.2.3.0/24"' },
    ]);
  });

  test('clean rules have no problems', () => {
    expect(auditIpRules(['52.228.82.0/24', '40.82.190.38', '20.37.158.0/23'])).toEqual([]);
    expect(auditIpRules([])).toEqual([]);
  });

  test('adjacent ranges are not redundant; a range equal to a wider one is', () => {
    expect(auditIpRules(['20.37.158.0/24', '20.37.159.0/24'])).toEqual([]);
    expect(auditIpRules(['20.37.159.0/24', '20.37.158.0/23'])).toEqual([{ kind: 'redundant', rule: '20.37.159.0/24', message: '"20.37.159.0/24" is already covered by "20.37.158.0/23"' }]);
  });

  test('1000 IPv4 rules is the limit (127 before 2024)', () => {
    const rules = (n: number): string[] => Array.from({ length: n }, (_, i) => `20.${Math.floor(i / 256)}.${i % 256}.1`);
    expect(auditIpRules(rules(1000))).toEqual([]);
    expect(auditIpRules(rules(1001))).toEqual([{ kind: 'too-many-ip-rules', message: '1001 IP rules: Key Vault allows at most 1000 (127 before 2024)' }]);
  });
});

describe('virtual-network rules', () => {
  test('subnet ids match case-insensitively', () => {
    expect(findAdmittingSubnetRule(SUBNET.toLowerCase(), [SUBNET])).toBe(SUBNET);
    expect(findAdmittingSubnetRule(SUBNET.replace('agents', 'other'), [SUBNET])).toBeUndefined();
  });

  test('malformed, duplicate and too many', () => {
    expect(auditVirtualNetworkRules([SUBNET, SUBNET.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/'), 'vnet-build/agents'])).toEqual([
      { kind: 'duplicate-subnet', rule: SUBNET.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/'), message: `"${SUBNET.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/')}" is the same subnet as "${SUBNET}"` },
      { kind: 'malformed-subnet-id', rule: 'vnet-build/agents', message: '"vnet-build/agents" is not a subnet resource id (/subscriptions/…/virtualNetworks/<vnet>/subnets/<subnet>)' },
    ]);
    const many = Array.from({ length: 201 }, (_, i) => `${SUBNET}${i}`);
    expect(auditVirtualNetworkRules(many)).toEqual([{ kind: 'too-many-virtual-network-rules', message: '201 virtual-network rules: Key Vault allows at most 200 (127 before 2024)' }]);
  });
});

describe('matchNetworkAcls (the vault data as ARM returns it)', () => {
  const acls = { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [{ value: '52.228.82.0/24' }, { value: '40.82.190.38/23' }], virtualNetworkRules: [{ id: SUBNET, ignoreMissingVnetServiceEndpoint: false }] };

  test('an admitted address names its rule and the audit comes along', () => {
    const r = matchNetworkAcls('52.228.82.17', acls);
    expect(r).toEqual({
      ok: true,
      value: {
        admittedBy: '52.228.82.0/24',
        problems: [
          {
            kind: 'host-bits',
            rule: '40.82.190.38/23',
            message: '"40.82.190.38/23" has host bits set: the network is 40.82.190.0/23; whether Key Vault normalises such a rule or ignores it is not documented, write 40.82.190.0/23',
          },
        ],
      },
    });
  });

  test('the seed address is not admitted by the malformed /23; a private caller is admitted by its subnet', () => {
    expect(matchNetworkAcls('40.82.190.38', acls)).toMatchObject({ ok: true, value: { admittedBy: undefined } });
    expect(matchNetworkAcls('10.1.2.3', acls, SUBNET)).toMatchObject({ ok: true, value: { admittedBy: SUBNET } });
  });

  test('missing lists are empty; a wrong shape is a value naming the field', () => {
    expect(matchNetworkAcls('1.2.3.4', {})).toEqual({ ok: true, value: { admittedBy: undefined, problems: [] } });
    expect(matchNetworkAcls('1.2.3.4', { ipRules: ['1.2.3.4'] })).toEqual({
      ok: false,
      error: { code: 'invalid-network-acls', message: 'networkAcls.ipRules.0: Invalid input: expected object, received string' },
    });
  });
});
