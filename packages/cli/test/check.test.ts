import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AZDO_LOG, buildCli, CLEAN_LOG, kvdoctor, tempDir } from './helpers/cli';

beforeAll(buildCli, 120_000);

/**
 * `az keyvault show` of the seed blog's vault behind a firewall (az's field order and casing from
 * https://github.com/Azure/azure-cli/issues/25655): 40.82.190.38 is in none of its IP rules.
 */
const FIREWALLED_VAULT = `{
  "id": "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-hyperv-migration/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv",
  "location": "canadacentral",
  "name": "hypervmigratio98a5kv",
  "properties": {
    "accessPolicies": [
      {
        "applicationId": null,
        "objectId": "f54370a6-bc53-4e02-8d73-63de4c317b54",
        "permissions": { "certificates": [], "keys": [], "secrets": ["Get", "List"], "storage": null },
        "tenantId": "a1a2578a-8fd3-4595-bb18-7d17df8944b0"
      }
    ],
    "createMode": null,
    "enablePurgeProtection": null,
    "enableRbacAuthorization": false,
    "enableSoftDelete": true,
    "enabledForDeployment": false,
    "enabledForDiskEncryption": false,
    "enabledForTemplateDeployment": false,
    "hsmPoolResourceId": null,
    "networkAcls": {
      "bypass": "AzureServices",
      "defaultAction": "Deny",
      "ipRules": [{ "value": "52.228.82.0/24" }, { "value": "52.237.19.6/32" }],
      "virtualNetworkRules": []
    },
    "privateEndpointConnections": null,
    "provisioningState": "Succeeded",
    "publicNetworkAccess": "Enabled",
    "sku": { "family": "A", "name": "standard" },
    "softDeleteRetentionInDays": 90,
    "tenantId": "a1a2578a-8fd3-4595-bb18-7d17df8944b0",
    "vaultUri": "https://hypervmigratio98a5kv.vault.azure.net/"
  },
  "resourceGroup": "rg-hyperv-migration",
  "systemData": null,
  "tags": {},
  "type": "Microsoft.KeyVault/vaults"
}`;

const SUB = '0b1f6471-1bf0-4dda-aec3-111122223333';

let tmp: { dir: string; remove: () => void };
let vaultJson: string;
beforeEach(() => {
  tmp = tempDir();
  vaultJson = join(tmp.dir, 'vault.json');
  writeFileSync(vaultJson, FIREWALLED_VAULT);
});
afterEach(() => tmp.remove());

describe('kvdoctor check', () => {
  it('holds the log\'s finding against az keyvault show output: the firewall still refuses, exit 1', () => {
    const r = kvdoctor(['check', 'hypervmigratio98a5kv', '--from-az-json', vaultJson, '--log', AZDO_LOG]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines).toContain('  Firewall               default Deny, trusted services allowed, 2 IP rules, 0 virtual-network rules');
    expect(lines).toContain(
      '  ✖ fail     firewall              defaultAction Deny, bypass AzureServices, 40.82.190.38 matches no ipRule (2 rules); 40.82.190.38 is Azure DevOps Canada (Azure DevOps data-migration IPs: Azure DevOps Services, Canada Central, 40.82.190.38/32, published 2021-04-01): the Azure DevOps service itself, reading the vault to link or edit a variable group, not your agent → allow the published inbound ranges of Azure DevOps Canada and this address: add 40.82.190.38; 52.228.82.0/24 is already allowed',
    );
    expect(lines).toContain('             az keyvault network-rule add --resource-group rg-hyperv-migration --name hypervmigratio98a5kv --ip-address 40.82.190.38');
  });

  it('gives json', () => {
    const r = kvdoctor(['check', 'hypervmigratio98a5kv', '--from-az-json', vaultJson, '--log', AZDO_LOG, '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.vault).toBe('hypervmigratio98a5kv');
    expect(doc.model.networkAcls.defaultAction).toBe('Deny');
    expect(doc.checks[0].rule).toBe('firewall');
    expect(doc.checks[0].verdicts.find((v: { check: string }) => v.check === 'firewall').status).toBe('fail');
  });

  it('without a log shows the vault as configured, exit 0', () => {
    const r = kvdoctor(['check', 'hypervmigratio98a5kv', '--from-az-json', vaultJson]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        `Key Vault hypervmigratio98a5kv  from ${vaultJson} (az keyvault show)`,
        '  Public network access  Enabled',
        '  Firewall               default Deny, trusted services allowed, 2 IP rules, 0 virtual-network rules',
        '  Private endpoints      none',
        '  Permission model       access policies (1 entries)',
        '',
      ].join('\n'),
    );
  });

  it('a log without findings about the vault has nothing to check, exit 0', () => {
    const r = kvdoctor(['check', 'hypervmigratio98a5kv', '--from-az-json', vaultJson, '--log', '-'], { input: CLEAN_LOG });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('No Key Vault error about hypervmigratio98a5kv in -: nothing to check.\n');
  });

  it('refuses JSON that is not az keyvault show output', () => {
    writeFileSync(vaultJson, '{"name": "x"}');
    const r = kvdoctor(['check', 'hypervmigratio98a5kv', '--from-az-json', vaultJson]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^kvdoctor: --from-az-json .*vault\.json: this is not the output of az keyvault show \(/);
  });

  it.each([
    [['--subscription', 'not-a-guid'], 'kvdoctor: --subscription: expected a GUID\n'],
    [[], 'kvdoctor: --subscription: give the subscription (GUID) that holds the vault; only it will be read\n'],
    [['--subscription', SUB, '--tenant', '00000000-0000-0000-0000-000000000001'], 'kvdoctor: live check of hypervmigratio98a5kv: tenant a1a2578a-8fd3-4595-bb18-7d17df8944b0 (from the log) is not on the allow-list\n'],
  ])('a live check refuses before any request: %j', (flags, stderr) => {
    const r = kvdoctor(['check', 'hypervmigratio98a5kv', ...flags, '--log', AZDO_LOG]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(stderr);
  });

  it('a live check without a log reads the configuration, and needs the vault\'s tenant to allow', () => {
    const r = kvdoctor(['check', 'hypervmigratio98a5kv', '--subscription', SUB]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('kvdoctor: --tenant: give the tenant (GUID) of the vault\n');
  });
});
