import { diagnose } from '../../diagnose';
import { UNKNOWN_PLATFORM } from '../../platform/detect';
import { commandTexts, testRule } from '../../rule-kit/test-rule';
import { fixtures } from './fixtures';
import rule from './rule';

testRule(rule, fixtures);

describe('disabled-object: advice', () => {
  test('the summary names the object and says permissions are not the problem', () => {
    const [finding] = diagnose(fixtures[0]?.text ?? '').findings;
    expect(finding?.rule).toBe('disabled-object');
    expect(finding?.summary).toBe(
      'The key vault refused to return secret secret1675691542607: it is disabled (enabled = false on the object or on the version asked for), so no caller can read it until it is enabled again.',
    );
    expect(finding?.causes[0]).toMatch(/^Secret secret1675691542607 was disabled on purpose/);
  });

  test('the AzureKeyVault@2 note is always given, and comes first for a task log', () => {
    const plain = rule.explain({ facts: { objectType: 'secret' }, details: {}, platform: UNKNOWN_PLATFORM });
    expect(plain.causes[plain.causes.length - 1]).toMatch(/^AzureKeyVault@2 with SecretsFilter '\*' silently skips disabled and expired secrets/);
    const task = rule.explain({ facts: { objectType: 'secret' }, details: { via: 'azure-key-vault-task' }, platform: UNKNOWN_PLATFORM });
    expect(task.causes[0]).toMatch(/^AzureKeyVault@2 with SecretsFilter '\*'/);
  });

  test('a disabled key gets key commands, quoted for bash and PowerShell', () => {
    const e = rule.explain({ facts: { objectType: 'key', objectName: 'disk-key', vault: 'kv-prod' }, details: {}, platform: UNKNOWN_PLATFORM });
    const commands = commandTexts(e);
    expect(commands).toEqual([
      'az keyvault key set-attributes --vault-name kv-prod --name disk-key --enabled true',
      'Update-AzKeyVaultKey -VaultName kv-prod -Name disk-key -Enable $true',
      'az keyvault key list-versions --vault-name kv-prod --name disk-key --query "[].{id:id, enabled:attributes.enabled}" -o table',
      'az keyvault key list --vault-name kv-prod --query "[?attributes.enabled].name" -o tsv',
    ]);
  });

  test('explain without a log uses placeholders', () => {
    const e = rule.explain({ facts: {}, details: {}, platform: UNKNOWN_PLATFORM });
    expect(e.summary).toBe(
      'The key vault refused to return the secret: it is disabled (enabled = false on the object or on the version asked for), so no caller can read it until it is enabled again.',
    );
    expect(e.fixes[0]?.commands[0]?.text).toBe('az keyvault secret set-attributes --vault-name <vault-name> --name <secret-name> --enabled true');
  });
});
