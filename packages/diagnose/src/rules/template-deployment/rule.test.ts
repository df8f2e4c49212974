import { commandTexts, findingOf, fixtureText, testRule } from '../../rule-kit/test-rule';
import { fixtures } from './fixtures';
import rule from './rule';

testRule(rule, fixtures);

describe('template-deployment: which gate, in plain words', () => {
  test('deploy/action: the summary names the client, and the least-privilege role is created before it is assigned', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'AzureRM PowerShell deployment: the client lacks deploy/action on a vault in another subscription (masked ids)'));
    expect(finding.summary).toBe('The deploying identity may not use Key Vault kv-dev in a deployment: it lacks Microsoft.KeyVault/vaults/deploy/action on the vault.');
    const commands = commandTexts(finding);
    expect(commands[0]).toBe(
      `az role definition create --role-definition '{"Name":"Key Vault resource manager template deployment operator","IsCustom":true,"Description":"Lets you deploy a resource manager template with the access to the secrets in the Key Vault.","Actions":["Microsoft.KeyVault/vaults/deploy/action"],"NotActions":[],"DataActions":[],"NotDataActions":[],"AssignableScopes":["/subscriptions/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"]}'`,
    );
    expect(finding.fixes.map((f) => f.title)).toEqual(['Give the deploying identity Microsoft.KeyVault/vaults/deploy/action on the vault', 'Allow template deployments to read kv-dev']);
  });

  test('first party refused: the cause is the vault setting, and the Bicep and Terraform properties are given', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'az deployment with a bicepparam getSecret: Access denied to first party service (az --debug output)'));
    expect(finding.summary).toBe(
      'Key Vault <vault-name> refused Azure Resource Manager reading a secret for this deployment: the vault does not allow template deployments (enabledForTemplateDeployment is off).',
    );
    expect(finding.causes).toEqual(['<vault-name> has enabledForTemplateDeployment off: Key Vault then refuses Azure Resource Manager, a first-party service, whatever the deploying identity may do.']);
    const byTool = Object.fromEntries(finding.fixes[0]?.commands.map((c) => [c.tool, c.text]) ?? []);
    expect(byTool.bicep).toBe('properties: {\n  enabledForTemplateDeployment: true\n}');
    expect(byTool.terraform).toBe('resource "azurerm_key_vault" "this" {\n  # …\n  enabled_for_template_deployment = true\n}');
  });

  test('a reference whose status is not shown lists all three gates', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'the same deployment when the referenced secret is missing (as the issue quotes it, cut after the parameter name)'));
    expect(finding.causes).toHaveLength(3);
    expect(finding.fixes.map((f) => f.title)).toEqual([
      'Allow template deployments to read <vault-name>',
      'Check that the referenced secret exists in <vault-name> and is enabled',
      'Give the deploying identity Microsoft.KeyVault/vaults/deploy/action on the vault',
    ]);
  });
});
