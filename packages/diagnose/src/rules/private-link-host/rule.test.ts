import { checkSync } from 'recheck';
import { diagnose } from '../../diagnose';
import { UNKNOWN_PLATFORM } from '../../platform/detect';
import { commandTexts, findingOf, fixtureText, testRule } from '../../rule-kit/test-rule';
import { fixtures } from './fixtures';
import rule, { BUILT } from './rule';

testRule(rule, fixtures);

describe('private-link-host: a connection that reached Key Vault on the wrong address', () => {
  test.each(BUILT.map((re) => [re.source] as const))('the run-time regex %s cannot backtrack catastrophically', (source) => {
    expect(checkSync(source, 'i', { checker: 'automaton', timeout: 5000 }).status).toBe('safe');
  });

  test('is reported alone, as a host mismatch rather than DNS that did not resolve', () => {
    const text = fixtureText(fixtures, 'Key Vault Q&A');
    expect(diagnose(text).findings.map((f) => f.rule)).toEqual(['private-link-host']);
    const finding = findingOf(rule, text);
    expect(finding.causes.map((c) => c.slice(0, 60))).toEqual([
      '<vault-name>.vault.azure.net resolves to the wrong private a',
      "<vault-name>.vault.azure.net resolves to the vault's public ",
      'The client called the vault by IP address or a custom DNS na',
      'A proxy or gateway between the client and the private endpoi',
    ]);
    expect(finding.summary).toBe(
      'Key Vault refused the connection for <vault-name>.vault.azure.net (403 "This TCP connection does not allow access"): it arrived on an address that does not serve that vault, such as another vault\'s private endpoint, or the vault was called by IP address or another name.',
    );
  });

  test('a known vault fills every command with its name, host and private zone', () => {
    const e = rule.explain({ facts: { vault: 'kv-payments' }, details: {}, platform: UNKNOWN_PLATFORM });
    const commands = commandTexts(e);
    expect(commands).toContain('az keyvault show --name kv-payments --query properties.vaultUri --output tsv');
    expect(commands).toContain('(Get-AzKeyVault -VaultName kv-payments).VaultUri');
    expect(commands).toContain('nslookup kv-payments.vault.azure.net');
    expect(commands).toContain('az network private-dns record-set a delete --resource-group <dns-zone-resource-group> --zone-name privatelink.vaultcore.azure.net --name kv-payments --yes');
    expect(e.fixes.map((f) => f.title)).toEqual([
      'Call https://kv-payments.vault.azure.net/ by its name, never by IP address or another name',
      "Check that kv-payments.vault.azure.net resolves to kv-payments's own private endpoint",
      "Let the private endpoint manage kv-payments's record in privatelink.vaultcore.azure.net",
    ]);
  });

  test('a US Government vault gets its own host and private zone', () => {
    const commands = commandTexts(rule.explain({ facts: { vault: 'kv-gov' }, details: { cloud: 'usgov' }, platform: UNKNOWN_PLATFORM }));
    expect(commands).toContain('nslookup kv-gov.vault.usgovcloudapi.net');
    expect(commands).toContain('az network private-dns record-set a list --resource-group <dns-zone-resource-group> --zone-name privatelink.vaultcore.usgovcloudapi.net --output table');
  });
});
