import { liveCheck } from './check';
import { OTHER_SUB, RG, SUB, TENANT, vaultBody, vaultId } from './testing/arm-bodies';
import { findingIn } from './testing/finding';
import { type Harness, startHarness } from './testing/harness';
import { VaultIdCache } from './vault-cache';

// The seed blog's refusal (Azure DevOps variable group against a firewalled vault).
const SEED =
  'Response from server: ‘{“error”:{“code”:”Forbidden”,”message”:”Client address is not authorized and caller is not a trusted service.\\r\\nClient address: 40.82.190.38\\r\\nCaller: appid=2c5a35cb-ef1f-4659-98a2-dca8761c0def;oid=f54370a6-bc53-4e02-8d73-63de4c317b54;iss=https://sts.windows.net/a1a2578a-8fd3-4595-bb18-7d17df8944b0/\\r\\nVault: hypervmigratio98a5kv;location=canadacentral”,”innererror”:{“code”:”ForbiddenByFirewall”}}}’';

const filler = (n: number) => Array.from({ length: n }, (_, i) => vaultBody({ name: `kv-filler-${i}`, networkAcls: null }));

describe('liveCheck against a local ARM server', () => {
  let h: Harness;
  afterEach(async () => h.server.close());

  it('finds the vault by name across pages of another subscription and fails the firewall with the exact command', async () => {
    const target = vaultBody({ name: 'hypervmigratio98a5kv', sub: OTHER_SUB, networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: ['52.228.82.0/24', '20.37.194.0/24', '191.235.226.0/24'] } });
    h = await startHarness({ vaults: { [SUB]: filler(3), [OTHER_SUB]: [...filler(4), target] }, pageSize: 2 });
    const result = await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'hypervmigratio98a5kv' }));
    const id = vaultId('hypervmigratio98a5kv', RG, OTHER_SUB);
    expect(result.outcome).toEqual({ kind: 'ok', vaultId: id, incomplete: [] });
    expect(result.verdicts.find((v) => v.check === 'firewall')).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence: 'defaultAction Deny, bypass AzureServices, 40.82.190.38 matches no ipRule (3 rules); 40.82.190.38 is Azure DevOps Canada (Azure DevOps data-migration IPs: Azure DevOps Services, Canada Central, 40.82.190.38/32, published 2021-04-01): the Azure DevOps service itself, reading the vault to link or edit a variable group, not your agent → allow the published inbound ranges of Azure DevOps Canada and this address: add 40.82.190.38; 52.228.82.0/24 is already allowed',
      command: { tool: 'az', text: `az keyvault network-rule add --resource-group ${RG} --name hypervmigratio98a5kv --ip-address 40.82.190.38` },
    });
    expect(result.model?.networkAcls.ipRules).toEqual(['52.228.82.0/24', '20.37.194.0/24', '191.235.226.0/24']);
    // Three pages in the other subscription: the SDK followed nextLink.
    const listings = h.server.requests.filter((r) => r.path === `/subscriptions/${OTHER_SUB}/resources`);
    expect(listings.map((r) => r.query.get('$skiptoken'))).toEqual([null, '2', '4']);
    expect(h.server.requests.every((r) => r.authorization === 'Bearer kvdoctor-test-token')).toBe(true);
    // One token for the whole check.
    expect(h.credential.scopes).toEqual([`${h.server.endpoint}/.default`]);
    // Every request, exactly: the type-filtered resources lists (ids and names only), then the one
    // vault's body and its endpoints, then perimeters. No other vault's body is ever requested.
    const seen = h.server.requests.map((r) => `${r.method} ${r.path}${r.query.get('$skiptoken') === null ? '' : ` skip ${r.query.get('$skiptoken') ?? ''}`}`).sort();
    expect(seen).toEqual(
      [
        `GET /subscriptions/${SUB}/resources`,
        `GET /subscriptions/${SUB}/resources skip 2`,
        `GET /subscriptions/${OTHER_SUB}/resources`,
        `GET /subscriptions/${OTHER_SUB}/resources skip 2`,
        `GET /subscriptions/${OTHER_SUB}/resources skip 4`,
        `GET ${id}`,
        `GET ${id}/privateEndpointConnections`,
        `GET /subscriptions/${SUB}/providers/Microsoft.Network/networkSecurityPerimeters`,
        `GET /subscriptions/${OTHER_SUB}/providers/Microsoft.Network/networkSecurityPerimeters`,
      ].sort(),
    );
  });

  it('remembers name → id and reads the vault directly the second time', async () => {
    h = await startHarness({ vaults: { [SUB]: [vaultBody({ name: 'hypervmigratio98a5kv', networkAcls: { bypass: 'None', defaultAction: 'Deny', ipRules: ['40.82.190.0/24'] } })] } });
    const cache = new VaultIdCache();
    await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'hypervmigratio98a5kv', cache }));
    const before = h.server.requests.length;
    const second = await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'https://hypervmigratio98a5kv.vault.azure.net/', cache }));
    const paths = h.server.requests.slice(before).map((r) => r.path);
    expect(paths).toContain(vaultId('hypervmigratio98a5kv'));
    expect(paths.some((p) => p.endsWith('/providers/Microsoft.KeyVault/vaults'))).toBe(false);
    expect(second.verdicts.find((v) => v.check === 'firewall')).toEqual({
      check: 'firewall',
      status: 'pass',
      evidence: 'defaultAction Deny, bypass None, 40.82.190.38 matches ipRule 40.82.190.0/24: the address is now allowed → the refusal predates the rule, or propagation, unless a network security perimeter in Enforced mode decides (see nsp): retry only once that is ruled out',
    });
  });

  it('without a finding reads the configuration only: the model, no verdicts, no role reads', async () => {
    h = await startHarness({ vaults: { [SUB]: [vaultBody({ name: 'hypervmigratio98a5kv', networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: ['52.228.82.0/24'] } })] } });
    const result = await liveCheck(h.options({ vaultName: 'hypervmigratio98a5kv' }));
    expect(result.outcome).toEqual({ kind: 'ok', vaultId: vaultId('hypervmigratio98a5kv'), incomplete: [] });
    expect(result.verdicts).toEqual([]);
    expect(result.model?.networkAcls).toEqual({ defaultAction: 'Deny', bypass: 'AzureServices', ipRules: ['52.228.82.0/24'], virtualNetworkRules: [] });
    expect(h.server.requests.some((r) => r.path.includes('roleAssignments'))).toBe(false);
  });

  it('reads a vault with no networkAcls (created before firewalls) as open', async () => {
    h = await startHarness({ vaults: { [SUB]: [vaultBody({ name: 'hypervmigratio98a5kv', networkAcls: null })] } });
    const result = await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'hypervmigratio98a5kv' }));
    expect(result.model?.networkAcls).toEqual({ defaultAction: 'Allow', bypass: 'AzureServices', ipRules: [], virtualNetworkRules: [] });
    expect(result.model?.tenantId).toBe(TENANT);
  });
});
