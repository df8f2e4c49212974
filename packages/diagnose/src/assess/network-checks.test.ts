import { assessContext } from './context';
import { findingOf, modelOf, seedFinding } from './fixtures';
import { firewallCheck, privateEndpointCheck, publicNetworkCheck } from './network-checks';

describe('firewall check', () => {
  it('fails the seed, names Azure DevOps Canada and adds only what the vault lacks (the blog\'s story: the Canada range was already in)', () => {
    const ctx = assessContext(seedFinding(), modelOf({ networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRules: ['52.228.82.0/24', '20.37.194.0/24'], virtualNetworkRules: [] } }));
    expect(firewallCheck(ctx)).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence:
        'defaultAction Deny, bypass None, 40.82.190.38 matches no ipRule (2 rules); 40.82.190.38 is Azure DevOps Canada (Azure DevOps data-migration IPs: Azure DevOps Services, Canada Central, 40.82.190.38/32, published 2021-04-01): the Azure DevOps service itself, reading the vault to link or edit a variable group, not your agent → allow the published inbound ranges of Azure DevOps Canada and this address: add 40.82.190.38; 52.228.82.0/24 is already allowed',
      command: { tool: 'az', text: 'az keyvault network-rule add --resource-group rg-x --name hypervmigratio98a5kv --ip-address 40.82.190.38' },
    });
  });

  it('passes and says the refusal predates the rule when a range now admits the address', () => {
    const ctx = assessContext(seedFinding(), modelOf({ networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: ['52.228.82.0/24', '40.82.190.0/23'], virtualNetworkRules: [] } }));
    expect(firewallCheck(ctx)).toEqual({
      check: 'firewall',
      status: 'pass',
      evidence: 'defaultAction Deny, bypass AzureServices, 40.82.190.38 matches ipRule 40.82.190.0/23: the address is now allowed → the refusal predates the rule, or propagation: retry',
    });
  });

  it('matches a bare-address rule (Key Vault may hold one without /32)', () => {
    const ctx = assessContext(seedFinding(), modelOf({ networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: ['40.82.190.38'], virtualNetworkRules: [] } }));
    expect(firewallCheck(ctx).status).toBe('pass');
  });

  it('passes on defaultAction Allow and names the stale refusal', () => {
    const ctx = assessContext(seedFinding(), modelOf({ networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices', ipRules: [], virtualNetworkRules: [] } }));
    expect(firewallCheck(ctx)).toEqual({
      check: 'firewall',
      status: 'pass',
      evidence: 'defaultAction Allow: the firewall admits every address → the refusal predates the change, or propagation: retry',
    });
  });

  it('is unknown with a placeholder command when the log has no client address', () => {
    const ctx = assessContext(findingOf('firewall', { innerErrorCode: 'ForbiddenByFirewall', vault: 'hypervmigratio98a5kv' }), modelOf());
    expect(firewallCheck(ctx)).toEqual({
      check: 'firewall',
      status: 'unknown',
      evidence: 'defaultAction Deny, bypass AzureServices, 2 ipRules: the log states no client address to match against them',
      command: { tool: 'az', text: 'az keyvault network-rule add --resource-group rg-x --name hypervmigratio98a5kv --ip-address <client-ip>' },
    });
  });

  it('fails a private address with no subnet rules and points at a virtual-network rule', () => {
    const ctx = assessContext(findingOf('firewall', { innerErrorCode: 'ForbiddenByFirewall', clientIp: '10.1.2.3' }), modelOf());
    expect(firewallCheck(ctx)).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence: 'defaultAction Deny, bypass AzureServices, 10.1.2.3 is not a public address: no ipRule can admit it; it must come from a subnet in virtualNetworkRules (0) or through a private endpoint',
      command: { tool: 'az', text: 'az keyvault network-rule add --resource-group rg-x --name hypervmigratio98a5kv --subnet <subnet-resource-id>' },
    });
  });

  it('matches and fixes an IPv4-mapped caller from outside the library (a card button, a saved report) as its IPv4 address', () => {
    const mapped = findingOf('firewall', { innerErrorCode: 'ForbiddenByFirewall', clientIp: '::ffff:52.1.2.3' });
    expect(firewallCheck(assessContext(mapped, modelOf()))).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence: 'defaultAction Deny, bypass AzureServices, 52.1.2.3 matches no ipRule (2 rules); 52.1.2.3 is in no published Azure DevOps range: likely your self-hosted agent or office egress → add this address',
      command: { tool: 'az', text: 'az keyvault network-rule add --resource-group rg-x --name hypervmigratio98a5kv --ip-address 52.1.2.3' },
    });
    const admitted = modelOf({ networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: ['52.1.2.0/24'], virtualNetworkRules: [] } });
    expect(firewallCheck(assessContext(mapped, admitted))).toEqual({
      check: 'firewall',
      status: 'pass',
      evidence: 'defaultAction Deny, bypass AzureServices, 52.1.2.3 matches ipRule 52.1.2.0/24: the address is now allowed → the refusal predates the rule, or propagation: retry',
    });
  });

  it('fails an IPv6 caller without a command (IPv4 rules only)', () => {
    const ctx = assessContext(findingOf('firewall', { clientIp: '2001:4860:4860::8888' }), modelOf());
    expect(firewallCheck(ctx)).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence: "defaultAction Deny, bypass AzureServices, 2001:4860:4860::8888 is IPv6: Key Vault's firewall takes IPv4 rules only",
    });
  });
});

