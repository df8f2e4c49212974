import { diagnose } from '../../diagnose';
import type { Finding } from '../../report/schema';
import { fixtureText, testRule } from '../../rule-kit/test-rule';
import { fixtures, TASK_WITH_RBAC, VARIABLE_GROUP_WITH_FIREWALL } from './fixtures';
import rule from './rule';

testRule(rule, fixtures);

function only(text: string, id: string): Finding {
  const findings = diagnose(text).findings;
  expect(findings.map((f) => f.rule)).toEqual([id]);
  const [finding] = findings;
  if (!finding) throw new Error('no finding');
  return finding;
}

describe('service-connection-permissions: a wrapper, dropped when the wrapped message is explained', () => {
  test('banner + ForbiddenByFirewall text: only firewall is reported, with the refused address', () => {
    const finding = only(VARIABLE_GROUP_WITH_FIREWALL, 'firewall');
    expect(finding.facts.clientIp).toBe('40.74.28.0');
  });

  test('AzureKeyVault@2 + ForbiddenByRbac text: only rbac is reported, for the task\'s secret', () => {
    const finding = only(TASK_WITH_RBAC, 'rbac');
    expect(finding.facts.objectName).toBe('BotAccount-dotnet-maestro-bot-no-scopes-PAT');
  });

  test('alone, the task form explains the appended sentence and the access-policy-only script', () => {
    const text = fixtureText(fixtures, 'AzureKeyVault task on a release');
    const finding = only(text, 'service-connection-permissions');
    expect(finding.summary).toBe(
      'Azure DevOps\' Key Vault task asked for "Get, List" permissions on <vault-name>, but it adds that sentence to every HTTP 403: the refusal itself (firewall, Azure RBAC or access policy) is the message before it.',
    );
    expect(finding.causes[0]).toMatch(/^The AzureKeyVault task appends "needs to have Get, List secret management permissions" to every 403 from Key Vault/);
    expect(finding.causes[0]).toContain('ProvisionKeyVaultPermissions.ps1 only sets an access policy');
    expect(finding.fixes.map((f) => f.title)).toEqual([
      'See what actually refused the request to <vault-name>',
      'Azure RBAC vault: grant Key Vault Secrets User to the service connection',
      'Access-policy vault: give the service connection Get and List on secrets',
      "Let the caller through <vault-name>'s network rules",
    ]);
  });

  test('alone, the variable-group banner points at the Azure DevOps service and its geography ranges', () => {
    const text = fixtures[0]?.text ?? '';
    const finding = only(text, 'service-connection-permissions');
    expect(finding.causes[0]).toMatch(/^The Library reads the vault from the Azure DevOps service itself/);
    expect(finding.fixes[3]?.steps[0]).toMatch(/^Azure DevOps → Organization settings → Overview: note the geography/);
  });
});
