import type { Fixture } from '../../rule-kit/fixture';
import { lookAlikeFixtures } from './fixtures-look-alikes';

const refusals: readonly Fixture[] = [
  {
    name: 'Terraform re-creates a soft-deleted disk-encryption key (ObjectIsDeletedButRecoverable)',
    source: 'https://github.com/hashicorp/terraform/issues/30068',
    text: `azurerm_key_vault_key.disk_encryption[5]: Creating...
╷
│ Error: Creating Key: keyvault.BaseClient#CreateKey: Failure responding to request: StatusCode=409 -- Original Error: autorest/azure: Service returned an error. Status=409 Code="Conflict" Message="Key vmname-custom-disk-encryption is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the key can only be recovered or purged." InnerError={"code":"ObjectIsDeletedButRecoverable"}
│ 
│   with azurerm_key_vault_key.disk_encryption[5],
│   on encryption.tf line 12, in resource "azurerm_key_vault_key" "disk_encryption":
│   12: resource "azurerm_key_vault_key" "disk_encryption" {`,
    expect: 'match',
    count: 1,
    facts: {
      httpStatus: 409,
      errorCode: 'Conflict',
      innerErrorCode: 'ObjectIsDeletedButRecoverable',
      objectType: 'key',
      objectName: 'vmname-custom-disk-encryption',
      vault: undefined,
    },
    details: { via: 'terraform', message: 'The object is soft-deleted and recoverable; its name stays reserved until it is recovered or purged.' },
    commands: [
      'az keyvault key recover --vault-name <vault-name> --name vmname-custom-disk-encryption',
      'Undo-AzKeyVaultKeyRemoval -VaultName <vault-name> -Name vmname-custom-disk-encryption',
      'az keyvault key purge --vault-name <vault-name> --name vmname-custom-disk-encryption',
      'Remove-AzKeyVaultKey -VaultName <vault-name> -Name vmname-custom-disk-encryption -InRemovedState -Force',
      'provider "azurerm" {\n  features {\n    key_vault {\n      recover_soft_deleted_keys          = true\n      purge_soft_deleted_keys_on_destroy = false\n    }\n  }\n}',
    ],
  },
  {
    name: 'az keyvault secret set on a soft-deleted name, then a refused purge',
    source: 'https://github.com/Azure/azure-rest-api-specs/issues/9222',
    text: `PS /home/sergio> az keyvault secret set --vault-name "KVName" --name "SecretName" --value "MySecret"
Secret SecretName is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.

So I tried to purge:
PS /home/sergio> az keyvault secret purge --name SecretName --vault-name KVName
Operation is not allowed.
Operation: "purge"
Caller: appid=XXXX;oid=XXXX;numgroups=1;iss=https://sts.windows.net/ZZZ/
Vault: KVName;location=region`,
    expect: 'match',
    count: 1,
    facts: { objectType: 'secret', objectName: 'SecretName', vault: 'KVName' },
    commands: ['az keyvault secret recover --vault-name KVName --name SecretName', 'Undo-AzKeyVaultSecretRemoval -VaultName KVName -Name SecretName'],
  },
  {
    name: 'PowerShell Universal: track-1 Conflict with the message line',
    source: 'https://github.com/ironmansoftware/powershell-universal/issues/1990',
    text: `2023-01-25 09:22:55.094 +00:00 [WRN] There was an error attempting to set the secret :Operation returned an invalid status code 'Conflict'
Code: Conflict
Message: Secret Testcredential is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.`,
    expect: 'match',
    count: 1,
    facts: { httpStatus: 409, errorCode: 'Conflict', objectType: 'secret', objectName: 'Testcredential' },
    commands: ['az keyvault secret purge --vault-name <vault-name> --name Testcredential'],
  },
  {
    name: 'az keyvault secret purge right after delete: still being deleted',
    source: 'https://github.com/Azure/azure-cli/issues/12722',
    text: `**Command Name**
\`az keyvault secret purge\`

**Errors:**
\`\`\`
Secret is currently being deleted.
\`\`\``,
    expect: 'match',
    facts: { objectType: 'secret', objectName: undefined },
    details: { message: 'The object is still being deleted; Key Vault finishes deletes and purges asynchronously.' },
    commands: ['until az keyvault secret show-deleted --vault-name <vault-name> --name <secret-name> >/dev/null 2>&1; do sleep 5; done'],
  },
  {
    name: 'Python SDK re-creates a secret while its purge is still running',
    source: 'https://github.com/Azure/azure-sdk-for-python/issues/19263',
    text: '**azure.core.exceptions.ResourceExistsError: is currently being deleted and cannot be re-created; retry later.**',
    expect: 'match',
    facts: { objectType: undefined, objectName: undefined },
    details: { message: 'The object is still being deleted; Key Vault finishes deletes and purges asynchronously.' },
  },
  {
    name: 'New-AzKeyVault: vault name held by a vault deleted but not purged (VaultAlreadyExists)',
    source: 'https://github.com/Azure/azure-powershell/issues/15115',
    text: `New-AzKeyVault : The vault name 'asdf' is already in use. Vault names are globaly unique so it is possible that the name is already taken. If you are sure that the vault name was not taken then it is
possible that a vault with the same name was recently deleted but not purged after being placed in a recoverable state. If the vault is in a recoverable state then the vault will need to be purged before
reusing the name. For more information on soft delete and purging a vault follow this link https://go.microsoft.com/fwlink/?linkid=2147740.
At line:1 char:1
+ New-AzKeyVault -Name "asdf" -ResourceGroupName RG1 -SoftDeleteRetenti ...`,
    expect: 'match',
    count: 1,
    facts: { vault: 'asdf', objectType: undefined },
    details: { resourceGroup: 'RG1', message: 'A soft-deleted key vault still holds this vault name.' },
    commands: [
      'az keyvault list-deleted --resource-type vault --query "[].{name:name, location:properties.location, purgeProtection:properties.purgeProtectionEnabled, scheduledPurgeDate:properties.scheduledPurgeDate}" -o table',
      'az keyvault recover --name asdf',
      'Undo-AzKeyVaultRemoval -VaultName asdf -ResourceGroupName RG1 -Location <location>',
      'az keyvault purge --name asdf --location <location>',
      'Remove-AzKeyVault -VaultName asdf -Location <location> -InRemovedState -Force',
    ],
  },
  {
    name: 'Terraform: soft-deleted vault found but recovery disabled in the features block',
    source: 'https://github.com/microsoft/azure-data-services-go-fast-codebase/issues/222',
    text: ` Error: 
│ An existing soft-deleted Key Vault exists with the Name "ads-dev-kv-ads-ic03" in the location "australiaeast", however
│ automatically recovering this KeyVault has been disabled via the "features" block.
│ 
│ Terraform can automatically recover the soft-deleted Key Vault when this behaviour is
│ enabled within the "features" block (located within the "provider" block) - more
│ information can be found here:
│ 
│ https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs#features
│ 
│ Alternatively you can manually recover this (e.g. using the Azure CLI) and then import
│ this into Terraform via "terraform import", or pick a different name/location.
│ 
│ 
│   with azurerm_key_vault.app_vault,
│   on key_vault.tf line 1, in resource "azurerm_key_vault" "app_vault":
│    1: resource "azurerm_key_vault" "app_vault" {`,
    expect: 'match',
    count: 1,
    facts: { vault: 'ads-dev-kv-ads-ic03', location: 'australiaeast' },
    details: { via: 'terraform' },
    commands: [
      'az keyvault recover --name ads-dev-kv-ads-ic03 --location australiaeast',
      'az keyvault purge --name ads-dev-kv-ads-ic03 --location australiaeast',
      'Remove-AzKeyVault -VaultName ads-dev-kv-ads-ic03 -Location australiaeast -InRemovedState -Force',
      'provider "azurerm" {\n  features {\n    key_vault {\n      recover_soft_deleted_key_vaults = true\n      purge_soft_delete_on_destroy    = false\n    }\n  }\n}',
    ],
  },
  {
    name: 'azd up / Bicep: ConflictError "A vault with the same name already exists in deleted state" (purge protection on)',
    source: 'https://dotnetpower.github.io/elb-dashboard/features_change/2026-05/2026-05-24-keyvault-soft-delete-recovery/',
    text: 'A failed numbered deployment can leave the deterministic Key Vault name in Azure soft-delete. Because Key Vault purge protection is enabled, the next azd up cannot recreate the same name and fails during Bicep provisioning with ConflictError: A vault with the same name already exists in deleted state.',
    expect: 'match',
    facts: { vault: undefined, objectType: undefined },
    details: { message: 'A soft-deleted key vault still holds this vault name.' },
  },
  {
    name: 'Portal: "Exist soft deleted vault with the same name."',
    source: 'https://github.com/MicrosoftDocs/azure-docs/issues/50228',
    text: 'This keyvault name is used in my script, and I need to delete and re-create many times. Now when I create a keyvault with this name, it will prompt "Exist soft deleted vault with the same name. "',
    expect: 'match',
    facts: { vault: undefined },
    details: { message: 'A soft-deleted key vault still holds this vault name.' },
    commands: ['az keyvault recover --name <vault-name>'],
  },
  {
    name: 'Remove-AzureRmKeyVault -InRemovedState on a purge-protected vault (DeletedVaultPurge)',
    source: 'https://github.com/MicrosoftDocs/azure-docs/issues/55427',
    text: `Remove-AzureRmKeyVault -VaultName acrbld-usnat  -l usnatwest -InRemovedState

and got the response:
Confirm
Are you sure you want to remove vault 'acrbld-usnat' forever.
[Y] Yes  [N] No  [S] Suspend  [?] Help (default is "Y"): Y
Remove-AzureRmKeyVault : Operation 'DeletedVaultPurge' is not allowed.
At line:1 char:1
+ Remove-AzureRmKeyVault -VaultName acrbld-usnat  -InRemovedState`,
    expect: 'match',
    count: 1,
    facts: { vault: 'acrbld-usnat', location: 'usnatwest', objectType: undefined },
    details: { message: 'Purge protection forbids purging until the retention period ends.' },
    commands: [
      'az keyvault recover --name acrbld-usnat --location usnatwest',
      'az keyvault show-deleted --name acrbld-usnat --query properties.scheduledPurgeDate -o tsv',
    ],
  },
  {
    name: 'Terraform destroy purges secrets of a purge-protected vault (SAP deployment automation)',
    source: 'https://github.com/Azure/sap-automation/pull/200',
    text: 'Error: purging of Secret "DEV-WEEU-SAP01-sid-sshkey-pub" (Key Vault "https://XXX.vault.azure.net/") : keyvault.BaseClient#PurgeDeletedSecret: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="Forbidden" Message="Operation \\"purge\\" is not allowed because purge protection is enabled for this vault. Key Vault service will automatically purge it after the retention period has passed.\\r\\nVault: XXX;location=westeurope" ',
    expect: 'match',
    count: 1,
    facts: { httpStatus: 403, errorCode: 'Forbidden', objectType: 'secret', objectName: 'DEV-WEEU-SAP01-sid-sshkey-pub', vault: undefined, location: 'westeurope' },
    details: { via: 'terraform', message: 'Purge protection forbids purging until the retention period ends.' },
    commands: [
      'az keyvault secret recover --vault-name <vault-name> --name DEV-WEEU-SAP01-sid-sshkey-pub',
      'provider "azurerm" {\n  features {\n    key_vault {\n      recover_soft_deleted_secrets          = true\n      purge_soft_deleted_secrets_on_destroy = false\n    }\n  }\n}',
      'az keyvault secret show-deleted --vault-name <vault-name> --name DEV-WEEU-SAP01-sid-sshkey-pub --query scheduledPurgeDate -o tsv',
    ],
  },
  {
    name: 'Portal conflict without the service text (soft delete in fact, per the maintainer)',
    source: 'https://github.com/Azure/azure-sdk-for-python/issues/9743',
    text: '> There was a conflict while creating/updating your secret.',
    expect: 'known-gap',
  },
];

/** Must-match texts (and known gaps) first, then the look-alikes this family must not claim. */
export const fixtures: readonly Fixture[] = [...refusals, ...lookAlikeFixtures];
