import type { Details } from '../report/schema';

// How the error reached the log; the advice differs (a variable group is read by the Azure DevOps
// service itself, a task by the agent).
const VIA: readonly { re: RegExp; via: NonNullable<Details['via']> }[] = [
  { re: /Failed to query service connection API|Click "Authorize" to enable Azure Pipelines/, via: 'variable-group' },
  { re: /Downloading secret value for|Get secrets? (?:value )?failed|ProvisionKeyVaultPermissions\.ps1|AzureKeyVault@\d/, via: 'azure-key-vault-task' },
  { re: /autorest\/azure|azurerm_key_vault|keyvault\.BaseClient#|\(Key Vault "/, via: 'terraform' },
  // azure-sdk-for-go's ResponseError layout ("RESPONSE 403: 403 Forbidden") is how GitLab Runner's
  // secrets: azure_key_vault reports; other Go tools print it too, but rarely in CI logs.
  { re: /RESPONSE \d{3}: \d{3} |secrets: azure_key_vault|AZURE_KEY_VAULT_SERVER_URL|Running with gitlab-runner/, via: 'gitlab-secrets' },
  // Track-1 "Operation returned an invalid status code" is printed by .NET SDKs and PowerShell alike:
  // only a cmdlet name says PowerShell.
  { re: /Get-AzKeyVault|Set-AzKeyVault|Add-AzKeyVault|Update-AzKeyVault|Remove-AzKeyVault/, via: 'powershell' },
  { re: /HttpResponseError: |^\((?:Forbidden|Unauthorized|NotFound|Conflict)\) |Inner error: \{|az keyvault /m, via: 'az-cli' },
  { re: /RestError|RequestFailedException|HttpResponseException|KeyVaultErrorException|Operation returned an invalid status code/, via: 'sdk' },
  { re: /Firewall is turned on and your client IP address/, via: 'portal' },
];

export function extractVia(text: string): Details['via'] {
  return VIA.find((v) => v.re.test(text))?.via;
}
