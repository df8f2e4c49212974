import type { Fixture } from '../../rule-kit/fixture';

// Tenant, cloud, policy and resource errors, then the look-alikes the family must not claim.
export const directoryFixtures: readonly Fixture[] = [
  {
    name: 'az login traceback: tenant not found in the German cloud authority',
    source: 'https://github.com/Azure/azure-cli/issues/22145',
    text: 'The command failed with an unexpected error. Here is the traceback:\nUnable to get authority configuration for https://login.microsoftonline.de/2b0623dd-90fa-4c5c-bee8-8dc18bd4d948. Authority would typically be in a format of https://login.microsoftonline.com/your_tenant Also please double check your tenant name or GUID is correct.\nTraceback (most recent call last):\n  File "D:\\a\\1\\s\\build_scripts\\windows\\artifacts\\cli\\Lib\\site-packages\\msal/authority.py", line 100, in __init__\n  File "D:\\a\\1\\s\\build_scripts\\windows\\artifacts\\cli\\Lib\\site-packages\\msal/authority.py", line 169, in tenant_discovery\nValueError: OIDC Discovery endpoint rejects our request. Error: {"error":"invalid_tenant","error_description":"AADSTS90002: Tenant \'2b0623dd-90fa-4c5c-bee8-8dc18bd4d948\' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.\\r\\nTrace ID: c1806f4a-bcae-4ac1-b7ff-4eea2dcd1200\\r\\nCorrelation ID: 9d8aaacf-a655-4b1f-b113-3d0691054798\\r\\nTimestamp: 2022-04-21 16:26:49Z","error_codes":[90002],"timestamp":"2022-04-21 16:26:49Z","trace_id":"c1806f4a-',
    expect: 'match',
    facts: { errorCode: 'invalid_tenant', tenantId: '2b0623dd-90fa-4c5c-bee8-8dc18bd4d948', aadCode: 'AADSTS90002', correlationId: '9d8aaacf-a655-4b1f-b113-3d0691054798', timestamp: '2022-04-21 16:26:49Z', appId: undefined },
    details: { traceId: 'c1806f4a-bcae-4ac1-b7ff-4eea2dcd1200', cloud: 'germany', message: 'authority: https://login.microsoftonline.de' },
    commands: [
      'az account show --query tenantId --output tsv',
      'az cloud show --query name --output tsv',
    ],
  },
  {
    name: 'az CLI debug output, Conditional Access block echoed three times',
    source: 'https://github.com/Azure/azure-cli/issues/31703',
    text: '  File "/opt/az/lib/python3.12/site-packages/azure/cli/core/auth/util.py", line 128, in check_result\n    aad_error_handler(result, **kwargs)\n  File "/opt/az/lib/python3.12/site-packages/azure/cli/core/auth/util.py", line 53, in aad_error_handler\n    raise AuthenticationError(error_description, msal_error=error, recommendation=recommendation)\nazure.cli.core.azclierror.AuthenticationError: AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance. Trace ID: 6c216063-8eb4-4488-9e8f-276aac288d00 Correlation ID: ca7c4f69-dacb-4a96-ad27-35c260a12a81 Timestamp: 2025-06-24 12:27:08Z\n\ncli.azure.cli.core.azclierror: AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance. Trace ID: 6c216063-8eb4-4488-9e8f-276aac288d00 Correlation ID: ca7c4f69-dacb-4a96-ad27-35c260a12a81 Timestamp: 2025-06-24 12:27:08Z\naz_command_data_logger: AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance. Trace ID: 6c216063-8eb4-4488-9e8f-276aac288d00 Correlation ID: ca7c4f69-dacb-4a96-ad27-35c260a12a81 Timestamp: 2025-06-24 12:27:08Z\nInteractive authentication is needed. Please run:\naz login --scope https://storage.azure.com/.default',
    expect: 'match',
    facts: { aadCode: 'AADSTS53003', correlationId: 'ca7c4f69-dacb-4a96-ad27-35c260a12a81', timestamp: '2025-06-24 12:27:08Z', appId: undefined, tenantId: undefined },
    details: { traceId: '6c216063-8eb4-4488-9e8f-276aac288d00' },
    count: 1,
  },
  {
    name: 'az login as a user after an MFA policy change',
    source: 'https://github.com/Azure/azure-devops-cli-extension/issues/1106',
    text: "`AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '*****'.`",
    expect: 'match',
    facts: { aadCode: 'AADSTS50076', appId: undefined, tenantId: undefined, correlationId: undefined },
    details: { traceId: undefined },
  },
  {
    name: 'az login -u/-p with an account from another directory',
    source: 'https://github.com/Azure/azure-cli/issues/7981',
    text: 'Get Token request returned http error: 400 and server response: {"error":"invalid_grant","error_description":"AADSTS50034: The user account does not exist in the icbc.com directory. To sign into this application, the account must be added to the directory.\\r\\nTrace ID: c6857e82-702d-4d29-92c8-c52c0bad1700\\r\\nCorrelation ID: 75445a0f-f528-4976-b0ae-20a3456387cf\\r\\nTimestamp: 2018-12-04 20:06:21Z","error_codes":[50034],"timestamp":"2018-12-04 20:06:21Z","trace_id":"c6857e82-702d-4d29-92c8-c52c0bad1700","correlation_id":"75445a0f-f528-4976-b0ae-20a3456387cf"}',
    expect: 'match',
    facts: { errorCode: 'invalid_grant', aadCode: 'AADSTS50034', correlationId: '75445a0f-f528-4976-b0ae-20a3456387cf', timestamp: '2018-12-04 20:06:21Z', appId: undefined, tenantId: undefined },
    details: { traceId: 'c6857e82-702d-4d29-92c8-c52c0bad1700', message: 'directory: icbc.com' },
    commands: [
      'az account show --query tenantId --output tsv',
    ],
  },
  {
    name: 'az login -t -u -p with a password the tenant rejects',
    source: 'https://github.com/Azure/azure-cli/issues/18647',
    text: 'az login -t $tenant -u $username -p $password_raw\nGet Token request returned http error: 400 and server response: {"error":"invalid_grant","error_description":"AADSTS50126: Error validating credentials due to invalid username or password.\\r\\nTrace ID: a287413d-c526-4d4a-a6eb-ac9108b03000\\r\\nCorrelation ID: 7f85270a-1b07-401e-b684-a19533c1b5ea\\r\\nTimestamp: 2021-06-25 13:16:19Z","error_codes":[50126],"timestamp":"2021-06-25 13:16:19Z","trace_id":"a287413d-c526-4d4a-a6eb-ac9108b03000","correlation_id":"7f85270a-1b07-401e-b684-a19533c1b5ea","error_uri":"https://login.microsoftonline.com/error?code=50126"}',
    expect: 'match',
    facts: { errorCode: 'invalid_grant', aadCode: 'AADSTS50126', correlationId: '7f85270a-1b07-401e-b684-a19533c1b5ea', timestamp: '2021-06-25 13:16:19Z', appId: undefined, tenantId: undefined },
    details: { traceId: 'a287413d-c526-4d4a-a6eb-ac9108b03000' },
    commands: [
      'az account show --query tenantId --output tsv',
    ],
  },
  {
    name: 'Terraform azurerm 3.0 reading a Key Vault secret in US Government',
    source: 'https://github.com/hashicorp/terraform-provider-azurerm/issues/16291',
    text: '2022-04-07T10:21:54.659-0600 [TRACE] vertex "data.azurerm_key_vault_secret.AZKV-Global-AdminAccounts-MachineAdminPassword": dynamic subgraph encountered errors: making Read request on Azure KeyVault Secret AdminAccounts-MachineAdminPassword: autorest/Client#Do: Preparing request failed: StatusCode=0 -- Original Error: obtaining token: clientCredentialsToken: received HTTP status 400 with response: {"error":"invalid_resource","error_description":"AADSTS500011: The resource principal named https://vault.microsoftazure.us was not found in the tenant named [REDACTED-TenantName]. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.\\r\\nTrace ID: b8e9d945-2b79-4600-96ae-cbd1b2995c00\\r\\nCorrelation ID: 2b9fb223-7961-4db1-8c2c-bf5dc0252458\\r\\nTimestamp: 2022-04-07 16:17:54Z","error_codes":[500011],"timestamp":"2022-04-07 16:17:54Z","trace_id":"b\n8e9d945-2b79-4600-96ae-cbd1b2995c00","correlation_id":"2b9fb223-7961-4db1-8c2c-bf5dc0252458","error_uri":"https://login.microsoftonline.us/error?code=500011"}',
    expect: 'match',
    facts: { errorCode: 'invalid_resource', aadCode: 'AADSTS500011', correlationId: '2b9fb223-7961-4db1-8c2c-bf5dc0252458', timestamp: '2022-04-07 16:17:54Z', appId: undefined, tenantId: undefined },
    details: { resource: 'https://vault.microsoftazure.us', traceId: 'b8e9d945-2b79-4600-96ae-cbd1b2995c00', cloud: 'usgov', via: 'terraform' },
    commands: [
      'az cloud set --name AzureUSGovernment',
      'az account get-access-token --resource https://vault.usgovcloudapi.net --output none',
    ],
  },
  {
    name: 'az CLI token for the vault URL as resource: the tenant named by GUID is read',
    source: 'https://github.com/Azure/azure-cli/issues/12803',
    text: 'Get Token request returned http error: 400 and server response: {"error":"invalid_resource","error_description":"AADSTS500011: The resource principal named https://diascertificateskv.vault.azure.net was not found in the tenant named c2557dc9-987f-4827-af2a-8532ab931198. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.\\r\\nTrace ID: 27bb898d-f93b-46aa-82ec-6a68469d0f00\\r\\nCorrelation ID: 38c48dbe-76aa-4665-8691-9cb56c529d91\\r\\nTimestamp: 2020-03-31 11:08:11Z","error_codes":[',
    expect: 'match',
    facts: { aadCode: 'AADSTS500011', tenantId: 'c2557dc9-987f-4827-af2a-8532ab931198', correlationId: '38c48dbe-76aa-4665-8691-9cb56c529d91' },
    details: { resource: 'https://diascertificateskv.vault.azure.net', traceId: '27bb898d-f93b-46aa-82ec-6a68469d0f00' },
  },
];

