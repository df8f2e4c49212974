import { OID } from '../fixtures';
import type { PerimeterAccessRule } from '../model';
import type { Scenario } from './scenario';

const NETSEC = 'https://learn.microsoft.com/en-us/azure/key-vault/general/network-security';
const PERIMETER = '/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityPerimeters/nsp-ci';
const SEARCHED = ['0b1f6471-1bf0-4dda-aec3-111122223333'];

const ENFORCED = { url: NETSEC, says: 'In Enforced mode, the `publicNetworkAccess` setting is overridden by the network security perimeter rules.' };
const TRANSITION = { url: NETSEC, says: 'In Transition mode, the `publicNetworkAccess` setting controls public access to the resource.' };
const SECURED = {
  url: NETSEC,
  says: 'However, when public network access is set to **Secure by perimeter** (via association with a Network Security Perimeter), the bypass is overridden and even trusted services are blocked unless an explicit perimeter access rule admits them.',
};
const EXEMPT = { url: NETSEC, says: "Private endpoint traffic is considered highly secure and therefore isn't subject to Network Security Perimeter rules." };
const TRANSITION_GUIDE = 'https://learn.microsoft.com/en-us/azure/private-link/network-security-perimeter-transition';
const LOCKDOWN = {
  url: TRANSITION_GUIDE,
  says: 'On resource creation, if `publicNetworkAccess` is set to `SecuredByPerimeter`, the resource is created in the lockdown mode even when not associated with a perimeter. Only private link traffic will be allowed if configured.',
};
const SECURED_TRANSITION = { url: TRANSITION_GUIDE, says: '| **SecuredByPerimeter** | **Inbound:** Denied [...] |**Inbound:** Network security perimeter rules [...] (Not associated | Transition mode)' };
const RULES = { url: NETSEC, says: 'On the **Firewalls and virtual networks** tab, under **Firewall**, enter IPv4 addresses or CIDR ranges.' };
const ALLOWED_ONLY = {
  url: NETSEC,
  says: 'After firewall rules are in effect, users can only perform Key Vault data plane operations when their requests originate from allowed virtual networks or IPv4 address ranges.',
};

const CONCEPTS = 'https://learn.microsoft.com/en-us/azure/private-link/network-security-perimeter-concepts';
const DENIED_UNLESS = { url: CONCEPTS, says: 'By default, all traffic except intra-perimeter traffic is denied in this mode unless an *Allow* access rule exists.' };
const SOURCES = { url: CONCEPTS, says: 'Public inbound access can be approved using Network and Identity attributes of the client such as source IP addresses, subscriptions.' };
const NSP_MONITOR = 'https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/network-security-perimeter';
const IP_RULE = { url: NSP_MONITOR, says: '**IP Address Ranges**. IP addresses or ranges must be in the Classless Inter-Domain Routing (CIDR) format.' };
const SUBSCRIPTION_RULE = { url: NSP_MONITOR, says: '**Subscriptions**. This type of rule allows inbound access authenticated using any managed identity from the subscription.' };

const firewallRefusal = { rule: 'firewall', facts: { innerErrorCode: 'ForbiddenByFirewall', clientIp: '40.82.190.38', objectId: OID } };
const nspRefusal = { rule: 'nsp', facts: { innerErrorCode: 'ForbiddenByFirewall', clientIp: '40.82.190.38', objectId: OID } };
const open = { defaultAction: 'Deny' as const, bypass: 'AzureServices' as const, virtualNetworkRules: [] };
const rule = (name: string, more: Partial<PerimeterAccessRule>): PerimeterAccessRule => ({ name, addressPrefixes: [], subscriptions: [], serviceTags: [], perimeters: [], ...more });
const inPerimeter = (accessRules: PerimeterAccessRule[], mode: 'Enforced' | 'Learning' = 'Enforced') => ({ associated: true, mode, perimeter: PERIMETER, profile: 'defaultProfile', accessRules });
const ENFORCED_HEAD = (who: string) =>
  `associated with perimeter nsp-ci (profile defaultProfile) in Enforced mode: the perimeter's inbound access rules decide for ${who} (publicNetworkAccess and the firewall do not; private endpoint traffic is exempt)`;
const addRule = {
  tool: 'az' as const,
  text: "az extension add --upgrade --name nsp && az network perimeter profile access-rule create --resource-group rg-net --perimeter-name nsp-ci --profile-name defaultProfile --name allow-40-82-190-38 --direction Inbound --address-prefixes '[40.82.190.38/32]'",
};

