import type { Fix } from '../../report/schema';
import { deletedVaultCommands, objectCommands, type ObjectKind } from '../../fixes/object-commands';
import { sh, type Value } from '../../fixes/quote';

type FlagSet = 'vault' | ObjectKind;

// azurerm's features { key_vault { … } } flag names per object kind.
const RECOVER: Readonly<Record<FlagSet, string>> = {
  vault: 'recover_soft_deleted_key_vaults',
  secret: 'recover_soft_deleted_secrets',
  key: 'recover_soft_deleted_keys',
  certificate: 'recover_soft_deleted_certificates',
};
const PURGE: Readonly<Record<FlagSet, string>> = {
  vault: 'purge_soft_delete_on_destroy',
  secret: 'purge_soft_deleted_secrets_on_destroy',
  key: 'purge_soft_deleted_keys_on_destroy',
  certificate: 'purge_soft_deleted_certificates_on_destroy',
};

/** The provider block, `=` aligned as `terraform fmt` writes it. */
function terraformFeatures(set: FlagSet, recover: boolean, purgeOnDestroy: boolean): string {
  const width = Math.max(RECOVER[set].length, PURGE[set].length);
  const line = (k: string, v: boolean): string => `      ${k.padEnd(width)} = ${v}`;
  return ['provider "azurerm" {', '  features {', '    key_vault {', line(RECOVER[set], recover), line(PURGE[set], purgeOnDestroy), '    }', '  }', '}'].join('\n');
}

export function recoverObjectFix(kind: ObjectKind, vault: Value, name: Value, terraform: boolean): Fix {
  return {
    title: `Recover the deleted ${kind} ${name.text}`,
    steps: [
      `Recovering brings the ${kind} back with all its versions; it needs the Recover permission on ${vault.text}.`,
      ...(terraform ? [`Terraform: let the provider recover it on the next apply with ${RECOVER[kind]} = true (a key_vault features block that names only the purge flags can leave recovery off).`] : []),
    ],
    commands: [
      { tool: 'az', text: objectCommands.recover(kind, vault, name) },
      { tool: 'powershell', text: objectCommands.recoverPs(kind, vault, name) },
      { tool: 'terraform', text: terraformFeatures(kind, true, false) },
    ],
  };
}

export function purgeObjectFix(kind: ObjectKind, vault: Value, name: Value): Fix {
  return {
    title: `Or purge it to reuse the name (permanent)`,
    steps: [
      'Purging destroys every version for good; it needs the Purge permission and is refused while purge protection is on.',
      'Purge is asynchronous: wait until show-deleted reports it gone before creating the new one.',
    ],
    commands: [
      { tool: 'az', text: objectCommands.purge(kind, vault, name) },
      { tool: 'powershell', text: objectCommands.purgePs(kind, vault, name) },
      { tool: 'az', text: objectCommands.showDeleted(kind, vault, name) },
    ],
  };
}

export function waitFix(kind: ObjectKind, vault: Value, name: Value, recovering: boolean): Fix {
  const until = recovering
    ? `until az keyvault ${kind} show --vault-name ${sh(vault)} --name ${sh(name)} --query id -o tsv >/dev/null 2>&1; do sleep 5; done`
    : `until az keyvault ${kind} show-deleted --vault-name ${sh(vault)} --name ${sh(name)} >/dev/null 2>&1; do sleep 5; done`;
  return {
    title: 'Wait for the operation to finish, then retry',
    steps: [
      recovering
        ? `Poll until the recovered ${kind} answers, then run the step again.`
        : `After a delete, poll until the ${kind} shows up among the deleted ${kind}s before purging it; after a purge, wait until it has left that list before creating it again.`,
      'Terraform retries on the next apply; a script needs its own wait (a fixed sleep is fragile).',
    ],
    commands: [{ tool: 'bash', text: until }],
  };
}

export function deletedVaultFixes(vault: Value, location: Value, rg: Value): Fix[] {
  return [
    {
      title: `Recover the soft-deleted vault ${vault.text}`,
      steps: ['Recovery restores the vault with its objects, access policies and network rules; run it with rights on the original resource group.'],
      commands: [
        { tool: 'az', text: deletedVaultCommands.list() },
        { tool: 'az', text: deletedVaultCommands.recover(vault, location) },
        { tool: 'powershell', text: deletedVaultCommands.recoverPs(vault, rg, location) },
        { tool: 'terraform', text: terraformFeatures('vault', true, false) },
      ],
    },
    {
      title: 'Or purge it (permanent), or pick another name',
      steps: [
        'Purging destroys the vault and everything in it; it is refused while purge protection is on and needs Microsoft.KeyVault/locations/deletedVaults/purge/action.',
        'If the name is not among your deleted vaults, another tenant owns it: vault names are global. Use a unique name, for example a uniqueString(resourceGroup().id) suffix in Bicep.',
      ],
      commands: [
        { tool: 'az', text: deletedVaultCommands.purge(vault, location) },
        { tool: 'powershell', text: deletedVaultCommands.purgePs(vault, location) },
      ],
    },
  ];
}

export function purgeProtectedFixes(kind: ObjectKind | undefined, vault: Value, name: Value, location: Value, rg: Value): Fix[] {
  const scheduled = kind
    ? `az keyvault ${kind} show-deleted --vault-name ${sh(vault)} --name ${sh(name)} --query scheduledPurgeDate -o tsv`
    : `az keyvault show-deleted --name ${sh(vault)} --query properties.scheduledPurgeDate -o tsv`;
  return [
    {
      title: 'Recover instead of purging',
      steps: ['Purge protection cannot be turned off once on; recovering is the only way to use the name before the retention period ends.'],
      commands: kind
        ? [
            { tool: 'az', text: objectCommands.recover(kind, vault, name) },
            { tool: 'powershell', text: objectCommands.recoverPs(kind, vault, name) },
          ]
        : [
            { tool: 'az', text: deletedVaultCommands.recover(vault, location) },
            { tool: 'powershell', text: deletedVaultCommands.recoverPs(vault, rg, location) },
          ],
    },
    {
      title: 'Stop Terraform from purging on destroy',
      steps: ['On a purge-protected vault, destroy cannot purge; turn the purge flag off so destroy only soft-deletes.'],
      commands: [{ tool: 'terraform', text: terraformFeatures(kind ?? 'vault', true, false) }],
    },
    {
      title: 'Or wait out the retention period, or use a new name',
      steps: ['The service purges it on its scheduled purge date (7-90 days after deletion, 90 by default).'],
      commands: [{ tool: 'az', text: scheduled }],
    },
  ];
}
