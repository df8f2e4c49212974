import { diagnose } from '../../diagnose';
import { ServiceTagIndex } from '../../network/service-tag-index';
import { compileServiceTags } from '../../network/service-tags';
import { fixtureText, testRule } from '../../rule-kit/test-rule';
import { fixtures } from './fixtures';
import rule from './rule';

testRule(rule, fixtures);

describe('firewall: platform-aware advice', () => {
  const seed = fixtures[0]?.text ?? '';

  test('the variable-group form blames the Azure DevOps service, not the agent', () => {
    const [finding] = diagnose(seed).findings;
    expect(finding?.rule).toBe('firewall');
    expect(finding?.causes[0]).toMatch(/^The Azure DevOps service itself read the vault to link or edit a variable group/);
    expect(finding?.summary).toBe(
      "The firewall of Key Vault hypervmigratio98a5kv refused client address 40.82.190.38: it matches none of the vault's IP or virtual-network rules, and the caller is not a trusted Microsoft service.",
    );
  });

  test('the Bicep and Terraform fixes write the address as /32', () => {
    const [finding] = diagnose(seed).findings;
    const commands = finding?.fixes.flatMap((f) => f.commands) ?? [];
    expect(commands.find((c) => c.tool === 'bicep')?.text).toContain("{ value: '40.82.190.38/32' }");
    expect(commands.find((c) => c.tool === 'terraform')?.text).toContain('ip_rules       = ["40.82.190.38/32"]');
  });

  test('a hosted Azure DevOps agent gets the add-then-always-remove pipeline pair', () => {
    const log = [
      "Agent name: 'Azure Pipelines 3'",
      '##[error]Client address is not authorized and caller is not a trusted service.',
      'Client address: 20.55.1.2',
      'Vault: kv-app;location=eastus',
    ].join('\n');
    const report = diagnose(log);
    expect(report.platform).toEqual({ ci: 'azure-devops', agent: 'microsoft-hosted', host: 'unknown' });
    const pipeline = report.findings[0]?.fixes.flatMap((f) => f.commands).find((c) => c.tool === 'azure-pipelines');
    expect(pipeline?.text).toContain('  condition: always()');
    expect(pipeline?.text).toContain('az keyvault network-rule remove --name kv-app --ip-address "$(AGENT_IP)/32"');
  });

  test('a private client address never gets an IP-rule fix', () => {
    const log = 'Client address is not authorized and caller is not a trusted service.\r\nClient address: 10.1.2.3\r\nVault: kv-private;location=westeurope';
    const [finding] = diagnose(log).findings;
    expect(finding?.facts.clientIpClass).toBe('private-ipv4');
    const commands = finding?.fixes.flatMap((f) => f.commands.map((c) => c.text)) ?? [];
    expect(commands.some((c) => c.includes('--ip-address 10.1.2.3'))).toBe(false);
    expect(commands).toContain('az keyvault network-rule add --name kv-private --subnet <subnet-resource-id>');
  });

  test('the same refusal repeated 40 times is one finding with count 40', () => {
    const line = '2024-03-01T10:00:00.0000000Z ##[error]Client address is not authorized and caller is not a trusted service.\\r\\nClient address: 52.1.2.3\\r\\nVault: kv-rep;location=eastus';
    const log = Array.from({ length: 40 }, () => line).join('\n');
    const report = diagnose(log);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]?.count).toBe(40);
    expect(report.findings[0]?.evidence[0]).toEqual({ line: 1, text: 'Client address is not authorized and caller is not a trusted service.' });
  });
});

/** A ServiceTags_Public.json-shaped index: AzureCloud.<region> tags with as many /24 prefixes as given. */
function serviceTags(perRegion: Record<string, number>): ServiceTagIndex {
  const values = Object.entries(perRegion).map(([region, n], r) => ({
    name: `AzureCloud.${region}`,
    properties: { region, systemService: '', addressPrefixes: Array.from({ length: n }, (_, i) => `${20 + r}.${Math.floor(i / 256)}.${i % 256}.0/24`) },
  }));
  return ServiceTagIndex.lazy(() => compileServiceTags({ changeNumber: 305, cloud: 'Public', values }, { asOf: '2024-05-06' }));
}

