import { checkSync } from 'recheck';
import { diagnose } from '../../diagnose';
import { UNKNOWN_PLATFORM } from '../../platform/detect';
import { commandTexts, findingOf, fixtureText, testRule } from '../../rule-kit/test-rule';
import { fixtures } from './fixtures';
import rule, { ANCHOR } from './rule';

testRule(rule, fixtures);

describe('private-endpoint-dns: which failure, which advice', () => {
  test('the anchor is built at run time, so it is ReDoS-checked here (the source scan cannot see it)', () => {
    expect(checkSync(ANCHOR.source, ANCHOR.flags, { checker: 'automaton', timeout: 5000 }).status).toBe('safe');
  });

  test('an unresolved vault name is explained as DNS, not as a permission problem', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Container Apps secret sync: Go resolver, vault name does not resolve'));
    expect(finding.rule).toBe('private-endpoint-dns');
    expect(finding.summary).toBe(
      'The name someakv.vault.azure.net did not resolve where the job ran, so the request never reached Key Vault (this is DNS, not a permission problem).',
    );
    expect(finding.causes[0]).toBe('The vault name is misspelled (check the URL, keyVaultName or --vault-name input), or the vault was deleted.');
  });

  test('the privatelink host used directly gets the "use the public name" fix first', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'External Secrets Operator with the privatelink URL: x509 name mismatch'));
    expect(finding.summary).toBe(
      "The client was pointed at the private-link name of <vault-name> instead of <vault-name>.vault.azure.net: the token audience and the TLS certificate only work with the vault's public name, so the request failed before Key Vault saw it.",
    );
    expect(finding.fixes[0]?.title).toBe('Use https://<vault-name>.vault.azure.net/ in the client configuration');
  });

  test('a US Government vault gets its own host suffix and private zone', () => {
    const e = rule.explain({ facts: { vault: 'kv-gov' }, details: { cloud: 'usgov', message: 'ENOTFOUND kv-gov.vault.usgovcloudapi.net' }, platform: UNKNOWN_PLATFORM });
    const commands = commandTexts(e);
    expect(commands).toContain('nslookup kv-gov.vault.usgovcloudapi.net');
    expect(commands).toContain('az network private-dns zone create --resource-group <dns-zone-resource-group> --name privatelink.vaultcore.usgovcloudapi.net');
  });

  test('a masked host (xxxx) is recognised but never becomes the vault fact', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Databricks secret scope backed by Key Vault: UnknownHostException (host masked xxxx)'));
    expect(finding.facts.vault).toBeUndefined();
    const commands = commandTexts(finding);
    expect(commands).toContain('nslookup <vault-name>.vault.azure.net');
  });
});

describe('AADSTS500011 for the privatelink resource is not a name-resolution failure', () => {
  test('only the aad family reports it: the token was asked for the wrong resource', () => {
    const text = fixtureText(fixtures, 'Vault auto-unseal with the privatelink host');
    expect(diagnose(text).findings.map((f) => f.rule)).toEqual(['aad']);
  });
});

describe('private-endpoint-dns: on the AKS CSI driver', () => {
  test("the node's DNS resolves the vault, so the zone must be linked to the cluster's network", () => {
    const e = rule.explain({ facts: { vault: 'kv-one' }, details: {}, platform: { ...UNKNOWN_PLATFORM, host: 'aks-csi-driver' } });
    expect(e.causes[0]).toBe(
      "The CSI driver's provider runs on the node's host network and resolves the vault name with the node's DNS: the privatelink.vaultcore.azure.net zone needs a virtual network link to the AKS cluster's virtual network (and peering to the endpoint's network), or the nodes resolve the vault to its public address.",
    );
    const plain = rule.explain({ facts: { vault: 'kv-one' }, details: {}, platform: UNKNOWN_PLATFORM });
    expect(e.causes.slice(1)).toEqual(plain.causes);
  });
});
