import type { Fixture } from '../../rule-kit/fixture';

/** The variable-group issue whose title carries the firewall text that the banner hides. */
export const VARIABLE_GROUP_WITH_FIREWALL =
  'Client address is not authorized and caller is not a trusted service. Client address: 40.74.28.0\n\nIn my variable groups in Azure DevOps, I am using an Azure KeyVault to access secret values(secrets) even if all my service connections, permissions and access policies are valid, in variable groups I can not access the key vault.\n\n> The specified Azure service connection needs to have "Get, List" secret management permissions on the selected key vault. Click "Authorize" to enable Azure Pipelines to set these permissions or manage secret permissions in the Azure portal.';

/** AzureKeyVault@2 wrapping an RBAC refusal (GitHub's auto-linker mangled one line). */
export const TASK_WITH_RBAC =
  '    Downloading secret value for: BotAccount-dotnet-maestro-bot-no-scopes-PAT.\n    ##[error]\n    BotAccount-dotnet-maestro-bot-no-scopes-PAT: "Caller is not authorized to perform action on resource.\\r\\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\\r\\nCaller: appid=***;oid=e54fa0b4-a8bd-4a5a-8685-331cf8457e87;iss=[https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/\\r\\nAction](https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47//r/nAction): \'Microsoft.KeyVault/vaults/secrets/getSecret/action\'\\r\\nResource: \'/subscriptions/a4fc5514-21a9-4296-bfaf-5c7ee7fa35d1/resourcegroups/keyvaults/providers/microsoft.keyvault/vaults/dnceng-pipeline-secrets/secrets/botaccount-dotnet-maestro-bot-no-scopes-pat\'\\r\\nAssignment: (not found)\\r\\nDenyAssignmentId: null\\r\\nDecisionReason: null \\r\\nVault: dnceng-pipeline-secrets;location=westus2\\r\\n. The specified Azure service connection needs to have Get, List secret management permissions on the selected key vault. To set these p';

export const fixtures: readonly Fixture[] = [
  {
    name: 'Variable group (Library) banner, quoted "Get, List"',
    source: 'https://github.com/MicrosoftDocs/azure-devops-docs/issues/8581',
    text: '> The specified Azure service connection needs to have "Get, List" secret management permissions on the selected key vault. Click "Authorize" to enable Azure Pipelines to set these permissions or manage secret permissions in the Azure portal.',
    expect: 'match',
    facts: { vault: undefined, appId: undefined },
    details: { via: 'variable-group' },
    commands: [
      'az keyvault show --name <vault-name> --query "{publicNetworkAccess: properties.publicNetworkAccess, networkAcls: properties.networkAcls, rbac: properties.enableRbacAuthorization}"',
      "az role assignment create --role 'Key Vault Secrets User' --assignee <app-id> --scope /subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.KeyVault/vaults/<vault-name>",
      'az keyvault set-policy --name <vault-name> --spn <app-id> --secret-permissions get list',
      'az keyvault network-rule list --name <vault-name>',
    ],
  },
  {
    name: 'Microsoft pipelines doc quotes the variable-group message (seed doc)',
    source: 'https://learn.microsoft.com/en-us/azure/devops/pipelines/release/key-vault-access',
    text: 'You might encounter the error message "Specified Azure service connection needs to have "Get, List" secret management permissions on the selected key vault." Go to your key vault in the Azure portal and select Access control (IAM) > Add role assignment > key vault secrets user > Next. Add your service principal, and then select Review + assign.',
    expect: 'match',
    facts: { vault: undefined },
    details: { via: undefined },
    commands: ['Set-AzKeyVaultAccessPolicy -VaultName <vault-name> -ServicePrincipalName <app-id> -PermissionsToSecrets get,list'],
  },
  {
    name: 'AzureKeyVault task on a release: bare "Access denied." before the appended sentence',
    source: 'https://github.com/MicrosoftDocs/azure-devops-docs/issues/3117',
    text: 'AzureContainerRegistryPassword: "Access denied. The specified Azure service connection needs to have Get, List secret management permissions on the selected key vault. To set these permissions, download the ProvisionKeyVaultPermissions.ps1 script from build/release logs and execute it, or set them from the Azure portal."',
    expect: 'match',
    facts: { objectType: 'secret', objectName: 'AzureContainerRegistryPassword', vault: undefined },
    details: { via: 'azure-key-vault-task' },
    commands: ['az keyvault set-policy --name <vault-name> --spn <app-id> --secret-permissions get list'],
  },
  {
    name: 'AzureKeyVault@2 AccessDeniedError string as the task ships it',
    source: 'https://github.com/microsoft/azure-pipelines-tasks/blob/50f1b04f4ee8f2dfabda6dc4218bdea1a778f537/Tasks/AzureKeyVaultV2/Strings/resources.resjson/en-US/resources.resjson',
    text: '"%s. The specified Azure service connection needs to have Get, List secret management permissions on the selected key vault. To set these permissions, download the ProvisionKeyVaultPermissions.ps1 script from build/release logs and execute it, or set them from the Azure portal."',
    expect: 'match',
    details: { via: 'azure-key-vault-task' },
  },
  {
    name: 'AzureKeyVault V1 (2017) wording: "Specified Azure endpoint needs to have Get, List"',
    source: 'https://github.com/microsoft/azure-pipelines-tasks/pull/5694',
    text: '%s. Specified Azure endpoint needs to have Get, List secret management permissions on the selected key vault. Set these secret permissions in Azure portal',
    expect: 'match',
    facts: { vault: undefined },
  },
  {
    name: 'AzureKeyVault@2 wrapping an RBAC refusal: only rbac is reported',
    source: 'https://github.com/dotnet/source-build/issues/4525',
    text: TASK_WITH_RBAC,
    expect: 'no-match',
  },
  {
    name: 'Variable-group banner hiding a firewall refusal: only firewall is reported',
    source: 'https://github.com/MicrosoftDocs/azure-devops-docs/issues/8581',
    text: VARIABLE_GROUP_WITH_FIREWALL,
    expect: 'no-match',
  },
  {
    name: 'Docs advice about Get and List permissions is not the banner',
    source: 'https://github.com/MicrosoftDocs/azure-devops-docs/issues/3774',
    text: 'In addition to these permissions: "Ensure the Azure service connection has at least Get and List management permissions on the vault for secrets." the service connection needs Reader RBAC Role to the Key Vault, otherwise the "Key Vault Name" dropdown will not get populated.',
    expect: 'no-match',
  },
];
