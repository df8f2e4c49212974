import type { ExplainInput, Explanation } from '../../rule-kit/rule';
import type { Fix } from '../../report/schema';
import { objectKind } from '../../fixes/object-commands';
import { value } from '../../fixes/quote';
import { deletedVaultFixes, purgeObjectFix, purgeProtectedFixes, recoverObjectFix, waitFix } from './fixes';
import { stateOf } from './state';

const RETENTION = 'soft-delete keeps it, name included, for the retention period (7-90 days, 90 by default)';

export function explainSoftDeleted({ facts, details }: ExplainInput): Explanation {
  const state = stateOf(details.message) ?? 'recoverable';
  const kind = objectKind(facts.objectType);
  const vault = value(facts.vault, 'vault-name');
  const name = value(facts.objectName, `${kind}-name`);
  const location = value(facts.location, 'location');
  const rg = value(details.resourceGroup, 'resource-group');
  const terraform = details.via === 'terraform';
  const what = facts.objectName ? `${kind} ${facts.objectName}` : `the ${kind}`;
  const Whatc = `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
  const where = facts.vault ? `Key Vault ${facts.vault}` : 'the key vault';
  const causes: string[] = [];
  const fixes: Fix[] = [];
  let summary: string;

  switch (state) {
    case 'recoverable':
      summary = `${Whatc} in ${where} is deleted but recoverable (soft-deleted), so its name cannot be reused until it is recovered or purged.`;
      causes.push(
        `${Whatc} was deleted (by hand, by terraform destroy or by a pipeline) and ${RETENTION}.`,
        terraform
          ? `Terraform tried to create it again; azurerm recovers soft-deleted objects only when features { key_vault { recover_soft_deleted_${kind}s = true } } is in effect, and a key_vault block that sets only purge flags has left that off in practice.`
          : `The pipeline re-creates ${what} under the same name after an earlier run or teardown deleted it.`,
      );
      fixes.push(recoverObjectFix(kind, vault, name, terraform), purgeObjectFix(kind, vault, name));
      break;
    case 'being-deleted':
    case 'being-recovered': {
      const recovering = state === 'being-recovered';
      summary = `${Whatc} in ${where} is still being ${recovering ? 'recovered' : 'deleted'}: Key Vault finishes deletes, purges and recoveries asynchronously, and the next call came too soon.`;
      causes.push(
        recovering
          ? `A recovery (yours or Terraform's automatic one) was still running when the ${kind} was written or read.`
          : `A purge was sent right after the delete, or a create right after the purge, before Key Vault had finished; this is a timing problem, not a permission one.`,
      );
      fixes.push(waitFix(kind, vault, name, recovering));
      break;
    }
    case 'vault-name-held':
      summary = `The vault name ${facts.vault ?? '<vault-name>'} is held by a soft-deleted key vault${facts.location ? ` in ${facts.location}` : ''}: recover that vault or purge it before creating one with this name.`;
      causes.push(
        `A vault with this name was deleted (with its resource group, by terraform destroy or by hand) and ${RETENTION}.`,
        'Vault names are global: if no deleted vault of yours has this name, another subscription or tenant uses it.',
      );
      if (terraform) causes.push('Terraform found the deleted vault but recover_soft_deleted_key_vaults is off in the provider\'s features block.');
      fixes.push(...deletedVaultFixes(vault, location, rg));
      break;
    default:
      summary = `Purge protection on ${where} forbids purging ${facts.objectName || facts.objectType ? what : 'the deleted vault'}: it stays soft-deleted until its scheduled purge date.`;
      causes.push(
        'Purge protection is on (it cannot be turned off once enabled): nothing deleted can be purged before the retention period ends.',
        terraform
          ? 'terraform destroy purges by default (purge_soft_delete_on_destroy and purge_soft_deleted_*_on_destroy), which a purge-protected vault refuses.'
          : 'A cleanup script or pipeline tries to purge so that it can reuse the name.',
        'For a vault purge, the caller may also lack Microsoft.KeyVault/locations/deletedVaults/purge/action (usually only subscription owners have it).',
      );
      fixes.push(...purgeProtectedFixes(facts.objectType ? kind : undefined, vault, name, location, rg));
  }
  return { summary, causes, fixes };
}
