import { diagnose } from '../../diagnose';
import { UNKNOWN_PLATFORM } from '../../platform/detect';
import { commandTexts, findingOf, fixtureText, testRule } from '../../rule-kit/test-rule';
import { AZURE_CLI_APP_ID } from './explain';
import { fixtures } from './fixtures';
import rule from './rule';

testRule(rule, fixtures);

describe('public-network-disabled: reading the caller and the gate', () => {
  test('the Azure CLI appid is called out as a person signed in with az login, first', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Terraform azurerm secret refresh by an `az login` user (Azure CLI appid)'));
    expect(finding.rule).toBe('public-network-disabled');
    expect(finding.facts.appId).toBe(AZURE_CLI_APP_ID);
    expect(finding.causes[0]).toBe(
      "The caller's appid 04b07795-8ddb-461a-bbee-02f9e1bf7b46 is the Azure CLI itself: a person signed in with `az login` (or Terraform/azd using Azure CLI authentication) made this call, not the pipeline's service principal or managed identity, so it came from a workstation or agent outside the vault's network.",
    );
    expect(finding.summary).toBe(
      'Key Vault kv-ac76373a has public network access disabled, and this request did not arrive through an approved private endpoint.',
    );
  });

  test('a service principal that is not the Azure CLI gets no az-login cause', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Terraform azurerm 5.x mid-apply, message with real line breaks (issue text cut short)'));
    expect(finding.causes.some((c) => c.includes('az login'))).toBe(false);
  });

  test('the newer text says bypass is off, and the summary says so', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'az keyvault secret show against a locked-down vault, newer text with Vault line (course lab)'));
    expect(finding.summary).toBe(
      'Key Vault es-kv-001 has public network access disabled, and this request did not arrive through an approved private endpoint (trusted-service bypass is off as well).',
    );
    expect(finding.causes).toContain('Trusted Microsoft services are refused as well: bypass is not AzureServices.');
  });

  test('a Container Apps managed identity is named, and its resource group is not put on vault commands', () => {
    const finding = findingOf(rule, fixtureText(fixtures, "Container Apps secret sync, older text with the app's managed identity (xms_mirid)"));
    expect(finding.causes[0]).toMatch(/^The caller is the managed identity of \/subscriptions\/.+\/containerApps\/some-app: that service is not on Key Vault's trusted-services list/);
    const commands = commandTexts(finding);
    expect(commands.some((c) => c.includes('some-rg'))).toBe(false);
  });

  test('the Bicep and Terraform fixes turn public access on and keep Deny', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'az keyvault secret show against a locked-down vault, newer text with Vault line (course lab)'));
    const commands = finding.fixes.flatMap((f) => f.commands);
    expect(commands.find((c) => c.tool === 'bicep')?.text).toBe(
      "properties: {\n  publicNetworkAccess: 'Enabled'\n  networkAcls: {\n    defaultAction: 'Deny'\n    bypass: 'AzureServices'\n    ipRules: [\n      { value: '<client-ip>/32' }\n    ]\n  }\n}",
    );
    expect(commands.find((c) => c.tool === 'terraform')?.text).toContain('  public_network_access_enabled = true\n');
  });

  test('the az layout prints the sentence twice ("(Forbidden) …" and "Message: …"): one finding, counted once, with the inner code', () => {
    const sentence = "Connection is not an approved private link and caller was ignored because bypass is not set to 'AzureServices' and PublicNetworkAccess is set to 'Disabled'.";
    const log = [`ERROR: (Forbidden) ${sentence}`, 'Vault: es-kv-001;location=eastus', 'Code: Forbidden', `Message: ${sentence}`, 'Vault: es-kv-001;location=eastus', 'Inner error: {', '    "code": "ForbiddenByConnection"', '}'].join('\n');
    const found = diagnose(log).findings.filter((f) => f.rule === 'public-network-disabled');
    expect(found.map((f) => [f.count, f.facts.innerErrorCode, f.facts.vault])).toEqual([[1, 'ForbiddenByConnection', 'es-kv-001']]);
  });

  test('a bare ForbiddenByConnection code (no sentence) is found with medium confidence', () => {
    const report = diagnose('Code: ForbiddenByConnection');
    expect(report.findings.map((f) => [f.rule, f.confidence])).toEqual([['public-network-disabled', 'medium']]);
  });

  test('explain works without a log (placeholders, no crash)', () => {
    const e = rule.explain({ facts: {}, details: {}, platform: UNKNOWN_PLATFORM });
    expect(e.summary).toBe('Key Vault <vault-name> has public network access disabled, and this request did not arrive through an approved private endpoint.');
    expect(commandTexts(e)).toContain('az network private-dns link vnet create --resource-group <dns-zone-resource-group> --zone-name privatelink.vaultcore.azure.net --name <link-name> --virtual-network <agent-vnet-resource-id> --registration-enabled false');
  });
});

describe('public-network-disabled: on the AKS CSI driver', () => {
  test('the nodes must reach the private endpoint; no runner or reopen advice', () => {
    const [finding] = diagnose(fixtureText(fixtures, 'AKS CSI driver: private endpoint in another virtual network than the nodes (Microsoft troubleshooting article)')).findings;
    expect(finding?.causes[0]).toBe(
      "The CSI driver's provider runs on the node's host network: the nodes must reach the vault's private endpoint (the privatelink.vaultcore.azure.net zone linked to the AKS virtual network, and peering when the endpoint is in another one); AKS is not a trusted service.",
    );
    expect(finding?.fixes.map((f) => f.title)).toEqual(['Let the AKS nodes reach <vault-name>', "Check <vault-name>'s private endpoint connection and its DNS record"]);
  });
});
