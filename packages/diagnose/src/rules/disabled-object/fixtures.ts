import type { Fixture } from '../../rule-kit/fixture';

export const fixtures: readonly Fixture[] = [
  {
    name: 'JS SDK RestError from a nightly pipeline, host masked by CI',
    source: 'https://github.com/Azure/azure-sdk-for-js/issues/24756',
    text: `>An error occurred: RestError: Operation get is not allowed on a disabled secret. 
 {
  "name": "RestError",
  "code": "Forbidden",
  "statusCode": 403,
  "request": {
    "url": "***secrets/secret1675691542607/?api-version=7.4-preview.1",
    "headers": {
      "accept": "application/json",
      "accept-encoding": "gzip,deflate",
      "user-agent": "azsdk-js-keyvault-secrets/4.7.0-beta.1 core-rest-pipeline/1.10.1 Node/v14.21.2 OS/(x64-Windows_NT-10.0.20348)",
      "x-ms-client-request-id": "396fea32-4e95-4c3c-ac2e-8dc7c7ae8176",
      "authorization": "REDACTED"
    },
    "method": "GET",
    "timeout": 0,
    "disableKeepAlive": false,
    "streamResponseStatusCodes": {},
    "withCredentials": false,
    "tracingOptions": {
      "tracingContext": {
        "_contextMap": {}
      }
    },
    "requestId": "396fea32-4e95-4c3c-ac2e-8dc7c7ae8176",
    "allowInsecureConnection": false,
    "enableBrowserStreams": false
  },
  "details": {
    "error": {
      "code": "Forbidden",
      "message": "Operation get is not allowed on a disabled secret.",
      "innerError": {
        "code": "SecretDisabled"
      }
    }
  },`,
    expect: 'match',
    count: 1,
    facts: {
      httpStatus: 403,
      errorCode: 'Forbidden',
      innerErrorCode: 'SecretDisabled',
      objectType: 'secret',
      objectName: 'secret1675691542607',
      apiVersion: '7.4-preview.1',
      vault: undefined,
      correlationId: '396fea32-4e95-4c3c-ac2e-8dc7c7ae8176',
    },
    commands: [
      'az keyvault secret set-attributes --vault-name <vault-name> --name secret1675691542607 --enabled true',
      'Update-AzKeyVaultSecret -VaultName <vault-name> -Name secret1675691542607 -Enable $true',
      'az keyvault secret list-versions --vault-name <vault-name> --name secret1675691542607 --query "[].{id:id, enabled:attributes.enabled}" -o table',
    ],
  },
  {
    name: 'Same JS failure quoted with "> " prefixes in a later issue',
    source: 'https://github.com/Azure/azure-sdk-for-js/issues/25759',
    text: `> Error message:
> An error occurred: RestError: Operation get is not allowed on a disabled secret. 
>  {
>   "name": "RestError",
>   "code": "Forbidden",
>   "statusCode": 403,
>   "request": {
>     "url": "***secrets/secret1683204499848/?api-version=7.4",`,
    expect: 'match',
    facts: { httpStatus: 403, errorCode: 'Forbidden', objectType: 'secret', objectName: 'secret1683204499848', apiVersion: '7.4' },
    commands: ['az keyvault secret set-attributes --vault-name <vault-name> --name secret1683204499848 --enabled true'],
  },
  {
    name: 'Azure PowerShell task on Azure DevOps, track-1 Forbidden with the message line',
    source: 'https://github.com/Azure/azure-powershell/issues/15378',
    text: `**Get-AzKeyVaultSecret -VaultName $keyVaultName**

**Error:** 
2021-06-30T12:20:46.1348367Z ##[error]Operation returned an invalid status code 'Forbidden'
Code: Forbidden
**Message: Operation get is not allowed on a disabled secret.**
2021-06-30T12:20:46.3023398Z ##[error]PowerShell exited with code '1'.`,
    expect: 'match',
    count: 1,
    facts: { httpStatus: 403, errorCode: 'Forbidden', objectType: 'secret', objectName: undefined, vault: undefined },
    details: { via: 'powershell' },
    commands: [
      'az keyvault secret set-attributes --vault-name <vault-name> --name <secret-name> --enabled true',
      'Update-AzKeyVaultSecret -VaultName <vault-name> -Name <secret-name> -Enable $true',
      'az keyvault secret list --vault-name <vault-name> --query "[?attributes.enabled].name" -o tsv',
    ],
  },
  {
    name: 'ansible azure_rm_keyvaultsecret_info: az-style HttpResponseError with Inner error',
    source: 'https://github.com/ansible-collections/azure/issues/1989',
    text: `fatal: [localhost]: FAILED! => {"changed": false, "msg": "Find the key vault secret got exception, exception as (Forbidden) Operation get is not allowed on a disabled secret.
Code: Forbidden
Message: Operation get is not allowed on a disabled secret.
Inner error: {
    "code": "SecretDisabled"
}"}`,
    expect: 'match',
    count: 1,
    facts: { errorCode: 'Forbidden', innerErrorCode: 'SecretDisabled', objectType: 'secret', objectName: undefined },
  },
  {
    name: 'go-autorest (Steampipe) GetSecret on a disabled secret',
    source: 'https://github.com/turbot/steampipe-plugin-azure/pull/111',
    text: 'Error: keyvault.BaseClient#GetSecret: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="Forbidden" Message="Operation get is not allowed on a disabled secret." InnerError={"code":"SecretDisabled"}',
    expect: 'match',
    count: 1,
    facts: { httpStatus: 403, errorCode: 'Forbidden', innerErrorCode: 'SecretDisabled', objectType: 'secret' },
  },
  {
    name: 'AWS Secrets Manager "marked for deletion" (another service)',
    source: 'https://github.com/external-secrets/kubernetes-external-secrets/issues/415',
    text: "**You can't perform this operation on the secret because it was marked for deletion**",
    expect: 'no-match',
  },
  {
    name: 'Eclipse Hono release note about filtering disabled secrets (not an error)',
    source: 'https://github.com/eclipse-hono/hono/pull/2248',
    text: '`CredentialsObject.getCandidateSecrets(...)` is used to retrieve valid secrets.  Currently the secrets are filtered based on their validity period regardless of whether the status is enabled or not. This has been fixed now, so that the disabled secrets are filtered out.',
    expect: 'no-match',
  },
  {
    name: 'Disk encryption docs on disabled keys (no refusal)',
    source: 'https://github.com/MicrosoftDocs/azure-docs/issues/121652',
    text: 'In the highlighted box it states: \n"When a key is either disabled, deleted, or expired, any VMs with either OS or data disks using that key will automatically shut down. After the automated shut down, VMs won\'t boot until the key is enabled again, or you assign a new key.',
    expect: 'no-match',
  },
  {
    name: 'Soft-deleted key conflict belongs to soft-deleted',
    source: 'https://github.com/hashicorp/terraform/issues/30068',
    text: '│ Error: Creating Key: keyvault.BaseClient#CreateKey: Failure responding to request: StatusCode=409 -- Original Error: autorest/azure: Service returned an error. Status=409 Code="Conflict" Message="Key vmname-custom-disk-encryption is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the key can only be recovered or purged." InnerError={"code":"ObjectIsDeletedButRecoverable"}',
    expect: 'no-match',
  },
];