describe('public network access check', () => {
  const connectionRefusal = findingOf('public-network-disabled', { innerErrorCode: 'ForbiddenByConnection', vault: 'hypervmigratio98a5kv' });

  it('fails a ForbiddenByConnection refusal while access is Disabled and offers to reopen behind the firewall', () => {
    const ctx = assessContext(connectionRefusal, modelOf({ publicNetworkAccess: 'Disabled', networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRules: [], virtualNetworkRules: [] } }));
    expect(publicNetworkCheck(ctx)).toEqual({
      check: 'public-network-access',
      status: 'fail',
      evidence: 'publicNetworkAccess Disabled: only private endpoints (none approved) reach hypervmigratio98a5kv; the caller did not come through an approved private endpoint',
      command: { tool: 'az', text: 'az keyvault update --resource-group rg-x --name hypervmigratio98a5kv --public-network-access Enabled --default-action Deny' },
    });
  });

  it('passes once access is Enabled again and says the refusal is older', () => {
    const ctx = assessContext(connectionRefusal, modelOf());
    expect(publicNetworkCheck(ctx)).toEqual({
      check: 'public-network-access',
      status: 'pass',
      evidence: 'publicNetworkAccess Enabled: the firewall decides (defaultAction Deny) → the refusal predates the change, or propagation: retry',
    });
  });

  it('is unknown for a private caller that may be on an approved endpoint', () => {
    const ctx = assessContext(
      findingOf('rbac', { innerErrorCode: 'ForbiddenByRbac', clientIp: '10.0.0.5' }),
      modelOf({ publicNetworkAccess: 'Disabled', privateEndpointConnections: [{ name: 'pe-build', status: 'Approved' }] }),
    );
    expect(publicNetworkCheck(ctx)).toMatchObject({
      status: 'unknown',
      evidence: 'publicNetworkAccess Disabled: only approved private endpoint connections (pe-build) and trusted Microsoft services reach hypervmigratio98a5kv; 10.0.0.5 gets in only through one of them',
    });
  });
});

describe('private endpoint check', () => {
  it('names the pending connection to approve when public access is Disabled', () => {
    const ctx = assessContext(seedFinding(), modelOf({ publicNetworkAccess: 'Disabled', privateEndpointConnections: [{ name: 'pe-agents.6f1c', status: 'Pending' }] }));
    expect(privateEndpointCheck(ctx)).toEqual({
      check: 'private-endpoints',
      status: 'fail',
      evidence: 'pe-agents.6f1c (Pending): none approved, and public network access is Disabled',
      command: { tool: 'az', text: 'az keyvault private-endpoint-connection approve --resource-group rg-x --vault-name hypervmigratio98a5kv --name pe-agents.6f1c' },
    });
  });

  it('asks for a new endpoint when there is none and public access is Disabled', () => {
    const ctx = assessContext(seedFinding(), modelOf({ publicNetworkAccess: 'Disabled' }));
    expect(privateEndpointCheck(ctx).command).toEqual({
      tool: 'az',
      text: 'az network private-endpoint create --resource-group <vnet-resource-group> --name <private-endpoint-name> --vnet-name <vnet-name> --subnet <subnet-name> --private-connection-resource-id /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv --group-id vault --connection-name <connection-name>',
    });
  });

  it('passes with no endpoints while public access is Enabled', () => {
    expect(privateEndpointCheck(assessContext(seedFinding(), modelOf()))).toEqual({
      check: 'private-endpoints',
      status: 'pass',
      evidence: 'no private endpoint connections: none needed while public network access is Enabled',
    });
  });
});
