import type { Finding } from '@kvdoctor/diagnose';
import { checkFromAzJson, modelFromAzJson } from './from-az-json';
import { FIREWALLED_VAULT, PRIVATE_RBAC_VAULT, SAMPLE_VAULT } from './testing/az-show';
import { TEXTS } from './testing/e2e-texts';
import { findingIn } from './testing/finding';
import { scenarioFinding } from './testing/scenario-finding';

const seedFinding = (): Finding => findingIn(TEXTS.firewallSeed.text, 'firewall');

describe('az keyvault show JSON → model', () => {
  it('reads Microsoft\'s Vaults - Get example: null networkAcls is an open firewall, nulls are defaults', () => {
    const built = modelFromAzJson(SAMPLE_VAULT.json);
    if (!built.ok) throw new Error(built.error.message);
    expect(built.model).toEqual({
      id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/sample-resource-group/providers/Microsoft.KeyVault/vaults/sample-vault',
      name: 'sample-vault',
      resourceGroup: 'sample-resource-group',
      subscriptionId: '00000000-0000-0000-0000-000000000000',
      location: 'westus',
      tenantId: '00000000-0000-0000-0000-000000000000',
      publicNetworkAccess: 'Enabled',
      networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices', ipRules: [], virtualNetworkRules: [] },
      privateEndpointConnections: [],
      enableRbacAuthorization: false,
      accessPolicies: [
        {
          objectId: '00000000-0000-0000-0000-000000000000',
          tenantId: '00000000-0000-0000-0000-000000000000',
          permissions: {
            secrets: ['get', 'list', 'set', 'delete', 'backup', 'restore', 'recover', 'purge'],
            keys: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey', 'sign', 'verify', 'get', 'list', 'create', 'update', 'import', 'delete', 'backup', 'restore', 'recover', 'purge'],
            certificates: ['get', 'list', 'delete', 'create', 'import', 'update', 'managecontacts', 'getissuers', 'listissuers', 'setissuers', 'deleteissuers', 'manageissuers', 'recover', 'purge'],
          },
        },
      ],
      enableSoftDelete: true,
      enablePurgeProtection: false,
    });
  });

  it('reads flattened private endpoint connections as az prints them', () => {
    const built = modelFromAzJson(JSON.parse(PRIVATE_RBAC_VAULT.json));
    if (!built.ok) throw new Error(built.error.message);
    expect(built.model.privateEndpointConnections).toEqual([{ name: 'sample-pec', status: 'Approved' }]);
    expect(built.model.publicNetworkAccess).toBe('Disabled');
    expect(built.model.enableRbacAuthorization).toBe(true);
  });

  it('assesses the seed finding against a pasted vault: rule named with the resource group from the JSON; unread parts unknown', () => {
    const result = checkFromAzJson(seedFinding(), FIREWALLED_VAULT.json);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.verdicts).toEqual([
      { check: 'nsp', status: 'unknown', evidence: 'network security perimeter associations could not be read' },
      { check: 'public-network-access', status: 'pass', evidence: 'publicNetworkAccess Enabled: the firewall decides (defaultAction Deny)' },
      {
        check: 'firewall',
        status: 'fail',
        evidence: 'defaultAction Deny, bypass AzureServices, 40.82.190.38 matches no ipRule (2 rules); 40.82.190.38 is Azure DevOps Canada (Azure DevOps data-migration IPs: Azure DevOps Services, Canada Central, 40.82.190.38/32, published 2021-04-01): the Azure DevOps service itself, reading the vault to link or edit a variable group, not your agent → allow the published inbound ranges of Azure DevOps Canada and this address: add 40.82.190.38; 52.228.82.0/24 is already allowed',
        command: { tool: 'az', text: 'az keyvault network-rule add --resource-group rg-hyperv-migration --name hypervmigratio98a5kv --ip-address 40.82.190.38' },
      },
      { check: 'private-endpoints', status: 'pass', evidence: 'no private endpoint connections: none needed while public network access is Enabled' },
      { check: 'permission-model', status: 'pass', evidence: 'enableRbacAuthorization false: access policies decide data access' },
      {
        check: 'access-policy',
        status: 'pass',
        evidence: 'access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has secrets [get, list]: list is now granted',
      },
    ]);
  });

  it('on an RBAC vault says unknown, not pass, for what az keyvault show never prints (roles, denies, perimeters)', () => {
    const oid = 'f54370a6-bc53-4e02-8d73-63de4c317b54';
    const finding = scenarioFinding('rbac', { innerErrorCode: 'ForbiddenByRbac', objectId: oid, requestUrl: 'https://sample-vault.vault.azure.net/secrets/db-password?api-version=7.4' });
    const result = checkFromAzJson(finding, PRIVATE_RBAC_VAULT.json);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.model.roleAssignments).toBeUndefined();
    expect(result.model.denyAssignments).toBeUndefined();
    expect(result.model.nsp).toBeUndefined();
    expect(result.verdicts.find((v) => v.check === 'nsp')).toEqual({ check: 'nsp', status: 'unknown', evidence: 'network security perimeter associations could not be read' });
    expect(result.verdicts.find((v) => v.check === 'role-assignment')).toEqual({
      check: 'role-assignment',
      status: 'unknown',
      evidence: `RBAC mode: the role assignments of object ${oid} could not be read; Microsoft.KeyVault/vaults/secrets/getSecret/action for GET /secrets/db-password needs Key Vault Secrets User`,
      command: { tool: 'az', text: `az role assignment list --assignee ${oid} --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/sample-group/providers/Microsoft.KeyVault/vaults/sample-vault/secrets/db-password --include-inherited --include-groups` },
    });
  });

  it('matches and fixes an IPv4-mapped caller (a finding from a card button or a saved report) as its IPv4 address', () => {
    const seed = seedFinding();
    const mapped = { ...seed, facts: { ...seed.facts, clientIp: '::ffff:52.228.82.7' } };
    const result = checkFromAzJson(mapped, FIREWALLED_VAULT.json);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.verdicts.find((v) => v.check === 'firewall')).toEqual({
      check: 'firewall',
      status: 'pass',
      evidence: 'defaultAction Deny, bypass AzureServices, 52.228.82.7 matches ipRule 52.228.82.0/24: the address is now allowed → the refusal predates the rule, or propagation, unless a network security perimeter in Enforced mode decides (see nsp): retry only once that is ruled out',
    });
    const outside = { ...seed, facts: { ...seed.facts, clientIp: '::ffff:52.1.2.3' } };
    const refused = checkFromAzJson(outside, FIREWALLED_VAULT.json);
    if (!refused.ok) throw new Error(refused.error.message);
    expect(refused.verdicts.find((v) => v.check === 'firewall')?.command).toEqual({
      tool: 'az',
      text: 'az keyvault network-rule add --resource-group rg-hyperv-migration --name hypervmigratio98a5kv --ip-address 52.1.2.3',
    });
  });

  it('refuses text that is not JSON without echoing it', () => {
    const pasted = '{"id": "x", "password": "hunter2"';
    expect(checkFromAzJson(seedFinding(), pasted)).toEqual({
      ok: false,
      error: { code: 'invalid-json', message: 'the text is not JSON: paste the whole output of `az keyvault show --name <vault>`' },
    });
  });

  it('refuses another resource type with the paths that are wrong, not their values', () => {
    const storage = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct', name: 'acct', location: 'westus', properties: { secret: 'hunter2' } };
    const result = checkFromAzJson(seedFinding(), storage);
    expect(result).toEqual({ ok: false, error: { code: 'not-a-vault', message: 'this is not the output of az keyvault show (id: not a Key Vault resource id; properties.tenantId: Invalid input: expected string, received undefined)' } });
  });
});

describe('misuse', () => {
  it('throws on a finding outside the report contract (a bug in the caller, not user input)', () => {
    const broken = { ...seedFinding(), rule: 'Not Kebab' };
    expect(() => checkFromAzJson(broken, FIREWALLED_VAULT.json)).toThrow('the finding does not match the report contract');
  });
});
