import { objectTypeOf } from '../../facts/object-type';
import type { Details, Facts } from '../../report/schema';
import { defineRule } from '../../rule-kit/define-rule';
import { findOccurrences } from '../../rule-kit/occurrences';
import { VAULT_NAME } from '../../rule-kit/patterns';
import { explainSoftDeleted } from './explain';
import { STATE_MESSAGES, stateIn } from './state';

// 409 Conflict texts for objects and vault names, and the purge-protection refusals (403/400).
const ANCHOR =
  /is currently in a deleted but recoverable state|(?:Secret|Key|Certificate)(?: [A-Za-z0-9-]{1,127})? is currently being (?:deleted|recovered)|is currently being (?:deleted|recovered) and cannot be re-created|recently deleted but not purged after being placed in a recoverable state|Exist soft deleted vault with the same name|A vault with the same name already exists in deleted state|An existing soft-deleted Key Vault exists with the Name|Operation 'DeletedVaultPurge' is not allowed|is not allowed because purge protection is enabled/g;
// VaultAlreadyExists alone (ARM's short "The name 'x' is already in use.") most often means a
// soft-deleted vault still holds the name.
const SUPPORT = /\bObjectIs(?:DeletedButRecoverable|BeingDeleted|BeingRecovered)\b|\bVaultAlreadyExists\b/g;

const OBJECT = /\b(Secret|Key|Certificate)(?: ([A-Za-z0-9-]{1,127}))? is currently (?:in a deleted|being)/;
// "The vault name 'x' is already in use" (PowerShell) or ARM's short "The name 'x' is already in use." (VaultAlreadyExists).
const VAULT_IN_USE = new RegExp(`The (?:vault )?name '(${VAULT_NAME})' is already in use`);
const TERRAFORM_VAULT = new RegExp(`exists with the Name "(${VAULT_NAME})" in the location "([a-z0-9]{2,40})"`);
// Az PowerShell echoes the command line: Remove-AzureRmKeyVault -VaultName acrbld-usnat -l usnatwest -InRemovedState.
const PS_VAULT = new RegExp(`-VaultName\\s{1,4}['"]?(${VAULT_NAME})\\b`);
const PS_LOCATION = /\s-(?:l|Location)\s{1,4}['"]?([a-z0-9]{2,40})\b/;
const PS_RESOURCE_GROUP = /\s-ResourceGroupName\s{1,4}['"]?([A-Za-z0-9._()-]{1,90})/;

function extract(block: string, anchorText: string): { facts: Facts; details: Details } {
  const facts: Facts = {};
  const details: Details = {};
  const state = stateIn(anchorText, block);
  if (state) details.message = STATE_MESSAGES[state];
  const object = OBJECT.exec(anchorText) ?? OBJECT.exec(block);
  const type = objectTypeOf(object?.[1]);
  if (type) facts.objectType = type;
  if (object?.[2]) facts.objectName = object[2];
  const tf = TERRAFORM_VAULT.exec(block);
  const vault = VAULT_IN_USE.exec(block)?.[1] ?? tf?.[1] ?? PS_VAULT.exec(block)?.[1];
  if (vault) facts.vault = vault;
  const location = tf?.[2] ?? (state === 'purge-protected' ? PS_LOCATION.exec(block)?.[1] : undefined);
  if (location) facts.location = location;
  // Undo-AzKeyVaultRemoval needs the resource group; the echoed New-AzKeyVault line often has it.
  const rg = PS_RESOURCE_GROUP.exec(block)?.[1];
  if (rg) details.resourceGroup = rg;
  return { facts, details };
}

export default defineRule({
  meta: {
    id: 'soft-deleted',
    title: 'The name is held by a soft-deleted object or vault',
    description:
      'A deleted secret, key, certificate or vault is kept in a soft-deleted state for its retention period (7-90 days): its name cannot be reused until it is recovered or purged, operations on it are refused while a delete, purge or recovery is still finishing, and purge protection forbids purging altogether.',
    severity: 'error',
    since: '0.1.0',
    rank: 80,
    codes: ['ObjectIsDeletedButRecoverable', 'ObjectIsBeingDeleted', 'ObjectIsBeingRecovered', 'VaultAlreadyExists', 'DeletedVaultPurge'],
    docs: [
      { title: 'Azure Key Vault soft-delete overview', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview' },
      { title: 'Azure Key Vault recovery management with soft delete and purge protection', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/key-vault-recovery' },
      { title: 'Terraform azurerm provider: features { key_vault { … } }', url: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/features-block' },
      { title: 'Common error codes for Azure Key Vault (VaultAlreadyExists)', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/common-error-codes' },
    ],
  },
  markers: [
    'VaultAlreadyExists',
    'deleted but recoverable',
    'is currently being deleted',
    'is currently being recovered',
    'ObjectIsDeletedButRecoverable',
    'ObjectIsBeingDeleted',
    'ObjectIsBeingRecovered',
    'deleted but not purged',
    'soft deleted vault',
    'already exists in deleted state',
    'soft-deleted Key Vault',
    'DeletedVaultPurge',
    'purge protection is enabled',
  ],
  match: (window) => findOccurrences(window, { anchor: ANCHOR, support: SUPPORT, extract }),
  explain: explainSoftDeleted,
});