export const NETWORK_SCENARIOS: readonly Scenario[] = [
  {
    name: 'no perimeter in the searched subscriptions: one elsewhere is not readable, so unknown',
    doc: ENFORCED,
    finding: firewallRefusal,
    model: { nsp: { associated: false, searchedSubscriptions: SEARCHED } },
    expect: {"check": "nsp", "status": "unknown", "evidence": "hypervmigratio98a5kv is not associated with a network security perimeter in the subscription searched (0b1f6471-1bf0-4dda-aec3-111122223333); a perimeter in another subscription is not readable here (not on the allow-list), and one in Enforced mode would override publicNetworkAccess and the firewall"},
  },
  {
    name: 'SecuredByPerimeter with no perimeter found in the searched subscriptions: elsewhere, or locked down',
    doc: LOCKDOWN,
    finding: nspRefusal,
    model: { publicNetworkAccess: 'SecuredByPerimeter', nsp: { associated: false, searchedSubscriptions: SEARCHED } },
    expect: {"check": "nsp", "status": "unknown", "evidence": "publicNetworkAccess SecuredByPerimeter, yet no perimeter in the subscription searched (0b1f6471-1bf0-4dda-aec3-111122223333) holds hypervmigratio98a5kv: either its perimeter is in a subscription that was not read (and that perimeter's access rules decide), or it has none, and SecuredByPerimeter without a perimeter refuses every public caller (only private endpoint traffic gets in)"},
    absent: ['firewall'],
  },
  {
    name: 'SecuredByPerimeter and known to be in no perimeter: locked down, public callers refused',
    doc: LOCKDOWN,
    finding: nspRefusal,
    model: { publicNetworkAccess: 'SecuredByPerimeter', nsp: { associated: false } },
    expect: {"check": "nsp", "status": "fail", "evidence": "publicNetworkAccess SecuredByPerimeter and hypervmigratio98a5kv is not associated with a network security perimeter: SecuredByPerimeter without a perimeter refuses every public caller (only private endpoint traffic gets in)", "command": {"tool": "az", "text": "az keyvault update --resource-group rg-x --name hypervmigratio98a5kv --public-network-access Enabled --default-action Deny"}},
    absent: ['firewall'],
  },
  {
    name: 'SecuredByPerimeter in a Transition (Learning) perimeter: the perimeter rules decide',
    doc: SECURED_TRANSITION,
    finding: nspRefusal,
    model: { publicNetworkAccess: 'SecuredByPerimeter', nsp: { associated: true, mode: 'Learning', perimeter: PERIMETER, profile: 'defaultProfile' } },
    expect: {"check": "nsp", "status": "unknown", "evidence": "associated with perimeter nsp-ci (profile defaultProfile) in Learning (Transition) mode with publicNetworkAccess SecuredByPerimeter: the perimeter's inbound access rules decide for 40.82.190.38 (private endpoint traffic is exempt); its access rules were not read", "command": {"tool": "az", "text": "az extension add --upgrade --name nsp && az network perimeter profile access-rule create --resource-group rg-net --perimeter-name nsp-ci --profile-name defaultProfile --name allow-40-82-190-38 --direction Inbound --address-prefixes '[40.82.190.38/32]'"}},
  },
  {
    name: 'a perimeter whose access mode ARM did not name: unknown, not pass',
    doc: ENFORCED,
    finding: firewallRefusal,
    model: { nsp: { associated: true, perimeter: PERIMETER } },
    expect: {"check": "nsp", "status": "unknown", "evidence": "associated with perimeter nsp-ci in an access mode ARM did not name: in Enforced mode its inbound access rules decide for 40.82.190.38, in Transition mode publicNetworkAccess does", "command": {"tool": "az", "text": "az extension add --upgrade --name nsp && az network perimeter profile access-rule create --resource-group rg-net --perimeter-name nsp-ci --profile-name <profile-name> --name allow-40-82-190-38 --direction Inbound --address-prefixes '[40.82.190.38/32]'"}},
  },
  {
    name: 'an Enforced perimeter replaces public access and the firewall',
    doc: ENFORCED,
    finding: nspRefusal,
    model: { nsp: { associated: true, mode: 'Enforced', perimeter: PERIMETER, profile: 'defaultProfile' } },
    expect: {"check": "nsp", "status": "unknown", "evidence": "associated with perimeter nsp-ci (profile defaultProfile) in Enforced mode: the perimeter's inbound access rules decide for 40.82.190.38 (publicNetworkAccess and the firewall do not; private endpoint traffic is exempt); its access rules were not read", "command": {"tool": "az", "text": "az extension add --upgrade --name nsp && az network perimeter profile access-rule create --resource-group rg-net --perimeter-name nsp-ci --profile-name defaultProfile --name allow-40-82-190-38 --direction Inbound --address-prefixes '[40.82.190.38/32]'"}},
    absent: ['public-network-access', 'firewall'],
  },
  {
    name: 'a Transition (Learning) perimeter leaves the firewall in charge',
    doc: TRANSITION,
    finding: firewallRefusal,
    model: { nsp: { associated: true, mode: 'Learning', perimeter: PERIMETER } },
    expect: {"check": "nsp", "status": "pass", "evidence": "associated with perimeter nsp-ci in Learning mode: publicNetworkAccess and the firewall still decide"},
  },
  {
    name: 'the firewall admits the caller, a perimeter cannot be ruled out: no bare "retry"',
    doc: ENFORCED,
    finding: firewallRefusal,
    model: { networkAcls: { ...open, ipRules: ['40.82.190.38'] }, nsp: { associated: false, searchedSubscriptions: SEARCHED } },
    expect: {"check": "firewall", "status": "pass", "evidence": "defaultAction Deny, bypass AzureServices, 40.82.190.38 matches ipRule 40.82.190.38: the address is now allowed → the refusal predates the rule, or propagation, unless a network security perimeter in Enforced mode decides (see nsp): retry only once that is ruled out"},
  },
  {
    name: 'the firewall admits the caller and no perimeter exists: retry',
    doc: ALLOWED_ONLY,
    finding: firewallRefusal,
    model: { networkAcls: { ...open, ipRules: ['40.82.190.38'] }, nsp: { associated: false } },
    expect: {"check": "firewall", "status": "pass", "evidence": "defaultAction Deny, bypass AzureServices, 40.82.190.38 matches ipRule 40.82.190.38: the address is now allowed → the refusal predates the rule, or propagation: retry"},
  },
  {
    name: 'public access Enabled, perimeter associations unread: the connection gate does not promise a retry',
    doc: ENFORCED,
    finding: { rule: 'public-network-disabled', facts: { innerErrorCode: 'ForbiddenByConnection', clientIp: '40.82.190.38', objectId: OID } },
    model: { nsp: undefined },
    expect: {"check": "public-network-access", "status": "pass", "evidence": "publicNetworkAccess Enabled: the firewall decides (defaultAction Deny) → the refusal predates the change, or propagation, unless a network security perimeter in Enforced mode decides (see nsp): retry only once that is ruled out"},
  },
  {
    name: 'SecuredByPerimeter without endpoints is not "Enabled": the perimeter rules decide, endpoints skip them',
    doc: EXEMPT,
    finding: nspRefusal,
    model: { publicNetworkAccess: 'SecuredByPerimeter', nsp: { associated: true, mode: 'Enforced', perimeter: PERIMETER } },
    expect: {"check": "private-endpoints", "status": "unknown", "evidence": "no private endpoint connections; with publicNetworkAccess SecuredByPerimeter, public callers get in only through the perimeter's inbound access rules (see nsp), which private endpoint traffic is not subject to", "command": {"tool": "az", "text": "az network private-endpoint create --resource-group <vnet-resource-group> --name <private-endpoint-name> --vnet-name <vnet-name> --subnet <subnet-name> --private-connection-resource-id /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv --group-id vault --connection-name <connection-name>"}},
  },
  {
    name: 'an Enforced perimeter with public access Enabled: endpoints are still the unfiltered path',
    doc: EXEMPT,
    finding: nspRefusal,
    model: { nsp: { associated: true, mode: 'Enforced', perimeter: PERIMETER } },
    expect: {"check": "private-endpoints", "status": "unknown", "evidence": "no private endpoint connections; with an Enforced network security perimeter, public callers get in only through the perimeter's inbound access rules (see nsp), which private endpoint traffic is not subject to", "command": {"tool": "az", "text": "az network private-endpoint create --resource-group <vnet-resource-group> --name <private-endpoint-name> --vnet-name <vnet-name> --subnet <subnet-name> --private-connection-resource-id /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv --group-id vault --connection-name <connection-name>"}},
  },
  {
    name: 'SecuredByPerimeter with a pending endpoint: approve it',
    doc: SECURED,
    finding: nspRefusal,
    model: { publicNetworkAccess: 'SecuredByPerimeter', privateEndpointConnections: [{ name: 'pe-agents', status: 'Pending' }], nsp: { associated: true, mode: 'Enforced', perimeter: PERIMETER } },
    expect: {"check": "private-endpoints", "status": "unknown", "evidence": "pe-agents (Pending): none approved; with publicNetworkAccess SecuredByPerimeter, public callers get in only through the perimeter's inbound access rules (see nsp), which private endpoint traffic is not subject to", "command": {"tool": "az", "text": "az keyvault private-endpoint-connection approve --resource-group rg-x --vault-name hypervmigratio98a5kv --name pe-agents"}},
  },
  {
    name: 'SecuredByPerimeter with an approved endpoint: that path works',
    doc: EXEMPT,
    finding: nspRefusal,
    model: { publicNetworkAccess: 'SecuredByPerimeter', privateEndpointConnections: [{ name: 'pe-agents', status: 'Approved' }], nsp: { associated: true, mode: 'Enforced', perimeter: PERIMETER } },
    expect: {"check": "private-endpoints", "status": "pass", "evidence": "pe-agents (Approved): callers on that network reach hypervmigratio98a5kv when hypervmigratio98a5kv.vault.azure.net resolves to the endpoint's private address (privatelink.vaultcore.azure.net)"},
  },
  {
    name: 'SecuredByPerimeter: public access hands the decision to the perimeter',
    doc: SECURED,
    finding: nspRefusal,
    model: { publicNetworkAccess: 'SecuredByPerimeter', nsp: { associated: true, mode: 'Learning', perimeter: PERIMETER } },
    expect: {"check": "public-network-access", "status": "unknown", "evidence": "publicNetworkAccess SecuredByPerimeter: the network security perimeter's inbound access rules decide; the firewall and trusted-service bypass do not (see nsp)"},
    absent: ['firewall'],
  },
  {
    name: 'a rule with host bits set (40.82.190.38/23): malformed, behaviour undocumented, rewrite it',
    doc: RULES,
    finding: firewallRefusal,
    model: { networkAcls: { ...open, ipRules: ['40.82.190.38/23'] } },
    expect: {"check": "firewall", "status": "unknown", "evidence": "defaultAction Deny, bypass AzureServices, 40.82.190.38 is inside ipRule 40.82.190.38/23 only if Key Vault reads it as 40.82.190.0/23: the rule is malformed (host bits set), and whether Key Vault normalises or ignores such a rule is not documented; rewrite it as 40.82.190.0/23", "command": {"tool": "az", "text": "az keyvault network-rule remove --resource-group rg-x --name hypervmigratio98a5kv --ip-address 40.82.190.38/23 && az keyvault network-rule add --resource-group rg-x --name hypervmigratio98a5kv --ip-address 40.82.190.0/23"}},
  },
  {
    name: 'a host-bits rule whose network does not hold the address decides nothing either way: fail',
    doc: ALLOWED_ONLY,
    finding: firewallRefusal,
    model: { networkAcls: { ...open, ipRules: ['52.228.82.7/24'] } },
    expect: {"check": "firewall", "status": "fail", "evidence": "defaultAction Deny, bypass AzureServices, 40.82.190.38 matches no ipRule (1 rule); 40.82.190.38 is Azure DevOps Canada (Azure DevOps data-migration IPs: Azure DevOps Services, Canada Central, 40.82.190.38/32, published 2021-04-01): the Azure DevOps service itself, reading the vault to link or edit a variable group, not your agent → allow the published inbound ranges of Azure DevOps Canada and this address: add 52.228.82.0/24, 40.82.190.38", "command": {"tool": "az", "text": "az keyvault network-rule add --resource-group rg-x --name hypervmigratio98a5kv --ip-address 52.228.82.0/24\naz keyvault network-rule add --resource-group rg-x --name hypervmigratio98a5kv --ip-address 40.82.190.38"}},
  },
  {
    name: 'the rewritten rule (40.82.190.0/23) admits the address',
    doc: RULES,
    finding: firewallRefusal,
    model: { networkAcls: { ...open, ipRules: ['40.82.190.0/23'] }, nsp: { associated: false } },
    expect: {"check": "firewall", "status": "pass", "evidence": "defaultAction Deny, bypass AzureServices, 40.82.190.38 matches ipRule 40.82.190.0/23: the address is now allowed → the refusal predates the rule, or propagation: retry"},
  },
  {
    name: 'an Enforced perimeter whose IP rule holds the caller admits it, whatever the firewall says',
    doc: IP_RULE,
    finding: nspRefusal,
    model: { networkAcls: { ...open, ipRules: [] }, nsp: inPerimeter([rule('ci-agents', { addressPrefixes: ['40.82.190.0/24'] })]) },
    expect: { check: 'nsp', status: 'pass', evidence: `${ENFORCED_HEAD('40.82.190.38')}; access rule ci-agents admits it (40.82.190.0/24) → the refusal predates the access rule, or propagation: retry` },
    absent: ['public-network-access', 'firewall'],
  },
  {
    name: 'an Enforced perimeter whose IP rules hold other ranges refuses the caller: add its address',
    doc: DENIED_UNLESS,
    finding: nspRefusal,
    model: { nsp: inPerimeter([rule('office', { addressPrefixes: ['52.228.82.0/24', '20.37.194.0/24'] })]) },
    expect: { check: 'nsp', status: 'fail', evidence: `${ENFORCED_HEAD('40.82.190.38')}; no inbound access rule admits 40.82.190.38 (1 inbound rule: prefixes 52.228.82.0/24, 20.37.194.0/24)`, command: addRule },
  },
  {
    name: 'an Enforced perimeter without inbound rules refuses every public caller',
    doc: DENIED_UNLESS,
    finding: nspRefusal,
    model: { nsp: inPerimeter([]) },
    expect: { check: 'nsp', status: 'fail', evidence: `${ENFORCED_HEAD('40.82.190.38')}; the profile has no inbound access rules, so no public caller gets in`, command: addRule },
  },
  {
    name: "a subscription rule may admit a managed identity whose subscription the log does not show: unknown",
    doc: SUBSCRIPTION_RULE,
    finding: nspRefusal,
    model: { nsp: inPerimeter([rule('office', { addressPrefixes: ['52.228.82.0/24'] }), rule('platform-identities', { subscriptions: ['7c2e9a10-55d4-4c1b-9e0f-444455556666'] })]) },
    expect: {
      check: 'nsp',
      status: 'unknown',
      evidence: `${ENFORCED_HEAD('40.82.190.38')}; no inbound access rule holds 40.82.190.38 by address (2 inbound rules: prefixes 52.228.82.0/24), but rule platform-identities admits managed identities of subscription 7c2e9a10-55d4-4c1b-9e0f-444455556666: the log does not show the caller's subscription, service tag or perimeter`,
      command: addRule,
    },
  },
  {
    name: 'SecuredByPerimeter in a Transition (Learning) perimeter: an IP rule that holds the caller admits it',
    doc: SECURED_TRANSITION,
    finding: nspRefusal,
    model: { publicNetworkAccess: 'SecuredByPerimeter', nsp: inPerimeter([rule('ci-agents', { addressPrefixes: ['40.82.190.38/32'] })], 'Learning') },
    expect: {
      check: 'nsp',
      status: 'pass',
      evidence: "associated with perimeter nsp-ci (profile defaultProfile) in Learning (Transition) mode with publicNetworkAccess SecuredByPerimeter: the perimeter's inbound access rules decide for 40.82.190.38 (private endpoint traffic is exempt); access rule ci-agents admits it (40.82.190.38/32) → the refusal predates the access rule, or propagation: retry",
    },
    absent: ['firewall'],
  },
  {
    name: 'an Enforced perimeter with rules, and a log that names no client address: unknown',
    doc: SOURCES,
    finding: { rule: 'nsp', facts: { innerErrorCode: 'ForbiddenByFirewall', objectId: OID } },
    model: { nsp: inPerimeter([rule('office', { addressPrefixes: ['52.228.82.0/24'] })]) },
    expect: {
      check: 'nsp',
      status: 'unknown',
      evidence: `${ENFORCED_HEAD('the caller')}; the log states no client address to hold against its inbound access rules (1 inbound rule: prefixes 52.228.82.0/24)`,
      command: {
        tool: 'az',
        text: "az extension add --upgrade --name nsp && az network perimeter profile access-rule create --resource-group rg-net --perimeter-name nsp-ci --profile-name defaultProfile --name <rule-name> --direction Inbound --address-prefixes '[<client-ip>/32]'",
      },
    },
  },
  {
    name: 'an Enforced perimeter and a private caller address: no inbound rule applies, only a private endpoint',
    doc: EXEMPT,
    finding: { rule: 'nsp', facts: { innerErrorCode: 'ForbiddenByFirewall', clientIp: '10.1.2.3', objectId: OID } },
    model: { nsp: inPerimeter([rule('office', { addressPrefixes: ['52.228.82.0/24'] })]) },
    expect: {
      check: 'nsp',
      status: 'unknown',
      evidence: `${ENFORCED_HEAD('10.1.2.3')}; 10.1.2.3 is not a public address, so no inbound rule applies to it: it gets in only through a private endpoint, which the perimeter does not filter`,
    },
  },
];