const refusal = (ip: string, location: string): string =>
  `Client address is not authorized and caller is not a trusted service.\r\nClient address: ${ip}\r\nCaller: appid=00000000-0000-0000-0000-000000000001;oid=00000000-0000-0000-0000-000000000002\r\nVault: kv-app;location=${location}`;

describe('firewall: who owns the refused address', () => {
  test('the seed 40.82.190.38 is Azure DevOps, Canada, and the fix allows Canada\'s published range', () => {
    const [finding] = diagnose(fixtures[0]?.text ?? '').findings;
    expect(finding?.facts.clientIpOwner).toEqual({
      kind: 'azure-devops',
      geography: 'Canada',
      range: '40.82.190.38/32',
      list: 'Azure DevOps data-migration IPs: Azure DevOps Services, Canada Central',
      source: 'https://learn.microsoft.com/en-us/azure/devops/migrate/migration-import-large-collections#ips',
      asOf: '2021-04-01',
    });
    expect(finding?.causes[0]).toBe(
      "The Azure DevOps service itself read the vault to link or edit a variable group: client address 40.82.190.38 is Azure DevOps Canada (Azure DevOps data-migration IPs: Azure DevOps Services, Canada Central, 40.82.190.38/32, published 2021-04-01). It calls from its geography's published inbound ranges, not from your agent, and Azure DevOps is not a trusted service.",
    );
    const geography = finding?.fixes.find((f) => f.title === 'Allow the published inbound ranges of Azure DevOps Canada');
    expect(geography?.commands.map((c) => c.text)).toEqual([
      'az keyvault network-rule add --name hypervmigratio98a5kv --ip-address 52.228.82.0/24\naz keyvault network-rule add --name hypervmigratio98a5kv --ip-address 40.82.190.38',
      'Add-AzKeyVaultNetworkRule -VaultName hypervmigratio98a5kv -IpAddressRange 52.228.82.0/24\nAdd-AzKeyVaultNetworkRule -VaultName hypervmigratio98a5kv -IpAddressRange 40.82.190.38',
      "properties: {\n  networkAcls: {\n    defaultAction: 'Deny'\n    bypass: 'AzureServices'\n    ipRules: [\n      { value: '52.228.82.0/24' }\n      { value: '40.82.190.38/32' }\n    ]\n  }\n}",
      'resource "azurerm_key_vault" "this" {\n  # …\n  network_acls {\n    default_action = "Deny"\n    bypass         = "AzureServices"\n    ip_rules = [\n      "52.228.82.0/24",\n      "40.82.190.38/32",\n    ]\n  }\n}',
    ]);
    // The service calls at link time, outside any run: no add-then-remove pipeline pair.
    expect(finding?.fixes.some((f) => f.commands.some((c) => c.tool === 'azure-pipelines'))).toBe(false);
  });

  test('an Azure DevOps United States address gets every US range', () => {
    const [finding] = diagnose(refusal('20.42.5.17', 'eastus')).findings;
    expect(finding?.facts.clientIpOwner).toMatchObject({ kind: 'azure-devops', geography: 'United States', range: '20.42.5.0/24', asOf: '2024-06-19' });
    const fix = finding?.fixes.find((f) => f.title === 'Allow the published inbound ranges of Azure DevOps United States');
    expect(fix?.commands.find((c) => c.tool === 'az')?.text.split('\n').map((l) => l.replace('az keyvault network-rule add --name kv-app --ip-address ', ''))).toEqual([
      '20.37.158.0/23',
      '52.150.138.0/24',
      '20.42.5.0/24',
      '20.41.6.0/23',
      '40.80.187.0/24',
      '40.119.10.0/24',
      '40.82.252.0/24',
      '20.42.134.0/23',
    ]);
    expect(fix?.steps[0]).toBe(
      'These are the published inbound ranges of Azure DevOps United States (for the United States, all US regions: the service may call from any of them), from https://learn.microsoft.com/en-us/azure/devops/organizations/security/allow-list-ip-url#inbound-connections (2024-06-19).',
    );
  });

  test('an Azure region address is a Microsoft-hosted agent: weekly ranges, prefix count against the 1000-rule limit', () => {
    const tags = serviceTags({ eastus: 379, eastus2: 673, centralus: 20 });
    const [finding] = diagnose(`Agent name: 'Azure Pipelines 3'\n${refusal('20.0.1.7', 'eastus')}`, { serviceTags: tags }).findings;
    expect(finding?.facts.clientIpOwner).toEqual({
      kind: 'azure',
      region: 'eastus',
      serviceTag: 'AzureCloud.eastus',
      range: '20.0.1.0/24',
      source: 'https://www.microsoft.com/en-us/download/details.aspx?id=56519',
      asOf: '2024-05-06',
    });
    expect(finding?.causes).toContain(
      'Client address 20.0.1.7 is in Azure East US (AzureCloud.eastus, range 20.0.1.0/24, service tags of 2024-05-06): a Microsoft-hosted agent or GitHub-hosted runner made the call. Its address changes from run to run, and the ranges change with Microsoft\'s weekly service-tag update.',
    );
    // No lasting rule for one address: the agent's next run calls from another of the region's prefixes.
    expect(finding?.fixes.map((f) => f.title)).toEqual([
      'Do not allow-list Azure East US (AzureCloud.eastus): use a self-hosted agent or a private endpoint',
      "Open kv-app's firewall to the runner only while the job runs",
      'Run the job where the vault can see it',
    ]);
    expect(finding?.causes.some((c) => c.startsWith('The agent, runner or workstation that made the call'))).toBe(false);
    const advice = finding?.fixes[0];
    expect(advice?.steps[0]).toBe(
      "AzureCloud.eastus has 379 IPv4 prefixes, and the United States geography's regions 1072, against Key Vault's limit of 1000 IPv4 rules (1000 left): they cannot fit. Hosted agents run anywhere in the organisation's geography.",
    );
    expect(finding?.fixes.flatMap((f) => f.commands).some((c) => c.tool === 'azure-pipelines' && c.text.includes('condition: always()'))).toBe(true);
  });

  test('an unknown public address is most likely the self-hosted agent or office egress', () => {
    const tags = serviceTags({ eastus: 2 });
    const [finding] = diagnose(refusal('203.0.114.9', 'westeurope'), { serviceTags: tags }).findings;
    expect(finding?.facts.clientIpOwner).toEqual({ kind: 'unknown' });
    expect(finding?.causes[0]).toBe(
      "Client address 203.0.114.9 is in no published Azure DevOps or Azure range: most likely your self-hosted agent or your office's egress address, which is not in the vault's IP rules.",
    );
    expect(finding?.fixes[0]?.commands[0]?.text).toBe('az keyvault network-rule add --name kv-app --ip-address 203.0.114.9');
  });

  test('without service-tag data the unknown-owner cause says Azure addresses cannot be told apart', () => {
    const [finding] = diagnose(refusal('203.0.114.9', 'westeurope')).findings;
    expect(finding?.causes[0]).toBe(
      "Client address 203.0.114.9 is in no published Azure DevOps range (no Azure service-tag data was given, so Azure datacenter addresses cannot be told apart): most likely your self-hosted agent or your office's egress address, which is not in the vault's IP rules.",
    );
  });

  test('an IPv6 caller never gets an IP rule', () => {
    const [finding] = diagnose(refusal('2a01:111:f400::12', 'westeurope')).findings;
    expect(finding?.facts.clientIpClass).toBe('public-ipv6');
    expect(finding?.facts.clientIpOwner).toBeUndefined();
    const commands = finding?.fixes.flatMap((f) => f.commands.map((c) => c.text)) ?? [];
    expect(commands.some((c) => c.includes('2a01:111:f400::12'))).toBe(false);
    expect(finding?.fixes.map((f) => f.title)).toContain('Reach the vault over IPv4 or a private endpoint');
  });

  test('a log with no public address never loads the service-tag index', () => {
    let loads = 0;
    const tags = ServiceTagIndex.lazy(() => {
      loads += 1;
      return { ok: false, error: { code: 'invalid-service-tags', message: 'must not be read' } };
    });
    const logs = [refusal('10.1.2.3', 'westeurope'), refusal('2a01:111:f400::12', 'westeurope'), fixtures[1]?.text ?? '', 'nothing to see here'];
    for (const log of logs) diagnose(log, { serviceTags: tags });
    expect([loads, tags.status]).toEqual([0, 'not-loaded']);
    diagnose(refusal('203.0.114.9', 'westeurope'), { serviceTags: tags });
    expect([loads, tags.status]).toEqual([1, 'failed']);
  });
});