export const lookAlikeFixtures: readonly Fixture[] = [
  {
    name: 'Docs prose that names AADSTS without a code',
    source: 'https://github.com/MicrosoftDocs/azure-devops-docs/blob/3c1b44e4de0c7d6b34ffe5445ad0b7a84fc1d4aa/docs/pipelines/release/includes/aadsts-errors-workload-identity.md',
    text: 'Is the AADSTS error you see not listed above? Check [Microsoft Entra authentication and authorization error codes](/entra/identity-platform/reference-error-codes#aadsts-error-codes).',
    expect: 'no-match',
  },
  {
    name: 'Key Vault 401 AKV10032 (owned by unauthorized-token)',
    source: 'https://github.com/MicrosoftDocs/azure-docs/issues/75410',
    text: 'AKV10032: Invalid issuer. Expected one of https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/, https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/, https://sts.windows.net/e2d54eb5-3869-4f70-8578-dee5fc7331f4/, https://sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/, https://sts.windows.net/975f013f-7f24-47e8-a7d3-abc4752bf346/, found https://sts.windows.net/2ac36096-05f9-482e-ae23-1bdb78adb0bb/.',
    expect: 'no-match',
  },
  {
    name: 'Azure AD B2C error about client assertions (AADB2C, not AADSTS)',
    source: 'https://github.com/MicrosoftDocs/azure-docs/pull/114906',
    text: "> Only client secrets are supported. Attempting to use federated credentials or client certificates will result in a `AADB2C99027: Policy '<policy>' does not contain a AuthorizationTechnicalProfile with a corresponding ClientAssertionType.` error.",
    expect: 'no-match',
  },
  {
    name: 'GitHub auto-linker split the code inside AADSTS700211',
    source: 'https://github.com/Azure/login/issues/360',
    text: "Error: : AADSTS700[21](https://github.com/******)1: No matching federated identity record found for presented assertion issuer 'https://token.actions.githubusercontent.com/'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation",
    expect: 'known-gap',
  },
];
