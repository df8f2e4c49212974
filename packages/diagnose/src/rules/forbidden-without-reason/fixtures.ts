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
  // Hosting services whose wrappers name no gate (platform/host-advice.ts): identity and network first.
  {
    name: "Databricks Key Vault-backed scope: INVALID_STATE names only the vault; the AzureDatabricks application is the caller",
    source: "https://github.com/MicrosoftDocs/azure-docs/issues/98803",
    text: "There is no mention of access policies or RBAC assignments to allow the databricks instance to retrieve the secret values. I have just run into the situation where if the keyvault access configuration is set to \"Azure role-based access control\", any attempts to retrieve the secret fail with \"INVALID_STATE: Databricks could not access keyvault: https://xxxxxxx.vault.azure.net/\". This seems to be vaguely documented here: https://learn.microsoft.com/en-us/azure/databricks/kb/security/troubleshoot-key-vault-access, but the problem is the access configuration isn't set to access policies.",
    expect: 'match',
    commands: [
      "az ad sp list --display-name AzureDatabricks --query \"[0].id\" --output tsv",
      "az keyvault update --name <vault-name> --bypass AzureServices",
    ],
  },
  {
    name: "App Service portal status AccessToKeyVaultDenied: the app's managed identity and its virtual network",
    source: "https://github.com/ToolDoBox/BigJobHunterPro/blob/1f72bc3949ccb5919e8e914cd783dbc775a65cf4/Meta/Sprints/Sprint-4/Azure-Detailed.md",
    text: "Vault name\nbjhp-keyvault-prod\nSecret name\nAnthropicApiKey\nIdentity\nSystem assigned managed identity\nStatus\nAccessToKeyVaultDenied\nError details\nKey Vault reference was not able to be resolved because site was denied access to Key Vault reference's vault.",
    expect: 'match',
    // The status lines name the vault and the secret, each value on the line after its label.
    facts: { vault: 'bjhp-keyvault-prod', objectName: 'AnthropicApiKey', objectType: 'secret' },
    commands: [
      'az keyvault secret show --vault-name bjhp-keyvault-prod --name AnthropicApiKey --debug',
      "az webapp identity show --resource-group <resource-group> --name <app-name> --query principalId --output tsv",
      "az webapp show --resource-group <resource-group> --name <app-name> --query keyVaultReferenceIdentity --output tsv",
      "az webapp config set --resource-group <resource-group> --name <app-name> --generic-configurations '{\"vnetRouteAllEnabled\": true}'",
    ],
  },
  {
    name: "AccessToKeyVaultDenied in a text that names a Function App: the functionapp commands",
    source: "https://github.com/Azure/Azure-Functions/issues/1947",
    text: "With this setup the keyvault references resolves successfully in the Function App. In the App Service it won't resolve with the error `AccessToKeyVaultDenied`.",
    expect: 'match',
    commands: [
      "az functionapp identity show --resource-group <resource-group> --name <app-name> --query principalId --output tsv",
    ],
  },
  {
    name: "Databricks could not create the scope (the access-policy write was refused): not a refused read",
    source: "https://github.com/databricks/terraform-provider-databricks/issues/1206",
    text: "\": cannot create secret scope: Unable to grant read/list permission to Databricks service principal to KeyVault\"",
    expect: 'no-match',
  },
  {
    name: "the portal could not confirm a reference's status: no refusal",
    source: "https://github.com/Azure/Azure-Functions/issues/2248",
    text: "The portal is not able to confirm the status of your Key Vault reference at this time. Linux App Service Plan.",
    expect: 'no-match',
  },
];
