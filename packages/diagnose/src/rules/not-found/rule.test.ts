import { UNKNOWN_PLATFORM } from '../../platform/detect';
import { findingOf, fixtureText, testRule } from '../../rule-kit/test-rule';
import { fixtures } from './fixtures';
import { versionNote } from './note';
import rule from './rule';

testRule(rule, fixtures);

describe('not-found: advice', () => {
  test('the Container Apps 404 names the vault and the secret', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Container Apps secret sync: GET of a pinned version answers SecretNotFound'));
    expect(finding.summary).toBe('Key Vault someakv has no secret named somesecret: Key Vault found nothing to return.');
    expect(finding.confidence).toBe('high');
  });

  test('a name with an underscore is explained as an invalid name first, with a valid spelling', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'AL-Go on GitHub Actions: secret name with an underscore (BadParameter)'));
    expect(finding.summary).toBe(
      '"UAT_AuthContext" is not a valid Key Vault secret name (only 0-9, a-z, A-Z and - are allowed), so the key vault cannot hold a secret by that name.',
    );
    expect(finding.causes[0]).toMatch(/^The name "UAT_AuthContext" has characters Key Vault does not allow/);
    expect(finding.fixes[0]?.title).toBe('Use a valid secret name');
    expect(finding.fixes[0]?.steps[0]).toContain('for example UAT-AuthContext;');
  });

  test('a bare track-1 NotFound is reported with medium confidence only when the stack is Key Vault\'s', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Track-1 .NET KeyVaultErrorException NotFound with a Key Vault stack'));
    expect(finding.confidence).toBe('medium');
    expect(finding.evidence[0]?.text).toBe("**Microsoft.Azure.KeyVault.Models.KeyVaultErrorException: Operation returned an invalid status code 'NotFound'**");
  });

  test('a pinned version gets a version check', () => {
    const e = rule.explain({
      facts: { objectType: 'certificate', objectName: 'tls', vault: 'kv-web' },
      details: { message: versionNote('3f1c2e5a9b7d4c0e8a6b1d2f3e4c5b6a') },
      platform: UNKNOWN_PLATFORM,
    });
    expect(e.summary).toBe('Key Vault kv-web has no certificate named tls with version 3f1c2e5a9b7d4c0e8a6b1d2f3e4c5b6a: Key Vault found nothing to return.');
    expect(e.fixes.map((f) => f.title)).toEqual(['Check the certificate name and the vault', 'Check the version in the reference', 'Recover the certificate if it was deleted']);
    expect(e.fixes[1]?.commands[0]?.text).toBe(
      'az keyvault certificate list-versions --vault-name kv-web --name tls --query "[].{id:id, enabled:attributes.enabled}" -o table',
    );
    expect(e.fixes[2]?.commands.map((c) => c.text)).toContain('Undo-AzKeyVaultCertificateRemoval -VaultName kv-web -Name tls');
  });
});
