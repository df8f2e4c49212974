import type { Fixture } from '../../rule-kit/fixture';

export const fixtures: readonly Fixture[] = [
  {
    name: 'confidential containers SKR sidecar: a refused secure key release prints only 403 Forbidden',
    source: 'https://github.com/microsoft/confidential-sidecar-containers/blob/main/examples/skr/TROUBLESHOOTING.md',
    text: 'err: pulling AKV response body failed: http response status equal to 403 Forbidden',
    expect: 'match',
    details: { message: 'A secure key release was refused.' },
    commands: [
      'az keyvault key show --vault-name <vault-name> --name <key-name> --query releasePolicy',
      'az keyvault role assignment create --hsm-name <hsm-name> --role "Managed HSM Crypto User" --assignee <managed-identity-object-id> --scope /keys',
    ],
  },
  {
    name: 'the same sidecar answered 404 Not Found (a key name mismatch): not a refusal of this family',
    source: 'https://github.com/microsoft/confidential-sidecar-containers/blob/main/examples/skr/TROUBLESHOOTING.md',
    text: 'err: pulling AKV response body failed: http response status equal to 404 Not Found',
    expect: 'no-match',
  },
  {
    name: 'Az PowerShell Add-AzKeyVaultCertificate prints only the status',
    source: 'https://github.com/MicrosoftDocs/azure-docs/issues/35599',
    text: "Add-AzKeyVaultCertificate : Operation returned an invalid status code 'Forbidden'",
    expect: 'match',
    facts: { vault: undefined },
    commands: [
      'az keyvault secret show --vault-name <vault-name> --name <secret-name> --debug',
      'az keyvault set-policy --name <vault-name> --spn <app-id> --secret-permissions get list',
    ],
  },
  {
    name: 'Track-1 .NET KeyVaultErrorException with no body, from a Fake build script',
    source: 'https://github.com/Azure/azure-libraries-for-net/issues/971',
    text: "Exception has occurred: CLR/Microsoft.Azure.KeyVault.Models.KeyVaultErrorException\nAn exception of type 'Microsoft.Azure.KeyVault.Models.KeyVaultErrorException' occurred in Environment.dll but was not handled in user code: 'Operation returned an invalid status code 'Forbidden''",
    expect: 'match',
  },
  {
    name: 'Power BI track-1 SDK: the same words from another service',
    source: 'https://github.com/microsoft/PowerBI-CSharp/issues/110',
    text: '"Operation returned an invalid status code \'Forbidden\'"\n\nHere is the stack trace:\n\n   at Microsoft.PowerBI.Api.V2.Reports.<GetReportsInGroupWithHttpMessagesAsync>d__12.MoveNext()',
    expect: 'no-match',
  },
  {
    name: 'A body that names the gate is explained by that family instead (ForbiddenByRbac)',
    source: 'https://github.com/piyushsachdeva/Terraform_AKS/issues/2',
    text: '│ Error: checking for presence of existing Secret "7XXXXXXXX6" (Key Vault "https://test-piyush-kv-1011.vault.azure.net/"): keyvault.BaseClient#GetSecret: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="Forbidden" Message="Caller is not authorized to perform action on resource.\\r\\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\\r\\nCaller: appid=0XXXXXXXX6;oid=5XXXXXXXXa;iss=https://sts.windows.net/ee4XXXXXXXXd6/\\r\\nAction: \'Microsoft.KeyVault/vaults/secrets/getSecret/action\'\\r\\nResource: \'/subscriptions/dXXXXXXXX01/resourcegroups/test-piyush1-rg/providers/microsoft.keyvault/vaults/test-piyush-kv-1011/secrets/7cXXXXXXXX96\'\\r\\nAssignment: (not found)\\r\\nDenyAssignmentId: null\\r\\nDecisionReason: \'DeniedWithNoValidRBAC\' \\r\\nVault: test-piyush-kv-1011;location=canadacentral\\r\\n" InnerError={"code":"ForbiddenByRbac"}',
    expect: 'no-match',
  },
];
