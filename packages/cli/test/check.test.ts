import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AZDO_LOG, buildCli, CLEAN_LOG, kvdoctor, ROOT, tempDir } from './helpers/cli';

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
    expect([doc.tool, doc.command]).toEqual(['kvdoctor', 'check']);
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

describe('kvdoctor check: the wrong vault', () => {
  const FIREWALL_FAIL_COMMAND = '             az keyvault network-rule add --resource-group rg-hyperv-migration --name hypervmigratio98a5kv --ip-address 40.82.190.38';
  const azdoLog = (): string => readFileSync(join(ROOT, AZDO_LOG), 'utf8');

  it('refuses az JSON of another vault than the one named, before reading the log (exit 2, one line)', () => {
    writeFileSync(vaultJson, FIREWALLED_VAULT.replaceAll('hypervmigratio98a5kv', 'othervault01'));
    const r = kvdoctor(['check', 'hypervmigratio98a5kv', '--from-az-json', vaultJson, '--log', AZDO_LOG]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`kvdoctor: --from-az-json ${vaultJson}: describes vault othervault01, not hypervmigratio98a5kv: give the output of az keyvault show --name hypervmigratio98a5kv\n`);
  });

  it('says the log is about another vault instead of "nothing to check" (exit 2, one line)', () => {
    writeFileSync(vaultJson, FIREWALLED_VAULT.replaceAll('hypervmigratio98a5kv', 'othervault01'));
    const r = kvdoctor(['check', 'othervault01', '--from-az-json', vaultJson, '--log', AZDO_LOG]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`kvdoctor: --log ${AZDO_LOG}: its Key Vault errors are about hypervmigratio98a5kv, not othervault01: check that vault, or give the log of othervault01\n`);
  });

  it('says so for a live check too, before any sign-in', () => {
    const r = kvdoctor(['check', 'othervault01', '--subscription', SUB, '--log', AZDO_LOG]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`kvdoctor: --log ${AZDO_LOG}: its Key Vault errors are about hypervmigratio98a5kv, not othervault01: check that vault, or give the log of othervault01\n`);
  });

  it('checks the findings about the vault and names the ones about other vaults it left out', () => {
    const log = join(tmp.dir, 'two-vaults.log');
    writeFileSync(log, `${azdoLog()}${azdoLog().replaceAll('hypervmigratio98a5kv', 'othervault01').replaceAll('40.82.190.38', '52.1.2.3')}`);
    const r = kvdoctor(['check', 'hypervmigratio98a5kv', '--from-az-json', vaultJson, '--log', log]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`kvdoctor: --log ${log}: 1 finding about othervault01 left out (not the vault checked)\n`);
    expect(r.stdout.split('\n')).toContain(FIREWALL_FAIL_COMMAND);
    expect(r.stdout).not.toContain('othervault01');
  });

  it('compares names case-insensitively and takes the vault URL as well as its name', () => {
    for (const name of ['HypervMigratio98A5KV', 'https://hypervmigratio98a5kv.vault.azure.net/', 'hypervmigratio98a5kv.vault.azure.net']) {
      const r = kvdoctor(['check', name, '--from-az-json', vaultJson, '--log', AZDO_LOG]);
      expect([name, r.status, r.stderr]).toEqual([name, 1, '']);
      expect(r.stdout.split('\n')).toContain(FIREWALL_FAIL_COMMAND);
    }
  });

  it.each(['kv', 'a234567890123456789012345', 'kv_1', 'kv 1', "kv1'; rm -rf ~"])('refuses %j: no vault can have that name (exit 2)', (name) => {
    const r = kvdoctor(['check', name, '--from-az-json', vaultJson]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('kvdoctor: <vault>: not a Key Vault name (3–24 letters, digits and hyphens)\n');
  });
});

describe('kvdoctor check: --from-az-json as Windows writes it', () => {
  it.each([
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIREWALLED_VAULT, 'utf8')])],
    // Windows PowerShell 5.1's `az keyvault show ... > vault.json`: UTF-16LE with a mark and CRLF.
    ['UTF-16LE (PowerShell >)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIREWALLED_VAULT.replaceAll('\n', '\r\n'), 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(FIREWALLED_VAULT, 'utf16le').swap16()])],
  ])('reads %s like diagnose reads logs', (_label, bytes) => {
    writeFileSync(vaultJson, bytes);
    const r = kvdoctor(['check', 'hypervmigratio98a5kv', '--from-az-json', vaultJson, '--log', AZDO_LOG]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toContain('             az keyvault network-rule add --resource-group rg-hyperv-migration --name hypervmigratio98a5kv --ip-address 40.82.190.38');
  });

  it('names a malformed file without quoting it', () => {
    writeFileSync(vaultJson, 'Bearer eyJhbGciOiJSUzI1NiJ9 is not json');
    const r = kvdoctor(['check', 'hypervmigratio98a5kv', '--from-az-json', vaultJson]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`kvdoctor: --from-az-json ${vaultJson}: not JSON (unexpected character)\n`);
  });
});

describe('kvdoctor check: an IPv4-mapped client address', () => {
  it('is checked and fixed as its IPv4 address (Key Vault rejects ::ffff:… rules)', () => {
    const log = join(tmp.dir, 'mapped.log');
    writeFileSync(log, readFileSync(join(ROOT, AZDO_LOG), 'utf8').replace('Client address: 40.82.190.38', 'Client address: ::ffff:52.1.2.3'));
    const r = kvdoctor(['check', 'hypervmigratio98a5kv', '--from-az-json', vaultJson, '--log', log]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(
      '  ✖ fail     firewall              defaultAction Deny, bypass AzureServices, 52.1.2.3 matches no ipRule (2 rules); 52.1.2.3 is in no published Azure DevOps range: likely your self-hosted agent or office egress → add this address',
    );
    expect(lines).toContain('             az keyvault network-rule add --resource-group rg-hyperv-migration --name hypervmigratio98a5kv --ip-address 52.1.2.3');
    expect(r.stdout).not.toContain('::ffff');
  });

  it('is offered as the IPv4 address in every diagnose fix', () => {
    const log = join(tmp.dir, 'mapped.log');
    writeFileSync(log, readFileSync(join(ROOT, AZDO_LOG), 'utf8').replace('Client address: 40.82.190.38', 'Client address: ::ffff:52.1.2.3'));
    const r = kvdoctor(['diagnose', log]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('    Client address           52.1.2.3 (public-ipv4)');
    expect(lines).toContain('       az keyvault network-rule add --name hypervmigratio98a5kv --ip-address 52.1.2.3');
    expect(lines).toContain('       Add-AzKeyVaultNetworkRule -VaultName hypervmigratio98a5kv -IpAddressRange 52.1.2.3');
    expect(lines).toContain("             { value: '52.1.2.3/32' }");
    expect(lines).toContain('           ip_rules       = ["52.1.2.3/32"]');
    expect(lines.filter((l) => l.includes('::ffff')).map((l) => l.trim())).toEqual(['line 3: Client address: ::ffff:52.1.2.3']);
  });
});
