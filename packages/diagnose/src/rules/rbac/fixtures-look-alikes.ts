import type { Fixture } from '../../rule-kit/fixture';

// Texts that look like an RBAC refusal and are not Key Vault's data-plane RBAC: other services'
// and other clouds' RBAC, the control plane, and the sibling families' refusals.
export const lookAlikeFixtures: readonly Fixture[] = [
  {
    name: 'Storage data-plane RBAC (AuthorizationPermissionMismatch) is not a Key Vault refusal',
    source: 'https://github.com/Azure/kusto-copy/issues/79',
    text: 'Initialize storage...kc Error: 0 : Exception encountered:  Azure.RequestFailedException ; Service request failed.\nStatus: 403 (This request is not authorized to perform this operation using this permission.)\nErrorCode: AuthorizationPermissionMismatch',
    expect: 'no-match',
  },
  {
    name: 'ARM control-plane AuthorizationFailed on Microsoft.KeyVault/vaults/write is out of the data-plane families',
    source: 'https://github.com/Azure-Samples/key-vault-dotnet-manage-key-vaults/issues/11',
    text: "Microsoft.Rest.Azure.CloudException: 'The client 'xxxxxxxx-xxxx-xxxx-xxxxxxxxx' with object id 'xxxxxxx-xxxx-xxxx-xxxxx-xxxxxxxxx' does not have authorization to perform action 'Microsoft.KeyVault/vaults/write' over scope '/subscriptions/xxxxxxxx-xxxx-xxxxx-xxxxx-xxxxxxxxxxxxxxx/resourceGroups/xxxxxxxxxxxxGroup/providers/Microsoft.KeyVault/vaults/vault175053159243' or the scope is invalid. If access was recently granted, please refresh your credentials.'",
    expect: 'no-match',
  },
  {
    name: 'Changing the permission model (InsufficientPermissions, control plane) is not a data-plane refusal',
    source: 'https://github.com/Azure/bicep/issues/13541',
    text: 'Caller is not allowed to change permission model. For more information on how to change the permissions model follow this link: https://go.microsoft.com/fwlink/?linkid=2155160. Details: oid=GUID; action=Microsoft.Authorization/roleAssignments/write; resource=/subscriptions/GUID/resourcegroups/RESOURCEGROUP/providers/Microsoft.KeyVault/vaults/KEYVAULTRESOURCE; decision=NotAllowed;  (Code: InsufficientPermissions)',
    expect: 'no-match',
  },
  {
    name: 'AWS IAM "is not authorized to perform … on resource" for secretsmanager is not Azure',
    source: 'https://github.com/awsdocs/iam-user-guide/blob/293a995207571bdc5e63ab0a0e1c32430f4280ee/doc_source/troubleshoot_access-denied.md',
    text: '  User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: \n  secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:123456789012:secret:* with an explicit deny in a resource-based policy',
    expect: 'no-match',
  },
  {
    name: 'Kubernetes RBAC Forbidden is not Key Vault RBAC',
    source: 'https://github.com/bitnami/sealed-secrets/issues/17',
    text: 'Error from server (Forbidden): error when creating "controller.yaml": roles.rbac.authorization.k8s.io "sealed-secrets-key-admin" is forbidden: attempt to grant extra privileges: [{[get] [] [secrets] [sealed-secrets-key] []} {[create] [] [secrets] [] []}] user=&{client  [system:authenticated] map[]} ownerrules=[] ruleResolutionErrors=[]',
    expect: 'no-match',
  },
  {
    name: 'Access-policy refusal (sibling family access-policy) is not RBAC',
    source: 'https://github.com/turbot/steampipe-plugin-azure/issues/127',
    text: 'Error: keyvault.BaseClient#GetSecrets: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="Forbidden" Message="The user, group or application \'appid=dcfa956d-b453-448c-b06b-4c1383c2afeb;oid=09e7a3cd-4fc8-4d55-bb62-aaef76a8b439;numgroups=2;iss=https://sts.windows.net/cdffd708-7da0-4cea-abeb-0a4c334d7f64/\' does not have secrets list permission on key vault \'diskvault001;location=southindia\'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287" InnerError={"code":"AccessDenied"}',
    expect: 'no-match',
  },
  {
    name: 'Firewall refusal (sibling family firewall) is not RBAC',
    source: 'https://github.com/Azure/sap-automation/issues/245',
    text: ' checking for presence of existing Secret "MGMT-WEEU-LAZ01-sshkey" (Key Vault "https://mgmtweeulaz01user60d.vault.azure.net/"): keyvault.BaseClient#GetSecret: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="Forbidden" Message="Client address is not authorized and caller is not a trusted service.\\r\\nClient address: 20.111.13.60\\r\\nCaller: appid=****************;oid=************************;iss=https://sts.windows.net/f25493ae-1c98-41d7-8a33-0be75f5fe603/\\r\\nVault: MGMTWEEULAZ01user60D;location=westeurope" InnerError={"code":"ForbiddenByFirewall"}',
    expect: 'no-match',
  },
  {
    name: 'GitLab-layout 403 with no body names no permission model',
    source: 'https://github.com/getsops/sops/issues/2112',
    text: 'failed to fetch Azure Key to retrieve key version: GET https://my-vault.vault.azure.net/keys/sops/\nRESPONSE 403: 403 Forbidden\nERROR CODE: Forbidden',
    expect: 'no-match',
  },
  {
    name: 'a deployment script that retries on ForbiddenByRbac names the code in its retry pattern; nothing was refused',
    source: 'https://github.com/vramanavar1/rag-os-assistant/blob/4661f702f78a54fce475632a9deeff353b55cd0e/infra/scripts/02-identity-keyvault.ps1',
    text: [
      "Write-Step 'Secrets'",
      '# Listing names only (never values). Retries cover the minutes it takes a fresh role assignment to apply.',
      "$existingNames = Invoke-WithRetry -Activity 'List Key Vault secrets' -MaxAttempts 12 -DelaySeconds 10 `",
      "    -RetryOn '(?i)(Forbidden|not authorized|Unauthorized|ForbiddenByRbac)' -ScriptBlock {",
      "    @(Get-AzTsvValues @('keyvault', 'secret', 'list', '--vault-name', $n.KeyVault, '--query', '[].name'))",
      '}',
      '$existingNames = @($existingNames)',
    ].join('\n'),
    expect: 'no-match',
  },
];
