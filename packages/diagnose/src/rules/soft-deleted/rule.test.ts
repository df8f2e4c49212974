import { UNKNOWN_PLATFORM } from '../../platform/detect';
import { findingOf, fixtureText, testRule } from '../../rule-kit/test-rule';
import { fixtures } from './fixtures';
import rule from './rule';
import { STATE_MESSAGES } from './state';

testRule(rule, fixtures);

describe('soft-deleted: advice per state', () => {
  test('a Terraform key conflict blames the features block and offers recover before purge', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Terraform re-creates a soft-deleted disk-encryption key (ObjectIsDeletedButRecoverable)'));
    expect(finding.summary).toBe(
      'Key vmname-custom-disk-encryption in the key vault is deleted but recoverable (soft-deleted), so its name cannot be reused until it is recovered or purged.',
    );
    expect(finding.causes[1]).toMatch(/^Terraform tried to create it again; azurerm recovers soft-deleted objects only when features \{ key_vault \{ recover_soft_deleted_keys = true \} \}/);
    expect(finding.fixes.map((f) => f.title)).toEqual(['Recover the deleted key vmname-custom-disk-encryption', 'Or purge it to reuse the name (permanent)']);
  });

  test('a purge that came too soon gets a wait loop, not a permission fix', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'az keyvault secret purge right after delete: still being deleted'));
    expect(finding.causes).toEqual([
      'A purge was sent right after the delete, or a create right after the purge, before Key Vault had finished; this is a timing problem, not a permission one.',
    ]);
    expect(finding.fixes).toHaveLength(1);
  });

  test('a recovery still running polls until the object answers again', () => {
    const e = rule.explain({
      facts: { objectType: 'secret', objectName: 'secret-sauce', vault: 'kv-tf' },
      details: { message: STATE_MESSAGES['being-recovered'] },
      platform: UNKNOWN_PLATFORM,
    });
    expect(e.summary).toBe(
      'Secret secret-sauce in Key Vault kv-tf is still being recovered: Key Vault finishes deletes, purges and recoveries asynchronously, and the next call came too soon.',
    );
    expect(e.fixes[0]?.commands[0]?.text).toBe('until az keyvault secret show --vault-name kv-tf --name secret-sauce --query id -o tsv >/dev/null 2>&1; do sleep 5; done');
  });

  test('a purge-protected vault purge offers recovery, the Terraform flag and the purge date', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Remove-AzureRmKeyVault -InRemovedState on a purge-protected vault (DeletedVaultPurge)'));
    expect(finding.summary).toBe('Purge protection on Key Vault acrbld-usnat forbids purging the deleted vault: it stays soft-deleted until its scheduled purge date.');
    expect(finding.fixes.map((f) => f.title)).toEqual([
      'Recover instead of purging',
      'Stop Terraform from purging on destroy',
      'Or wait out the retention period, or use a new name',
    ]);
    expect(finding.fixes[0]?.commands.map((c) => c.text)).toEqual([
      'az keyvault recover --name acrbld-usnat --location usnatwest',
      'Undo-AzKeyVaultRemoval -VaultName acrbld-usnat -ResourceGroupName <resource-group> -Location usnatwest',
    ]);
  });

  test('explain without a log defaults to the common recoverable case with placeholders', () => {
    const e = rule.explain({ facts: {}, details: {}, platform: UNKNOWN_PLATFORM });
    expect(e.summary).toBe('The secret in the key vault is deleted but recoverable (soft-deleted), so its name cannot be reused until it is recovered or purged.');
    expect(e.fixes[0]?.commands[0]?.text).toBe('az keyvault secret recover --vault-name <vault-name> --name <secret-name>');
  });
});
