import type { Fixture } from '../../rule-kit/fixture';

// Federation refused for the assertion itself: tenant, issuer and cloud policies (the Azure DevOps
// troubleshooting table), an Entra token used as the assertion, and assertions presented too late.
export const assertionFixtures: readonly Fixture[] = [
  {
    name: 'Azure DevOps troubleshooting table: federation constrained (AADSTS700238)',
    source: 'https://github.com/MicrosoftDocs/azure-devops-docs/blob/3c1b44e4de0c7d6b34ffe5445ad0b7a84fc1d4aa/docs/pipelines/release/includes/aadsts-errors-workload-identity.md',
    text: 'Microsoft Entra rejected the token issued by Azure DevOps with error code AADSTS700238',
    expect: 'match',
    facts: { aadCode: 'AADSTS700238', appId: undefined, tenantId: undefined, correlationId: undefined },
    details: { traceId: undefined },
  },
  {
    name: 'Azure DevOps troubleshooting table: federation disabled (AADSTS700223)',
    source: 'https://github.com/MicrosoftDocs/azure-devops-docs/blob/3c1b44e4de0c7d6b34ffe5445ad0b7a84fc1d4aa/docs/pipelines/release/includes/aadsts-errors-workload-identity.md',
    text: '| **AADSTS700223** | Workload identity federation is constrained or disabled on the Microsoft Entra tenant. In this scenario, it may be possible to use a managed identity for the federation instead. For more information, see [Workload identity with managed identity](https://aka.ms/azdo-rm-workload-identity-manual). |',
    expect: 'match',
    facts: { aadCode: 'AADSTS700223', appId: undefined, tenantId: undefined, correlationId: undefined },
    details: { traceId: undefined },
  },
  {
    name: 'Azure DevOps troubleshooting table: multitenant app (AADSTS70052)',
    source: 'https://github.com/MicrosoftDocs/azure-devops-docs/blob/3c1b44e4de0c7d6b34ffe5445ad0b7a84fc1d4aa/docs/pipelines/release/includes/aadsts-errors-workload-identity.md',
    text: 'AADSTS70052: The identity must be a managed identity, a single tenant app, or a service account',
    expect: 'match',
    facts: { aadCode: 'AADSTS70052', appId: undefined, tenantId: undefined, correlationId: undefined },
    details: { traceId: undefined },
    commands: [
      'az ad app update --id <app-id> --sign-in-audience AzureADMyOrg',
    ],
  },
  {
    name: 'Azure DevOps troubleshooting table: cross-cloud (AADSTS900382)',
    source: 'https://github.com/MicrosoftDocs/azure-devops-docs/blob/3c1b44e4de0c7d6b34ffe5445ad0b7a84fc1d4aa/docs/pipelines/release/includes/aadsts-errors-workload-identity.md',
    text: 'AADSTS900382: Confidential Client is not supported in Cross Cloud',
    expect: 'match',
    facts: { aadCode: 'AADSTS900382', appId: undefined, tenantId: undefined, correlationId: undefined },
    details: { traceId: undefined },
  },
  {
    name: 'Entra-issued token used as the federated assertion (hand-masked ids)',
    source: 'https://github.com/AzureAD/microsoft-identity-web/issues/2519',
    text: '{"error":"invalid_client","error_description":"AADSTS700222: AAD-issued tokens may not be used for federated identity flows.\\r\\nTrace ID: xxxxxxxxx\\r\\nCorrelation ID: xxxxxxxxxxxxxx\\r\\nTimestamp: 2023-10-11 21:02:40Z","error_codes":[700222],"timest',
    expect: 'match',
    facts: { errorCode: 'invalid_client', aadCode: 'AADSTS700222', timestamp: '2023-10-11 21:02:40Z', appId: undefined, tenantId: undefined, correlationId: undefined },
    details: { traceId: undefined },
  },
  {
    name: 'GitHub Actions job deleting an AKS cluster 55 minutes after login',
    source: 'https://github.com/kata-containers/kata-containers/issues/11758',
    text: 'ERROR: AADSTS700024: Client assertion is not within its valid time range. Current time: 2025-09-03T17:59:55.3046782Z, assertion valid from 2025-09-03T17:04:47.0000000Z, expiry time of assertion 2025-09-03T17:09:47.0000000Z. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials . Trace ID: 7bc172dc-e017-4e50-83f0-80be14c31000 Correlation ID: 2099c933-fe69-471e-aada-2feb79c50ebc Timestamp: 2025-09-03 17:59:55Z\nRun the command below to authenticate interactively; additional arguments may be added as needed:\naz logout\naz login',
    expect: 'match',
    facts: { aadCode: 'AADSTS700024', correlationId: '2099c933-fe69-471e-aada-2feb79c50ebc', timestamp: '2025-09-03 17:59:55Z', appId: undefined, tenantId: undefined },
    details: { traceId: '7bc172dc-e017-4e50-83f0-80be14c31000', message: 'current time: 2025-09-03T17:59:55.3046782Z; valid from: 2025-09-03T17:04:47.0000000Z; expires: 2025-09-03T17:09:47.0000000Z' },
    commands: [
      'az account get-access-token --resource https://vault.azure.net --output none',
    ],
  },
  {
    name: 'DefaultAzureCredential in an Azure DevOps publish step (.NET)',
    source: 'https://github.com/dotnet/docker-tools/pull/1310',
    text: 'Unhandled exception: Azure.Identity.AuthenticationFailedException: DefaultAzureCredential authentication failed due to an unhandled exception: \n ---> Azure.Identity.AuthenticationFailedException: ClientAssertionCredential authentication failed: A configuration issue is preventing authentication - check the error message from the server for details. You can modify the configuration in the application registration portal. See https://aka.ms/msal-net-invalid-client for details.  Original exception: AADSTS700024: Client assertion is not within its valid time range. Current time: 2024-05-28T06:01:42.5853621Z, assertion valid from 2024-05-28T02:19:01.0000000Z, expiry time of assertion 2024-05-28T02:29:01.0000000Z. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials . Trace ID: 47ddff41-43d5-4e7e-aa00-dcd12eb2f600 Correlation ID: e26ff7b2-9371-4445-a593-4ec453fa9184 Timestamp: 2024-05-28 06:01:42Z\n ---> MSAL.NetCore.4.60.3.0.MsalServiceException:\n\tErrorCode: invalid_client',
    expect: 'match',
    facts: { errorCode: 'invalid_client', aadCode: 'AADSTS700024', correlationId: 'e26ff7b2-9371-4445-a593-4ec453fa9184', timestamp: '2024-05-28 06:01:42Z', appId: undefined, tenantId: undefined },
    details: { traceId: '47ddff41-43d5-4e7e-aa00-dcd12eb2f600', message: 'current time: 2024-05-28T06:01:42.5853621Z; valid from: 2024-05-28T02:19:01.0000000Z; expires: 2024-05-28T02:29:01.0000000Z' },
    commands: [
      'az account get-access-token --resource https://vault.azure.net --output none',
    ],
  },
];
