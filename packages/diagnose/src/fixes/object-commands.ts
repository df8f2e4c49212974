import type { ObjectType } from '../report/schema';
import { ps, sh, type Value } from './quote';

/** The three data-plane object kinds that az and Az.KeyVault address by name. */
export type ObjectKind = 'secret' | 'key' | 'certificate';

// Pipelines read secrets far more often than keys or certificates, so an unstated kind is a secret.
export function objectKind(type: ObjectType | undefined): ObjectKind {
  return type === 'key' || type === 'certificate' ? type : 'secret';
}

const NOUN: Readonly<Record<ObjectKind, string>> = { secret: 'Secret', key: 'Key', certificate: 'Certificate' };

/** az and Az PowerShell commands for one named object; names are quoted for bash and PowerShell. */
export const objectCommands = {
  enable: (k: ObjectKind, vault: Value, name: Value): string =>
    `az keyvault ${k} set-attributes --vault-name ${sh(vault)} --name ${sh(name)} --enabled true`,
  enablePs: (k: ObjectKind, vault: Value, name: Value): string =>
    `Update-AzKeyVault${NOUN[k]} -VaultName ${ps(vault)} -Name ${ps(name)} -Enable $true`,
  listVersions: (k: ObjectKind, vault: Value, name: Value): string =>
    `az keyvault ${k} list-versions --vault-name ${sh(vault)} --name ${sh(name)} --query "[].{id:id, enabled:attributes.enabled}" -o table`,
  listNames: (k: ObjectKind, vault: Value): string => `az keyvault ${k} list --vault-name ${sh(vault)} --query "[].name" -o tsv`,
  listDeleted: (k: ObjectKind, vault: Value): string => `az keyvault ${k} list-deleted --vault-name ${sh(vault)} --query "[].name" -o tsv`,
  listDeletedPs: (k: ObjectKind, vault: Value): string => `Get-AzKeyVault${NOUN[k]} -VaultName ${ps(vault)} -InRemovedState`,
  showDeleted: (k: ObjectKind, vault: Value, name: Value): string =>
    `az keyvault ${k} show-deleted --vault-name ${sh(vault)} --name ${sh(name)}`,
  recover: (k: ObjectKind, vault: Value, name: Value): string => `az keyvault ${k} recover --vault-name ${sh(vault)} --name ${sh(name)}`,
  recoverPs: (k: ObjectKind, vault: Value, name: Value): string => `Undo-AzKeyVault${NOUN[k]}Removal -VaultName ${ps(vault)} -Name ${ps(name)}`,
  purge: (k: ObjectKind, vault: Value, name: Value): string => `az keyvault ${k} purge --vault-name ${sh(vault)} --name ${sh(name)}`,
  purgePs: (k: ObjectKind, vault: Value, name: Value): string =>
    `Remove-AzKeyVault${NOUN[k]} -VaultName ${ps(vault)} -Name ${ps(name)} -InRemovedState -Force`,
};

/** Commands for a soft-deleted vault (control plane: they need the vault's location). */
export const deletedVaultCommands = {
  list: (): string =>
    'az keyvault list-deleted --resource-type vault --query "[].{name:name, location:properties.location, purgeProtection:properties.purgeProtectionEnabled, scheduledPurgeDate:properties.scheduledPurgeDate}" -o table',
  show: (vault: Value): string => `az keyvault show-deleted --name ${sh(vault)}`,
  recover: (vault: Value, location: Value): string =>
    `az keyvault recover --name ${sh(vault)}${location.known ? ` --location ${sh(location)}` : ''}`,
  recoverPs: (vault: Value, rg: Value, location: Value): string =>
    `Undo-AzKeyVaultRemoval -VaultName ${ps(vault)} -ResourceGroupName ${ps(rg)} -Location ${ps(location)}`,
  purge: (vault: Value, location: Value): string => `az keyvault purge --name ${sh(vault)} --location ${sh(location)}`,
  purgePs: (vault: Value, location: Value): string => `Remove-AzKeyVault -VaultName ${ps(vault)} -Location ${ps(location)} -InRemovedState -Force`,
};
