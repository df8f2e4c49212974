import { liveCheck } from './check';
import {
  accessPolicyBody,
  associationBody,
  endpointConnectionBody,
  perimeterBody,
  perimeterId,
  roleAssignmentBody,
  roleDefinitions,
  OTHER_SUB,
  SUB,
  TENANT,
  vaultBody,
  vaultId,
} from './testing/arm-bodies';
import type { ArmData } from './testing/arm-server';
import { TEXTS } from './testing/e2e-texts';
import { findingIn } from './testing/finding';
import { type Harness, startHarness } from './testing/harness';

// Twelve rules, none of which admits 40.82.190.38 (the Azure DevOps inbound ranges of other geographies).
const TWELVE = ['20.37.194.0/24', '20.42.226.0/24', '191.235.226.0/24', '52.228.82.0/24', '20.189.107.0/24', '20.41.194.0/24', '20.37.158.0/23', '52.150.138.0/24', '20.42.5.0/24', '20.41.6.0/23', '40.80.187.0/24', '40.119.10.0/24'];

describe('live check end to end: seed findings against a local ARM server', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.server.close());
  const start = async (data: ArmData) => {
    h = await startHarness(data);
    return h;
  };

  it('firewall (seed blog): names the ipRule to add with the real resource group and vault', async () => {
    const hh = await start({ vaults: { [SUB]: [vaultBody({ name: 'hypervmigratio98a5kv', rg: 'rg-x', networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: TWELVE } })] } });
    const result = await liveCheck(hh.options({ finding: findingIn(TEXTS.firewallSeed.text, 'firewall'), vaultName: 'hypervmigratio98a5kv' }));
    expect(result.verdicts.find((v) => v.check === 'firewall')).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence: 'defaultAction Deny, bypass AzureServices, 40.82.190.38 matches no ipRule (12 rules); 40.82.190.38 is Azure DevOps Canada (Azure DevOps data-migration IPs: Azure DevOps Services, Canada Central, 40.82.190.38/32, published 2021-04-01): the Azure DevOps service itself, reading the vault to link or edit a variable group, not your agent → allow the published inbound ranges of Azure DevOps Canada and this address: add 40.82.190.38; 52.228.82.0/24 is already allowed',
      command: { tool: 'az', text: 'az keyvault network-rule add --resource-group rg-x --name hypervmigratio98a5kv --ip-address 40.82.190.38' },
    });
  });

  it('public network disabled (Container Apps): names the setting and the pending endpoint to approve', async () => {
    const id = vaultId('someakv', 'rg-apps');
    const hh = await start({
      vaults: { [SUB]: [vaultBody({ name: 'someakv', rg: 'rg-apps', publicNetworkAccess: 'Disabled', networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: [] }, privateEndpointConnections: [{ name: 'pe-aca.3f2a', status: 'Pending' }] })] },
      endpointConnections: { [id.toLowerCase()]: [endpointConnectionBody(id, 'pe-aca.3f2a', 'Pending')] },
    });
    const result = await liveCheck(hh.options({ finding: findingIn(TEXTS.publicNetworkAca.text, 'public-network-disabled'), vaultName: 'someakv' }));
    expect(result.verdicts.filter((v) => v.check === 'public-network-access' || v.check === 'private-endpoints')).toEqual([
      {
        check: 'public-network-access',
        status: 'fail',
        evidence: 'publicNetworkAccess Disabled: only private endpoints (none approved) and trusted Microsoft services reach someakv; the caller did not come through an approved private endpoint',
        command: { tool: 'az', text: 'az keyvault update --resource-group rg-apps --name someakv --public-network-access Enabled --default-action Deny' },
      },
      {
        check: 'private-endpoints',
        status: 'fail',
        evidence: 'pe-aca.3f2a (Pending): none approved, and public network access is Disabled',
        command: { tool: 'az', text: 'az keyvault private-endpoint-connection approve --resource-group rg-apps --vault-name someakv --name pe-aca.3f2a' },
      },
    ]);
    expect(result.verdicts.map((v) => v.check)).not.toContain('firewall');
  });

  it('public network disabled, newer text (course lab): re-enabled since → the refusal predates the change', async () => {
    const hh = await start({ vaults: { [SUB]: [vaultBody({ name: 'es-kv-001', rg: 'labs-keyvault', networkAcls: { bypass: 'None', defaultAction: 'Allow', ipRules: [] } })] } });
    const result = await liveCheck(hh.options({ finding: findingIn(TEXTS.publicNetworkCourseLab.text, 'public-network-disabled'), vaultName: 'es-kv-001' }));
    expect(result.verdicts.find((v) => v.check === 'public-network-access')).toEqual({
      check: 'public-network-access',
      status: 'pass',
      evidence: 'publicNetworkAccess Enabled: the firewall decides (defaultAction Allow) → the refusal predates the change, or propagation, unless a network security perimeter in Enforced mode decides (see nsp): retry only once that is ruled out',
    });
  });

  it('public network disabled (pipelines doc, no vault in the text): the vault named by the caller is checked', async () => {
    const hh = await start({ vaults: { [SUB]: [vaultBody({ name: 'kv-pipelines-prod', rg: 'rg-pipelines', publicNetworkAccess: 'Disabled', networkAcls: { bypass: 'None', defaultAction: 'Deny', ipRules: [] } })] } });
    const result = await liveCheck(hh.options({ finding: findingIn(TEXTS.publicNetworkSeed.text, 'public-network-disabled'), vaultName: 'kv-pipelines-prod' }));
    expect(result.verdicts.find((v) => v.check === 'public-network-access')?.command).toEqual({
      tool: 'az',
      text: 'az keyvault update --resource-group rg-pipelines --name kv-pipelines-prod --public-network-access Enabled --default-action Deny',
    });
  });

  it('nsp text, no perimeter attached (Container Apps): the firewall decides, bypass None, rule to add named', async () => {
    const hh = await start({ vaults: { [SUB]: [vaultBody({ name: 'someakv', rg: 'rg-apps', location: 'westeurope', networkAcls: { bypass: 'None', defaultAction: 'Deny', ipRules: ['20.67.123.240/32'] } })] }, perimeters: { [SUB]: [perimeterBody('nsp-shared')] } });
    const result = await liveCheck(hh.options({ finding: findingIn(TEXTS.nspAca.text, 'nsp'), vaultName: 'someakv' }));
    expect(result.verdicts.slice(0, 3)).toEqual([
      {
        check: 'nsp',
        status: 'unknown',
        evidence: `someakv is not associated with a network security perimeter in the subscriptions searched (${SUB}, ${OTHER_SUB}); a perimeter in another subscription is not readable here (not on the allow-list), and one in Enforced mode would override publicNetworkAccess and the firewall`,
      },
      { check: 'public-network-access', status: 'pass', evidence: 'publicNetworkAccess Enabled: the firewall decides (defaultAction Deny)' },
      {
        check: 'firewall',
        status: 'unknown',
        evidence: 'defaultAction Deny, bypass None, 1 ipRules: the log states no client address to match against them',
        command: { tool: 'az', text: 'az keyvault network-rule add --resource-group rg-apps --name someakv --ip-address <client-ip>' },
      },
    ]);
  });

  it('nsp text, vault in an Enforced perimeter (pipelines doc): names the perimeter access rule to add', async () => {
    const vault = vaultId('kv-pipelines-prod', 'rg-pipelines');
    const perimeter = perimeterId('nsp-ci', 'rg-network');
    const hh = await start({
      vaults: { [SUB]: [vaultBody({ name: 'kv-pipelines-prod', rg: 'rg-pipelines', publicNetworkAccess: 'Enabled', networkAcls: { bypass: 'None', defaultAction: 'Deny', ipRules: [] } })] },
      perimeters: { [SUB]: [perimeterBody('nsp-other'), perimeterBody('nsp-ci', 'rg-network')] },
      associations: { [perimeter.toLowerCase()]: [associationBody(perimeter, vault, 'ci-agents', 'Enforced')] },
    });
    const result = await liveCheck(hh.options({ finding: findingIn(TEXTS.nspSeed.text, 'nsp'), vaultName: 'kv-pipelines-prod' }));
    expect(result.model?.nsp).toEqual({ associated: true, mode: 'Enforced', perimeter, profile: 'ci-agents', accessRules: [] });
    expect(result.verdicts[0]).toEqual({
      check: 'nsp',
      status: 'fail',
      evidence:
        "associated with perimeter nsp-ci (profile ci-agents) in Enforced mode: the perimeter's inbound access rules decide for the caller (publicNetworkAccess and the firewall do not; private endpoint traffic is exempt); the profile has no inbound access rules, so no public caller gets in",
      command: {
        tool: 'az',
        text: 'az extension add --upgrade --name nsp && az network perimeter profile access-rule create --resource-group rg-network --perimeter-name nsp-ci --profile-name ci-agents --name <rule-name> --direction Inbound --address-prefixes \'[<client-ip>/32]\'',
      },
    });
  });

  it('rbac (Recovery Services CMK): names the role for keys/read at the real vault scope', async () => {
    const oid = 'faf80fe8-19dc-4674-bf55-669b818e288d';
    const hh = await start({
      vaults: { [SUB]: [vaultBody({ name: 'kv-yory', rg: 'rg-resources', enableRbacAuthorization: true, networkAcls: { bypass: 'AzureServices', defaultAction: 'Allow', ipRules: [] } })] },
      roleAssignments: [roleAssignmentBody('reader', oid, `/subscriptions/${SUB}`), roleAssignmentBody('secretsUser', '11111111-2222-4333-8444-555555555555', vaultId('kv-yory', 'rg-resources'))],
      roleDefinitions: roleDefinitions(),
    });
    const result = await liveCheck(hh.options({ finding: findingIn(TEXTS.rbacRecoveryServices.text, 'rbac'), vaultName: 'kv-yory' }));
    const scope = vaultId('kv-yory', 'rg-resources');
    expect(result.verdicts.find((v) => v.check === 'role-assignment')).toEqual({
      check: 'role-assignment',
      status: 'fail',
      evidence: `RBAC mode, object ${oid} has no role with Microsoft.KeyVault/vaults/keys/read at this scope (holds Reader at /subscriptions/${SUB}; group assignments included)`,
      command: { tool: 'az', text: `az role assignment create --role 'Key Vault Crypto Service Encryption User' --assignee ${oid} --scope ${scope}` },
    });
    const listing = hh.server.requests.find((r) => r.path.endsWith('/providers/Microsoft.Authorization/roleAssignments'));
    expect(listing?.path).toBe(`${scope}/providers/Microsoft.Authorization/roleAssignments`);
    expect(listing?.query.get('$filter')).toBe(`assignedTo('${oid}')`);
  });

  it('rbac (az CLI user): the role now assigned at the resource group → retry; the log\'s subscription is read directly', async () => {
    const sub = 'f95180d7-b5fc-49c8-a9a7-5b3ee0d8ffc6';
    const tenant = '43dc75e3-499a-40cd-891a-ba9f8e445365';
    const oid = '207e277f-a838-4c61-940a-950b06cd1cc8';
    const hh = await start({
      vaults: { [sub]: [vaultBody({ name: 'aoaisimaoaisimdevsl2', rg: 'aoaisim', sub, tenant, enableRbacAuthorization: true, networkAcls: null })] },
      roleAssignments: [roleAssignmentBody('secretsUser', oid, `/subscriptions/${sub}/resourceGroups/aoaisim`, sub)],
      roleDefinitions: roleDefinitions(sub),
    });
    const result = await liveCheck(
      hh.options({ finding: findingIn(TEXTS.rbacAzCli.text, 'rbac'), vaultName: 'aoaisimaoaisimdevsl2', allowed: { tenants: [tenant], subscriptions: [sub] } }),
    );
    expect(result.verdicts.find((v) => v.check === 'role-assignment')).toEqual({
      check: 'role-assignment',
      status: 'pass',
      evidence: `RBAC mode, object ${oid} holds Key Vault Secrets User at /subscriptions/${sub}/resourceGroups/aoaisim, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry`,
    });
    expect(hh.server.requests[0]?.path).toBe(vaultId('aoaisimaoaisimdevsl2', 'aoaisim', sub));
  });

  it('rbac (GitLab seed, no caller in the text): names the role and the vault scope, object id left to fill', async () => {
    const hh = await start({ vaults: { [SUB]: [vaultBody({ name: 'kv-gitlab-ci', rg: 'rg-gitlab', enableRbacAuthorization: true })] } });
    const result = await liveCheck(hh.options({ finding: findingIn(TEXTS.rbacGitlabSeed.text, 'rbac'), vaultName: 'kv-gitlab-ci' }));
    expect(result.verdicts.find((v) => v.check === 'role-assignment')?.command).toEqual({
      tool: 'az',
      text: `az role assignment create --role 'Key Vault Secrets User' --assignee <object-id> --scope ${vaultId('kv-gitlab-ci', 'rg-gitlab')}`,
    });
    expect(hh.server.requests.some((r) => r.path.includes('roleAssignments'))).toBe(false);
  });

  it('access policy (steampipe): names the missing permission with the real resource group and vault', async () => {
    const oid = '09e7a3cd-4fc8-4d55-bb62-aaef76a8b439';
    const tenant = 'cdffd708-7da0-4cea-abeb-0a4c334d7f64';
    const hh = await start({
      vaults: { [SUB]: [vaultBody({ name: 'diskvault001', rg: 'rg-disks', tenant, location: 'southindia', accessPolicies: [accessPolicyBody(oid, ['Get'], tenant)] })] },
    });
    const result = await liveCheck(hh.options({ finding: findingIn(TEXTS.accessPolicySteampipe.text, 'access-policy'), vaultName: 'diskvault001', allowed: { tenants: [tenant, TENANT], subscriptions: [SUB] } }));
    expect(result.verdicts.slice(-2)).toEqual([
      { check: 'permission-model', status: 'pass', evidence: 'enableRbacAuthorization false: access policies decide data access, as the refusal says' },
      {
        check: 'access-policy',
        status: 'fail',
        evidence: `access-policy mode, object ${oid} has secrets [get] but not list; it needs secrets list`,
        command: { tool: 'az', text: `az keyvault set-policy --resource-group rg-disks --name diskvault001 --object-id ${oid} --secret-permissions get list` },
      },
    ]);
  });
});
