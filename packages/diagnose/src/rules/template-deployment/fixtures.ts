import type { Fixture } from '../../rule-kit/fixture';

export const fixtures: readonly Fixture[] = [
  {
    name: 'AzureRM PowerShell deployment: the client lacks deploy/action on a vault in another subscription (masked ids)',
    source: 'https://github.com/Azure/azure-powershell/issues/2939',
    text: [
      "New-AzureRmResourceGroupDeployment : The client 'xxxxx@domain.com' with object id 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'",
      "does not have permission to perform action 'MICROSOFT.KEYVAULT/VAULTS/DEPLOY/ACTION'",
      "on the specified KeyVault resource '/subscriptions/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/resourceGroups/Provisioning-Dev/providers/Microsoft.KeyVault/vaults/kv-dev'.",
      'Please see https://aka.ms/arm-keyvault for usage details.',
    ].join('\n'),
    expect: 'match',
    facts: { vault: 'kv-dev', action: 'Microsoft.KeyVault/vaults/deploy/action', objectId: undefined },
    details: {
      callerName: 'xxxxx@domain.com',
      resourceGroup: 'Provisioning-Dev',
      subscriptionId: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      message: 'The deploying principal lacks Microsoft.KeyVault/vaults/deploy/action on the vault.',
    },
    commands: [
      "az role assignment create --role 'Key Vault resource manager template deployment operator' --assignee <deploying-principal-object-id> --scope /subscriptions/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/resourceGroups/Provisioning-Dev/providers/Microsoft.KeyVault/vaults/kv-dev",
      'az keyvault update --name kv-dev --enabled-for-template-deployment true',
    ],
  },
  {
    name: 'managed application deployment: the sentence hard-wrapped before the quoted deploy action (ids masked as ...)',
    source: 'https://github.com/MicrosoftDocs/azure-docs/issues/55026',
    text: [
      "The client '...' with object id '...' does not have permission to perform action",
      "'MICROSOFT.KEYVAULT/VAULTS/DEPLOY/ACTION' on the specified KeyVault resource",
      "'/subscriptions/.../resourceGroups/.../providers/Microsoft.KeyVault/vaults/...'",
    ].join('\n'),
    expect: 'match',
    facts: { vault: undefined, action: 'Microsoft.KeyVault/vaults/deploy/action', objectId: undefined },
    details: { message: 'The deploying principal lacks Microsoft.KeyVault/vaults/deploy/action on the vault.' },
    // The author's '...' masks are not facts: the commands show their own placeholders.
    commands: [
      'az keyvault update --name <vault-name> --enabled-for-template-deployment true',
      "az role assignment create --role 'Key Vault resource manager template deployment operator' --assignee <deploying-principal-object-id> --scope /subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.KeyVault/vaults/<vault-name>",
    ],
  },
  {
    name: 'az deployment with a bicepparam getSecret: Access denied to first party service (az --debug output)',
    source: 'https://github.com/Azure/bicep/issues/18455',
    text: [
      'azure.core.exceptions.HttpResponseError: (MultipleErrorsOccurred) Multiple error occurred: Forbidden,Forbidden. Please see details.',
      'Code: MultipleErrorsOccurred',
      'Message: Multiple error occurred: Forbidden,Forbidden. Please see details.',
      "Exception Details:\t(KeyVaultParameterReferenceSecretRetrieveFailed) The secret of KeyVault parameter '****' cannot be retrieved. Http status code: 'Forbidden'. Error message: 'Access denied to first party service.",
    ].join('\n'),
    expect: 'match',
    facts: { vault: undefined },
    details: { resource: undefined, message: 'Key Vault refused Azure Resource Manager itself ("Access denied to first party service").' },
    commands: ['az keyvault update --name <vault-name> --enabled-for-template-deployment true', 'Set-AzKeyVaultAccessPolicy -VaultName <vault-name> -EnabledForTemplateDeployment'],
  },
  {
    name: 'the same deployment when the referenced secret is missing (as the issue quotes it, cut after the parameter name)',
    source: 'https://github.com/Azure/bicep/issues/18455',
    text: [
      'azure.core.exceptions.ResourceNotFoundError: (MultipleErrorsOccurred) Multiple error occurred: NotFound,NotFound. Please see details.',
      'Code: MultipleErrorsOccurred',
      'Message: Multiple error occurred: NotFound,NotFound. Please see details.',
      "Exception Details:\t(KeyVaultParameterReferenceSecretRetrieveFailed) The secret of KeyVault parameter '****",
    ].join('\n'),
    expect: 'match',
    details: { message: 'Azure Resource Manager could not read the secret of a Key Vault parameter reference.' },
  },
  {
    name: 'ARM refusing a deployment validation action (not Key Vault): no finding',
    source: 'https://github.com/Azure/Azure-Landing-Zones/issues/3366',
    text: `"message": "The client 'user@xxxx.com' with object id 'xxxxx' does not have authorization to perform action 'Microsoft.Resources/deployments/validate/action' over scope '/providers/Microsoft.Resources/deployments/NoMarketplace-20200821194109' or the scope is invalid. If access was recently granted, please refresh your credentials."`,
    expect: 'no-match',
  },
  {
    name: 'a Key Vault audit event refusing a Visual Studio sign-in as a first-party service: not a deployment',
    source: 'https://github.com/Azure/azure-sdk-for-net/issues/17235',
    text: '{ "time": "2020-11-30T20:15:13.3719179Z", "category": "AuditEvent", "operationName": "SecretGet", "resultType": "Success", "resultDescription": "Access denied to first party service.\\nCaller: name=from-infra;tid=f8cdef31-a31e-4b4a-93e4-5f571e91255a;appid=872cd9fa-d31f-45e0-9eab-6e460a02d1f1;iss=https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/\\nVault: contoso-dev;location=eastus", "correlationId": "ce39bd97-25a1-44b6-a12c-123456789ab", "callerIpAddress": "8.8.8.8" }',
    expect: 'no-match',
  },
];
