import type { Fixture } from '../../rule-kit/fixture';

const ACA_BLOG =
  'https://github.com/azureossd/azureossd.github.io/blob/b39f90efddcaedb3fc148dd880604c98dd310f54/_posts/2024-08-27-Troubleshooting-general-secret-issues-on-Container-Apps.md';

export const fixtures: readonly Fixture[] = [
  {
    name: 'Container Apps secret sync: GET of a pinned version answers SecretNotFound',
    source: ACA_BLOG,
    text: 'Error happened when syncing secret somesecret from Azure Key Vault https://someakv.vault.azure.net/secrets/somesecret/0000000000000000000000000000 for ContainerApp some-app: GET request to Azure Key Vault https://someakv.vault.azure.net/secrets/somesecret/0000000000000000000000000000 returned error status: 404. body: {"error":{"code":"SecretNotFound","message":"A secret with (name/id) somesecret/0000000000000000000000000000 was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182"}}. ',
    expect: 'match',
    count: 1,
    facts: {
      httpStatus: 404,
      errorCode: 'SecretNotFound',
      vault: 'someakv',
      objectType: 'secret',
      objectName: 'somesecret',
      requestUrl: 'https://someakv.vault.azure.net/secrets/somesecret/0000000000000000000000000000',
    },
    commands: [
      'az keyvault secret list --vault-name someakv --query "[].name" -o tsv',
      'az keyvault secret list-deleted --vault-name someakv --query "[].name" -o tsv',
      'az keyvault secret recover --vault-name someakv --name somesecret',
      'Get-AzKeyVaultSecret -VaultName someakv -InRemovedState',
      'Undo-AzKeyVaultSecretRemoval -VaultName someakv -Name somesecret',
    ],
  },
  {
    name: 'JS SDK RestError SecretNotFound from a nightly pipeline, host masked by CI',
    source: 'https://github.com/Azure/azure-sdk-for-js/issues/25489',
    text: `> Stack trace:
>An error occurred: RestError: A secret with (name/id) secret1680785531243 was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182 
 {
  "name": "RestError",
  "code": "SecretNotFound",
  "statusCode": 404,
  "request": {
    "url": "***secrets/secret1680785531243/?api-version=7.4",
    "headers": {
      "accept": "application/json",
      "accept-encoding": "gzip,deflate",
      "user-agent": "azsdk-js-keyvault-secrets/4.7.1 core-rest-pipeline/1.10.2 Node/v14.21.3 OS/(x64-Windows_NT-10.0.20348)",
      "x-ms-client-request-id": "fbe444ae-3032-4f7d-8769-7bc21299aa80",
      "authorization": "REDACTED"
    },`,
    expect: 'match',
    count: 1,
    facts: { httpStatus: 404, errorCode: 'SecretNotFound', objectType: 'secret', objectName: 'secret1680785531243', apiVersion: '7.4', vault: undefined },
    details: { via: 'sdk', message: undefined },
    commands: ['az keyvault secret recover --vault-name <vault-name> --name secret1680785531243'],
  },
  {
    name: '.NET RequestFailedException for a deleted secret that is no longer in the deleted state',
    source: 'https://github.com/Azure/azure-sdk-for-net/issues/26027',
    text: `Deleted Secret not found: MySecretName
Status: 404 (Not Found)
ErrorCode: SecretNotFound

Content:
{"error":{"code":"SecretNotFound","message":"Deleted Secret not found: MySecretName"}}`,
    expect: 'match',
    count: 1,
    facts: { httpStatus: 404, errorCode: 'SecretNotFound', objectType: 'secret', objectName: 'MySecretName' },
    details: { message: 'The request asked for a soft-deleted object (a get-deleted call), and none by that name is in the deleted state.' },
    commands: [
      'az keyvault secret show-deleted --vault-name <vault-name> --name MySecretName',
      'az keyvault secret list-deleted --vault-name <vault-name> --query "[].name" -o tsv',
    ],
  },
  {
    name: 'Track-1 .NET KeyVaultErrorException NotFound with a Key Vault stack',
    source: 'https://github.com/microsoft/Partner-Center-DotNet-Samples/issues/8',
    text: `===================== Partner center  API calls ============================
**Microsoft.Azure.KeyVault.Models.KeyVaultErrorException: Operation returned an invalid status code 'NotFound'**
   at Microsoft.Azure.KeyVault.KeyVaultClient.<GetSecretWithHttpMessagesAsync>d__65.MoveNext()
--- End of stack trace from previous location where exception was thrown ---
   at System.Runtime.CompilerServices.TaskAwaiter.ThrowForNonSuccess(Task task)`,
    expect: 'match',
    count: 1,
    facts: { httpStatus: 404, objectType: 'secret', objectName: undefined },
    commands: ['az keyvault secret list --vault-name <vault-name> --query "[].name" -o tsv'],
  },
  {
    name: 'AL-Go on GitHub Actions: secret name with an underscore (BadParameter)',
    source: 'https://github.com/microsoft/AL-Go/issues/1136',
    text: `Trying to get the secret (UAT-AuthContext) from the github environment.
Trying to get the secret (UAT-AuthContext) from Key Vault (*****).
Module Az.KeyVault is available in version 6.0.1
Importing module Az.KeyVault (minimum version 5.2.0)
Connecting to Azure using clientId and clientSecret.
Selecting subscription ***
Successfully connected to Azure
Trying to get the secret (UAT_AuthContext) from the github environment.
Trying to get the secret (UAT_AuthContext) from Key Vault (*****).
Error: Unexpected error when running action. Error Message: Error trying to get secrets from Azure Key Vault. Error was Operation returned an invalid status code 'BadRequest' Code: BadParameter Message: The request URI contains an invalid name: UAT_AuthContext, StackTrace: at GetKeyVaultSecret,`,
    expect: 'match',
    count: 1,
    facts: { httpStatus: 400, objectName: 'UAT_AuthContext' },
  },
  {
    name: 'AzureKeyVault@2 task string for a name with invalid characters',
    source:
      'https://github.com/microsoft/azure-pipelines-tasks/blob/50f1b04f4ee8f2dfabda6dc4218bdea1a778f537/Tasks/AzureKeyVaultV2/Strings/resources.resjson/en-US/resources.resjson',
    text: '  "loc.messages.GetSecretFailedBecauseOfInvalidCharacters": "Secret not found: %s. Secret name must be a string 1-127 characters in length containing only -, 0-9, a-z and A-Z.",',
    expect: 'match',
    facts: { objectType: 'secret', objectName: undefined },
  },
  {
    name: 'AzureKeyVault@1 (2017) task string for the same case',
    source: 'https://github.com/microsoft/azure-pipelines-tasks/pull/5694',
    text: '+        "GetSecretFailedBecauseOfInvalidCharacters": "Cannot find the secret with name: %s .Secret name must be a string 1-127 characters in length containing only 0-9, a-z, A-Z, and -"',
    expect: 'match',
    facts: { objectType: 'secret', objectName: undefined },
  },
  {
    name: 'CAF rover launchpad reads a secret under the wrong name',
    source: 'https://github.com/aztfmod/rover/issues/205',
    text: 'Error: SecretNotFound when running the launchpad due to " A secret with (name/id) tenant-id was not found in this key vault."',
    expect: 'match',
    facts: { objectType: 'secret', objectName: 'tenant-id' },
    commands: ['az keyvault secret recover --vault-name <vault-name> --name tenant-id'],
  },
  {
    name: 'Storage BlobNotFound (another service)',
    source: 'https://github.com/Azure/WALinuxAgent/issues/2311',
    text: `The specified blob does not exist.
RequestId:2c5cb273-801e-0012-38c1-7c2e2d000000
Time:2021-07-19T17:13:46.8208200Z
Status: 404 (The specified blob does not exist.)
ErrorCode: BlobNotFound`,
    expect: 'no-match',
  },
  {
    name: 'ARM ResourceGroupNotFound (control plane, not a vault object)',
    source: 'https://github.com/MicrosoftDocs/azure-docs/issues/21346',
    text: `Body:
{
  "error": {
    "code": "ResourceGroupNotFound",
    "message": "Resource group 'foo' could not be found."
  }
}`,
    expect: 'no-match',
  },
  {
    name: 'ARM says the vault resource itself was not found',
    source: 'https://github.com/azuredemoenvironment/ade/issues/245',
    text: "Message: The Resource 'Microsoft.KeyVault/vaults/kv-ade-jowaddel-prod-eus-001' under resource group 'rg-ade-jowaddel-prod-eus-security' was not found.",
    expect: 'no-match',
  },
  {
    name: 'AADSTS700016 "was not found in the directory" (sign-in, not Key Vault)',
    source: 'https://github.com/Azure/login/issues/561',
    text: `Error: AADSTS700016: Application with identifier '***' was not found in the directory 'App Name". This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant. Trace ID: _ Correlation ID:  _ Timestamp: 2025-10-12 11:14:59Z`,
    expect: 'no-match',
  },
  {
    name: 'Bot Framework track-1 NotFound (not a Key Vault call)',
    source: 'https://github.com/microsoft/botframework-sdk/issues/6154',
    text: `when I am using "var data= await turnContext.SendActivityAsync(replyActivity)". The exception is coming as one of them in **Default Adapter**: "Operation returned an invalid status code 'NotFound'", "Operation returned an invalid status code 'Forbidden'" and "Operation returned an invalid status code 'BadRequest'".

## Exception StackTrace

\`\`\`
     at Microsoft.Bot.Connector.Conversations.ReplyToActivityWithHttpMessagesAsync(String conversationId, String activityId, Activity activity, Dictionary\`2 customHeaders, CancellationToken cancellationToken)`,
    expect: 'no-match',
  },
  {
    name: 'Generic 404 from a web app metadata endpoint',
    source: 'https://github.com/Azure-Samples/active-directory-dotnet-webapp-roleclaims/issues/3',
    text: `[HttpRequestException: Response status code does not indicate success: 404 (Not Found).]
   System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode() +90216
   Microsoft.IdentityModel.Protocols.<GetDocumentAsync>d__0.MoveNext() +496`,
    expect: 'no-match',
  },
  {
    name: 'Vault host that does not resolve is a DNS failure, not a 404',
    source: ACA_BLOG,
    text: 'Error happened when syncing secret somesecret from Azure Key Vault https://someakv.vault.azure.net/secrets/somesecret/0000000000000000000000000000 for ContainerApp some-app: failed to send GET request to Azure Key Vault https://someakv.vault.azure.net/secrets/somesecret/0000000000000000000000000000 to update secret for App test-containerapp: Get "https://someakv.vault.azure.net/secrets/somesecret/0000000000000000000000000000?api-version=7.3": dial tcp: lookup someakv.vault.azure.net on xx.xxx.xxx.xx:xx: no such host.',
    expect: 'no-match',
  },
  {
    name: 'Soft-deleted name conflict belongs to soft-deleted',
    source: 'https://github.com/ironmansoftware/powershell-universal/issues/1990',
    text: `2023-01-25 09:22:55.094 +00:00 [WRN] There was an error attempting to set the secret :Operation returned an invalid status code 'Conflict'
Code: Conflict
Message: Secret Testcredential is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.`,
    expect: 'no-match',
  },
];
