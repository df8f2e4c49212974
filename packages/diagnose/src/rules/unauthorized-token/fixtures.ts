import type { Fixture } from '../../rule-kit/fixture';

export const fixtures: readonly Fixture[] = [
  {
    name: 'confidential containers importkey tool: the managed HSM refused its pasted bearer token (401)',
    source: 'https://github.com/microsoft/confidential-sidecar-containers/blob/main/examples/skr/TROUBLESHOOTING.md',
    text: 'pulling AKV response body failed: http response status equal to 401 Unauthorized',
    expect: 'match',
    details: { message: 'source: secure key release tooling' },
    commands: ['az account get-access-token --resource https://managedhsm.azure.net --query accessToken --output tsv'],
  },
  {
    name: 'Synapse notebook: AKV10032 with the vault tenant and the caller tenant',
    source: 'https://github.com/microsoft/SynapseML/issues/1923',
    text: `Py4JJavaError: An error occurred while calling z:mssparkutils.credentials.getSecret.
: com.microsoft.azure.synapse.tokenlibrary.utils.AkvUtils$KeyVaultException: Azure Key Vault returned error code 'Unauthorized' with message 'AKV10032: Invalid issuer. Expected one of https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/, https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/, https://sts.windows.net/e2d54eb5-3869-4f70-8578-dee5fc7331f4/, https://sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/, https://sts.windows.net/975f013f-7f24-47e8-a7d3-abc4752bf346/, found https://sts.windows.net/a6ca95a9-7d2f-4ecb-b715-381d58ca2dbd/.' and inner error 'None'`,
    expect: 'match',
    count: 1,
    facts: { innerErrorCode: 'AKV10032', tenantId: 'a6ca95a9-7d2f-4ecb-b715-381d58ca2dbd', vault: undefined },
    details: { message: 'vault tenant: 72f988bf-86f1-41af-91ab-2d7cd011db47' },
    commands: [
      'az login --tenant 72f988bf-86f1-41af-91ab-2d7cd011db47',
      'export AZURE_TENANT_ID=72f988bf-86f1-41af-91ab-2d7cd011db47',
      'Connect-AzAccount -Tenant 72f988bf-86f1-41af-91ab-2d7cd011db47',
    ],
  },
  {
    name: 'JS quickstart: AKV10032 quoted in a docs issue',
    source: 'https://github.com/MicrosoftDocs/azure-docs/issues/75410',
    text: `> "Creating a secret in undefined called 'mySecret' with the value 'testkey\` ...
> AKV10032: Invalid issuer. Expected one of https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/, https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/, https://sts.windows.net/e2d54eb5-3869-4f70-8578-dee5fc7331f4/, https://sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/, https://sts.windows.net/975f013f-7f24-47e8-a7d3-abc4752bf346/, found https://sts.windows.net/2ac36096-05f9-482e-ae23-1bdb78adb0bb/."`,
    expect: 'match',
    facts: { innerErrorCode: 'AKV10032', tenantId: '2ac36096-05f9-482e-ae23-1bdb78adb0bb' },
    details: { message: 'vault tenant: 72f988bf-86f1-41af-91ab-2d7cd011db47' },
  },
  {
    name: 'az keyvault secret list --subscription in another tenant (before the CLI fix)',
    source: 'https://github.com/Azure/azure-cli/pull/18162',
    text: `> az keyvault secret list --vault-name ystestkv --subscription "1c638cf4-608f-4ee6-b680-c329e824c3a8"
AKV10032: Invalid issuer. Expected one of https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/, https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/, https://sts.windows.net/e2d54eb5-3869-4f70-8578-dee5fc7331f4/, https://sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/, https://sts.windows.net/975f013f-7f24-47e8-a7d3-abc4752bf346/, found https://sts.windows.net/54826b22-38d6-4fb2-bad9-b7b93a3e9c5a/.`,
    expect: 'match',
    facts: { innerErrorCode: 'AKV10032', tenantId: '54826b22-38d6-4fb2-bad9-b7b93a3e9c5a' },
    commands: ['az login --tenant 72f988bf-86f1-41af-91ab-2d7cd011db47'],
  },
  {
    name: 'AKV10032 with hand-masked tenants: no tenant is a fact',
    source: 'https://github.com/Azure/azure-cli/issues/11871',
    text: 'AKV10032: Invalid issuer. Expected one of https://sts.windows.net/<nondefault tenant>/, found https://sts.windows.net/<default tenant>/.',
    expect: 'match',
    facts: { innerErrorCode: 'AKV10032', tenantId: undefined },
    details: { message: undefined },
    commands: ['az login --tenant <vault-tenant-id>', 'export AZURE_TENANT_ID=<vault-tenant-id>', 'Connect-AzAccount -Tenant <vault-tenant-id>'],
  },
  {
    name: 'IMDS token requested for the vault URL (AKV10022)',
    source: 'https://github.com/MicrosoftDocs/azure-docs/issues/109562',
    text: "Doubtless, I did something wrong to get: ```AKV10022 Invalid Audience. Expected https://vault.azure.net, found: https://kv-happy-dev-eastus-002.vault.azure.net/```",
    expect: 'match',
    facts: { innerErrorCode: 'AKV10022', vault: 'kv-happy-dev-eastus-002', requestUrl: undefined },
    details: { message: 'token audience: https://kv-happy-dev-eastus-002.vault.azure.net/; expected audience: https://vault.azure.net' },
    commands: [
      'az account get-access-token --resource https://vault.azure.net --query accessToken -o tsv',
      'Get-AzAccessToken -ResourceUrl https://vault.azure.net',
      'curl -s -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net"',
    ],
  },
  {
    name: 'Crossplane reuses its ARM token for a Key Vault secret (AKV10022)',
    source: 'https://github.com/crossplane-contrib/provider-azure/issues/346',
    text: `While creating a keyvault secret i am getting the below error.
. Status=401 Code="Unauthorized" Message="AKV10022: Invalid audience. Expected https://vault.azure.net, found: https://management.azure.com/.`,
    expect: 'match',
    facts: { httpStatus: 401, errorCode: 'Unauthorized', innerErrorCode: 'AKV10022' },
    details: { message: 'token audience: https://management.azure.com/; expected audience: https://vault.azure.net' },
  },
  {
    name: 'argocd-vault-plugin: token with an spn: audience (AKV10022)',
    source: 'https://github.com/argoproj-labs/argocd-vault-plugin/issues/621',
    text: 'ComparisonError: Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code = Unknown desc = Manifest generation error (cached): plugin sidecar failed. error generating manifests in cmp: rpc error: code = Unknown desc = error generating manifests: `sh -c "argocd-vault-plugin generate ./ -s ${ARGOCD_ENV_AVP_SECRET}"` failed exit status 1: Error: Replace: could not replace all placeholders in Template: keyvault.BaseClient#GetSecret: Failure responding to request: StatusCode=401 -- Original Error: autorest/azure: Service returned an error. Status=401 Code="Unauthorized" Message="AKV10022: Invalid audience. Expected https://vault.azure.net or cfa8b339-82a2-471a-a3c9-0fc0be7a4093, found: spn:cfa8b339-82a2-471a-a3c9-0fc0be7a4093."',
    expect: 'match',
    facts: { httpStatus: 401, innerErrorCode: 'AKV10022' },
    details: { message: 'token audience: spn:cfa8b339-82a2-471a-a3c9-0fc0be7a4093; expected audience: https://vault.azure.net' },
  },
  {
    name: 'Azure Migrate appliance: AKV10022 inside HTML-escaped portal text',
    source: 'https://github.com/MicrosoftDocs/azure-docs/issues/57950',
    text: 'Details Azure Key Vault create or update operation failed for &amp;amp;#39;https://azmigrate0357aekv.vault.azure.net/&amp;amp;#39;. The error encountered is &amp;amp;#39;AKV10022: Invalid audience. Expected https://vault.azure.net, found: https://management.azure.com/.&amp;amp;#39; Recommendation Please check if you have &amp;amp;#39;Contributor&amp;amp;#39; access to the the given subscription. You should also check if you have access to the Key Vault specified in the error message and retry the operation.',
    expect: 'match',
    facts: { innerErrorCode: 'AKV10022', vault: 'azmigrate0357aekv', requestUrl: 'https://azmigrate0357aekv.vault.azure.net/' },
    details: { message: 'token audience: https://management.azure.com/; expected audience: https://vault.azure.net' },
  },
  {
    name: 'Get-AzKeyVaultSecret after Connect-AzAccount -AccessToken (AKV10000)',
    source: 'https://github.com/Azure/azure-powershell/issues/22035',
    text: `Message        : Operation returned an invalid status code 'Unauthorized'
                 Code: Unauthorized
                 Message: AKV10000: Request is missing a Bearer or PoP token.
StackTrace     :    at Microsoft.Azure.Commands.KeyVault.Models.KeyVaultDataServiceClient.GetSecret(String vaultName, String secretName, String secretVersion)
                    at Microsoft.Azure.Commands.KeyVault.GetAzureKeyVaultSecret.ExecuteCmdlet()`,
    expect: 'match',
    count: 1,
    facts: { httpStatus: 401, errorCode: 'Unauthorized', innerErrorCode: 'AKV10000' },
    commands: ['Connect-AzAccount -AccessToken $armToken -KeyVaultAccessToken $kvToken -AccountId <account-id>'],
  },
  {
    name: 'Python SecretClient: AKV10000 body',
    source: 'https://github.com/Azure/azure-sdk-for-python/issues/24557',
    text: 'When trying to to retrieve a secret using `DefaultAzureCredential()` from `azure.identity`  as credential the argument `client = SecretClient(vault_url=key_vault_url, credential=credential)` get error `{"error":{"code":"Unauthorized","message":"AKV10000: Request is missing a Bearer or PoP token."}}`',
    expect: 'match',
    facts: { errorCode: 'Unauthorized', innerErrorCode: 'AKV10000' },
    commands: ['az account get-access-token --resource https://vault.azure.net --query accessToken -o tsv'],
  },
  {
    name: 'Terraform debug log: a dumped AKV10000 response is the challenge leg, not a refusal',
    source: 'https://github.com/hashicorp/terraform-provider-azurerm/issues/19749',
    text: `2022-12-20T15:22:30.797Z [DEBUG] provider.terraform-provider-azurerm_v3.33.0_x5: AzureRM Response for https://kv-tk888.vault.azure.net/secrets/secret1?api-version=7.1: 
HTTP/2.0 401 Unauthorized
Content-Length: 97
Cache-Control: no-cache
Content-Type: application/json; charset=utf-8
Date: Tue, 20 Dec 2022 15:22:29 GMT
Expires: -1
Pragma: no-cache
Strict-Transport-Security: max-age=31536000;includeSubDomains
Www-Authenticate: Bearer authorization="https://login.windows.net/16b3c013-d300-468d-ac64-7eda0820b6d3", resource="https://vault.azure.net"
X-Content-Type-Options: nosniff
X-Ms-Keyvault-Network-Info: conn_type=Ipv4;addr=167.220.204.128;act_addr_fam=InterNetwork;
X-Ms-Keyvault-Region: eastus
X-Ms-Keyvault-Service-Version: 1.9.640.1
X-Ms-Request-Id: 84c6454b-6671-428d-bc5c-43a87bf07484

{"error":{"code":"Unauthorized","message":"AKV10000: Request is missing a Bearer or PoP token."}}`,
    expect: 'no-match',
  },
  {
    name: 'Terraform reading certificate contacts: AKV10046 signing key',
    source: 'https://github.com/Azure-Samples/azuresandbox/issues/362',
    text: `Error: retrieving \`contact\` for KeyVault: keyvault.BaseClient#GetCertificateContacts: Failure responding to request: StatusCode=401 -- Original Error: autorest/azure: Service returned an error. Status=401 Code="Unauthorized" Message="AKV10046: Unable to resolve the key used for signature validation. EncodedJwtHeader: '...'."

  with module.vnet_shared.azurerm_key_vault.this,
  on modules/vnet-shared/main.tf line 6, in resource "azurerm_key_vault" "this":
   6: resource "azurerm_key_vault" "this" {`,
    expect: 'match',
    count: 1,
    facts: { httpStatus: 401, errorCode: 'Unauthorized', innerErrorCode: 'AKV10046' },
    details: { via: 'terraform' },
  },
  {
    name: 'Jsign: a Key Vault 401 without an AKV code',
    source: 'https://github.com/ebourg/jsign/issues/287',
    text: `GET https://[vault-name].vault.azure.net/certificates/[cert-name]?api-version=7.2
Response Code: 401
Error: {"error":{"code":"Unauthorized","message":"[BearerReadAccessTokenFailed] Error validating token: 'S2S12005'."}}`,
    expect: 'known-gap',
  },
  {
    name: 'AADSTS sign-in failure belongs to aad (token never issued)',
    source: 'https://github.com/Azure/login/issues/561',
    text: "Error: AADSTS700016: Application with identifier '***' was not found in the directory 'App Name\". This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant. Trace ID: _ Correlation ID:  _ Timestamp: 2025-10-12 11:14:59Z",
    expect: 'no-match',
  },
  {
    name: 'Storage shared-key AuthenticationFailed (another service)',
    source: 'https://github.com/microsoft/vscode-azurestorage/issues/215',
    text: `Action: azureStorage.createBlobContainer
Error type: AuthenticationFailed
Error Message: Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.
RequestId:0f68c108-601e-0098-4dc6-2d49fc000000
Time:2018-08-06T20:49:15.4072258Z`,
    expect: 'no-match',
  },
  {
    name: 'Vipps API docs: 401 without the Bearer prefix (another service)',
    source: 'https://github.com/vippsas/vipps-developers/pull/299',
    text: '   If you do not include `Bearer` you may get a `HTTP 401 Unauthorized` error.',
    expect: 'no-match',
  },
  {
    name: 'IdentityServer signature validation failure (not Key Vault)',
    source: 'https://github.com/DuendeArchive/Support/issues/837',
    text: 'IDX10501: Signature validation failed. Unable to match key:',
    expect: 'no-match',
  },
  {
    name: 'Terraform azurerm with CLI auth: autorest prints only StatusCode=401 (empty body) for a Key Vault secret read',
    source: 'https://github.com/hashicorp/terraform-provider-azurerm/issues/656',
    text: '`* module.my_mod_instance.azurerm_key_vault_secret.my_secret_name: azurerm_key_vault_secret.my_secret_name: Error making Read request on Azure KeyVault Secret my_secret_name: keyvault.ManagementClient#GetSecret: Failure responding to request: StatusCode=401 -- Original Error: autorest/azure: error response cannot be parsed: "" error: EOF`',
    expect: 'match',
    facts: { innerErrorCode: undefined, httpStatus: 401 },
    commands: ['az account get-access-token --resource https://vault.azure.net --query accessToken -o tsv'],
  },
  {
    name: 'App Service plan quota refused with autorest StatusCode=401 (not Key Vault)',
    source: 'https://blog.simontimms.com/2023/03/04/app-service-quota',
    text: 'Error: creating Service Plan: (Serverfarm Name "***devplan" / Resource Group "***_dev"): web.AppServicePlansClient#CreateOrUpdate: Failure sending request: StatusCode=401 -- Original Error: Code="Unauthorized" Message="This region has quota of 0 instances for your subscription. Try selecting different region or SKU."',
    expect: 'no-match',
  },
];