describe('firewall: two refusals on consecutive lines keep their own facts', () => {
  test('the seed message followed by the Terraform message gives two findings, each with its vault', () => {
    const seed = fixtureText(fixtures, 'Azure DevOps variable group linking');
    const terraform = fixtureText(fixtures, 'Terraform azurerm refresh');
    const report = diagnose(`${seed}\n${terraform}`);
    expect(report.findings.map((f) => [f.rule, f.facts.vault, f.facts.clientIp])).toEqual([
      ['firewall', 'hypervmigratio98a5kv', '40.82.190.38'],
      ['firewall', 'XXX-keyvault-prod', undefined],
    ]);
  });
});

describe('firewall: on a hosting service, its own network path replaces the runner advice', () => {
  test('AKS CSI driver: the nodes\' subnet, no IP rule, no self-hosted agent', () => {
    const [finding] = diagnose(fixtureText(fixtures, "AKS CSI driver pod event: the nodes' subnet is refused; the fix admits the node pool subnet")).findings;
    expect(finding?.causes[0]).toBe(
      "The CSI driver's provider runs on the node's host network: the vault sees the nodes' subnet or the cluster's outbound address, and AKS is not a trusted service, so only a rule for that subnet or address, or a private endpoint, admits it.",
    );
    expect(finding?.fixes.map((f) => f.title)).toEqual(['Let the AKS nodes reach <vault-name>']);
    // Only the detected host's pages follow the family's own.
    expect(finding?.docs.slice(4).map((d) => d.url)).toEqual([
      'https://learn.microsoft.com/en-us/azure/aks/csi-secrets-store-identity-access',
      'https://learn.microsoft.com/en-us/troubleshoot/azure/azure-kubernetes/extensions/troubleshoot-key-vault-csi-secrets-store-csi-driver',
    ]);
  });

  test('a log from no hosting service lists none of the hosts\' pages', () => {
    const [finding] = diagnose('ERROR: (Forbidden) Client address is not authorized and caller is not a trusted service.\nClient address: 20.1.2.3\nVault: kv-one;location=eastus').findings;
    expect(finding?.docs).toHaveLength(4);
    expect(rule.meta.docs).toHaveLength(11);
  });

  test('Data Factory: trusted-service bypass, and why a Web activity or a self-hosted runtime is not covered by it', () => {
    const [finding] = diagnose(fixtureText(fixtures, 'Data Factory Web activity refused by the firewall: trusted-service bypass, and its limit for direct calls')).findings;
    expect(finding?.causes[0]).toBe(
      "Azure Data Factory is a trusted Microsoft service: it passes the vault's network rules only when the vault lets trusted services through (bypass AzureServices). Data Factory is trusted only for fetching linked-service credentials, and only from its Azure integration runtime: a self-hosted integration runtime is not a trusted service, and a Web activity or other direct call to the vault's REST API is an ordinary client of the vault.",
    );
    expect(finding?.fixes[0]?.steps.slice(1)).toEqual([
      "For a Web activity or any other direct call on the Azure integration runtime: run it in a managed virtual network with a managed private endpoint to the vault, or add the Azure integration runtime's IP addresses (service tag DataFactory.<region>) to the vault's IP rules.",
      "On a self-hosted integration runtime: admit the machine's outbound public address in the vault's IP rules, or give its network a private endpoint to the vault.",
    ]);
  });
});
