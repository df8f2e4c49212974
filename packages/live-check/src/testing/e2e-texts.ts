/**
 * Real refusal texts, copied literally from their public sources (the same texts the diagnose
 * rule fixtures cite), one or more per family the live check can settle.
 */
export const ACA_BLOG =
  'https://github.com/azureossd/azureossd.github.io/blob/b39f90efddcaedb3fc148dd880604c98dd310f54/_posts/2024-08-27-Troubleshooting-general-secret-issues-on-Container-Apps.md';

export const TEXTS = {
  firewallGithubRunner: {
    source: 'https://github.com/hashicorp/setup-terraform/issues/266',
    text: "data.azurerm_key_vault_secret.envvars: Reading...\n\nError: making Read request on Azure KeyVault Secret dotenvsecrets: keyvault.BaseClient#GetSecret: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code=\"Forbidden\" Message=\"Client address is not authorized and caller is not a trusted service.\\r\\nClient address: 13.83.40.213\\r\\nCaller: appid=***;oid=OBJECTID;iss=[https://sts.windows.net/***/\\r\\nVault:](https://sts.windows.net/***//r/nVault:) aci-kv;location=westus2\" InnerError={\"code\":\"ForbiddenByFirewall\"}",
  },
  firewallSeed: {
    source: 'https://hammadaslam.com/2020/09/04/azure-devops-with-a-firewall-enabled-key-vault/',
    text: 'Sample text for query purposes “Failed to query service connection API: ‘https://hypervmigratio98a5kv.vault.azure.net/secrets?api-version=2016-10-01’. Status Code: ‘Forbidden’, Response from server: ‘{“error”:{“code”:”Forbidden”,”message”:”Client address is not authorized and caller is not a trusted service.\\r\\nClient address: 40.82.190.38\\r\\nCaller: appid=2c5a35cb-ef1f-4659-98a2-dca8761c0def;oid=f54370a6-bc53-4e02-8d73-63de4c317b54;iss=https://sts.windows.net/a1a2578a-8fd3-4595-bb18-7d17df8944b0/\\r\\nVault: hypervmigratio98a5kv;location=canadacentral”,”innererror”:{“code”:”ForbiddenByFirewall”}}}’',
  },
  publicNetworkAca: {
    source: ACA_BLOG,
    text: 'Error happened when syncing secret somesecret from Azure Key Vault https://someakv.vault.azure.net/secrets/somesecret/0000000000000000000000000000 for ContainerApp some-app: GET request to Azure Key Vault https://someakv.vault.azure.net/secrets/somesecret/0000000000000000000000000000 returned error status: 403. body: {"error":{"code":"Forbidden","message":"Public network access is disabled and request is not from a trusted service nor via an approved private link.\\r\\nCaller: appid=00000000-0000-0000-0000-0000000000000;oid=00000000-0000-0000-0000-0000000000000;iss=https://sts.windows.net/00000000-0000-0000-0000-0000000000000/;xms_mirid=/subscriptions/00000000-0000-0000-0000-0000000000000/resourcegroups/some-rg/providers/Microsoft.App/containerApps/some-app;xms_az_rid=/subscriptions/00000000-0000-0000-0000-0000000000000/resourcegroups/some-rg/providers/Microsoft.App/containerApps/some-app\\r\\nVault: someakv;location=southafricanorth","innererror":{"code":"ForbiddenByConnection"}}}',
  },
  publicNetworkCourseLab: {
    source: 'https://github.com/courselabs/azure/blob/19fd74d4dc5b4d083c01a1c20dee3cf5b4381730/labs/keyvault/solution.md',
    text: "*Connection is not an approved private link and caller was ignored because bypass is not set to 'AzureServices' and PublicNetworkAccess is set to 'Disabled'. Vault: es-kv-001;location=eastus*",
  },
  publicNetworkSeed: {
    source: 'https://learn.microsoft.com/en-us/azure/devops/pipelines/release/key-vault-access',
    text: 'Public network access is disabled and request is not from a trusted service nor via an approved private link.This error indicates that public access is disabled, but neither a private endpoint nor the required firewall exceptions are configured.',
  },
  nspAca: {
    source: ACA_BLOG,
    text: 'Error happened when syncing secret testname from Azure Key Vault https:/someakv.vault.azure.net/secrets/somesecret/0000000000000000000000000000 for ContainerApp some-app: GET request to Azure Key Vault https://someakv.vault.azure.net/secrets/somesecret/0000000000000000000000000000 returned error status: 403. body: {"error":{"code":"Forbidden","message":"Request was not allowed by NSP rules and the client address is not authorized and caller was ignored because bypass is set to None\\r\\nClient address: xx.xx.xxx.xx\\r\\nCaller: appid=00000000-0000-0000-0000-0000000000000;oid=00000000-0000-0000-0000-0000000000000\\r\\nVault: someakv;location=westeurope","innererror":{"code":"ForbiddenByFirewall"}}',
  },
  nspSeed: {
    source: 'https://learn.microsoft.com/en-us/azure/devops/pipelines/release/key-vault-access',
    text: "Request was not allowed by NSP rules and the client address is not authorized and caller was ignored because bypass is set to None Client address: <x.x.x.x>This error indicates that public access is disabled, Allow trusted Microsoft services to bypass this firewall isn't enabled, and the client IP isn't in the key vault firewall allow list.",
  },
  rbacRecoveryServices: {
    source: 'https://github.com/hashicorp/terraform-provider-azurerm/issues/27817',
    text: "    \"message\": \"Caller is not authorized to perform action on resource.\\r\\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\\r\\nCaller: name=Microsoft.RecoveryServices/vaults;appid=5323f9a7-c851-4dd3-9116-4db61e363f3b;oid=faf80fe8-19dc-4674-bf55-669b818e288d;iss=https://sts.windows.net/<TenantID>/\\r\\nAction: 'Microsoft.KeyVault/vaults/keys/read'\\r\\nResource: '/subscriptions/<SUBID>/resourcegroups/rg-resources/providers/microsoft.keyvault/vaults/kv-yory/keys/generated-cmk-rotate'\\r\\nAssignment: (not found)\\r\\nDenyAssignmentId: null\\r\\nDecisionReason: null \\r\\nVault: kv-yory;location=switzerlandnorth\\r\\n\\r\\nStatus: 403 (Forbidden)\\r\\nErrorCode: Forbidden",
  },
  rbacAzCli: {
    source: 'https://github.com/microsoft/aoai-api-simulator/issues/18',
    text: "Loading .env\nERROR: (Forbidden) Caller is not authorized to perform action on resource.\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\nCaller: appid=04b07795-8ddb-461a-bbee-02f9e1bf7b46;oid=207e277f-a838-4c61-940a-950b06cd1cc8;iss=https://sts.windows.net/43dc75e3-499a-40cd-891a-ba9f8e445365/\nAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'\nResource: '/subscriptions/f95180d7-b5fc-49c8-a9a7-5b3ee0d8ffc6/resourcegroups/aoaisim/providers/microsoft.keyvault/vaults/aoaisimaoaisimdevsl2/secrets/app-insights-connection-string'",
  },
  rbacGitlabSeed: {
    source: 'https://docs.gitlab.com/17.5/ee/ci/secrets/azure_key_vault.html',
    text: 'RESPONSE 403: 403 Forbidden\nERROR CODE: Forbidden\nCaller is not authorized to perform action on resource.\\r\\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\nForbiddenByRbac',
  },
  accessPolicySteampipe: {
    source: 'https://github.com/turbot/steampipe-plugin-azure/issues/127',
    text: 'Error: keyvault.BaseClient#GetSecrets: Failure responding to request: StatusCode=403 -- Original Error: autorest/azure: Service returned an error. Status=403 Code="Forbidden" Message="The user, group or application \'appid=dcfa956d-b453-448c-b06b-4c1383c2afeb;oid=09e7a3cd-4fc8-4d55-bb62-aaef76a8b439;numgroups=2;iss=https://sts.windows.net/cdffd708-7da0-4cea-abeb-0a4c334d7f64/\' does not have secrets list permission on key vault \'diskvault001;location=southindia\'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287" InnerError={"code":"AccessDenied"}',
  },
} as const;
