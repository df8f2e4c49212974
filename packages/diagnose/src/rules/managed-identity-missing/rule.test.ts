import { explain } from '../../explain';
import { findingOf, fixtureText, testRule } from '../../rule-kit/test-rule';
import { fixtures } from './fixtures';
import rule from './rule';

testRule(rule, fixtures);

describe('managed-identity-missing', () => {
  test('MSINotEnabled: the app has no identity; enable it, then grant it the read', () => {
    const finding = findingOf(rule, fixtureText(fixtures, "App Service portal: reference status MSINotEnabled; turn the app's identity on, then grant it"));
    expect(finding.summary).toBe(
      'App Service could not resolve the Key Vault reference because the app has no managed identity (status MSINotEnabled), so no token was requested and Key Vault bjhp-keyvault-prod was never called.',
    );
    expect(finding.causes[0]).toBe('The app has no system-assigned managed identity, and `keyVaultReferenceIdentity` does not name a user-assigned identity attached to it.');
    expect(finding.fixes.map((f) => f.title)).toEqual(["Turn on the app's managed identity", "Grant the App Service app's managed identity access to bjhp-keyvault-prod"]);
  });

  test('Identity not found on the CSI driver: the SecretProviderClass identity comes first', () => {
    const finding = findingOf(rule, fixtureText(fixtures, "CSI driver with a wrong userAssignedIdentityID: IMDS answers Identity not found (Microsoft's AKS troubleshooting article)"));
    expect(finding.causes[0]).toBe(
      'The `userAssignedIdentityID` in the SecretProviderClass is not the client ID of an identity assigned to the node pool (with `useVMManagedIdentity: "true"` the provider asks the node\'s managed identity endpoint for that client ID).',
    );
    expect(finding.fixes.map((f) => f.title)).toEqual(['Point the SecretProviderClass at the add-on identity', 'Assign the identity to the machine that calls']);
  });

  test('Identity not found elsewhere: no CSI advice', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'bank-vaults unsealer on a VM scale set: the escaped IMDS answer'));
    expect(finding.causes.join(' ')).not.toContain('SecretProviderClass');
    expect(finding.fixes.map((f) => f.title)).toEqual(['Assign the identity to the machine that calls']);
  });

  test('`kvdoctor explain MSINotEnabled` answers for App Service', () => {
    const e = explain('MSINotEnabled');
    expect(e.ok && e.value.rule).toBe('managed-identity-missing');
    expect(e.ok && e.value.fixes[0]?.commands[0]?.text).toBe('az webapp identity assign --resource-group <resource-group> --name <app-name>');
  });
});
