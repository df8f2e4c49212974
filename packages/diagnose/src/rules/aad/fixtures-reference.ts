import type { Fixture } from '../../rule-kit/fixture';

// Codes without curated advice: each gets Entra's published meaning (or, for a code newer than the
// bundled reference, the lookup link) and the caller facts the message states.
export const referenceFixtures: readonly Fixture[] = [
  {
    name: 'Browser sign-in page: personal account not in the tenant (AADSTS50020, reference meaning)',
    source: 'https://github.com/microsoft/BotFramework-Emulator/issues/1016',
    text: "Request Id: XXXXXXXXXX-41bf-a07d-XXXXX\nCorrelation Id: XXXXXXXXd4d0-xx-x-xxxxxxxxxxxx\nTimestamp: 2018-10-23T16:18:02Z\nMessage: AADSTS50020: User account 'xxxxx' from identity provider 'live.com' does not exist in tenant 'Microsoft' and cannot access the application xxxx6b7f-xx-axxe-xxin that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.",
    expect: 'match',
    facts: { aadCode: 'AADSTS50020', timestamp: '2018-10-23T16:18:02Z', correlationId: undefined, appId: undefined },
  },
  {
    name: 'VS Code extension sign-in denied by the identity provider (AADSTS90123, reference meaning)',
    source: 'https://github.com/microsoft/GitHub-Copilot-for-Azure/issues/412',
    text: 'Error Message: access_denied: AADSTS90123: The token can\'t be issued because the identity or claim issuance provider denied the request. Response code: access_denied. Trace ID: a9a8fa1e-f224-4a9d-b660-f07af48b2300 Correlation ID: 079978f2-c703-4e0d-9683-324e9617cbd7 Timestamp: 2025-09-17 01:38:52Z',
    expect: 'match',
    facts: { aadCode: 'AADSTS90123', correlationId: '079978f2-c703-4e0d-9683-324e9617cbd7', timestamp: '2025-09-17 01:38:52Z' },
    details: { traceId: 'a9a8fa1e-f224-4a9d-b660-f07af48b2300' },
  },
  {
    name: 'AADSTS5002730 is its own code, not AADSTS50027',
    source: 'https://github.com/AzureAD/microsoft-authentication-library-for-dotnet/issues/4712',
    text: 'Microsoft.Identity.Client.MsalServiceException: AADSTS5002730: Invalid JWT token. Unsupported key for the signing algorithm. Trace ID: 1aefd40a-34ac-49a3-be3e-',
    expect: 'match',
    facts: { aadCode: 'AADSTS5002730' },
  },
  {
    name: 'Single-tenant app signing in through /common: the caller facts come with the meaning (AADSTS50194)',
    source: 'https://github.com/Azure-Samples/active-directory-javascript-singlepageapp-dotnet-webapi-v2/issues/17',
    text: "AADSTS50194: Application 'cab0646e-fd4e-4ea9-8eae-68e057d6bf2e'(Azure-Samples_active-directory-javascript-singlepageapp-dotnet-webapi-v2) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.",
    expect: 'match',
    facts: { aadCode: 'AADSTS50194', appId: 'cab0646e-fd4e-4ea9-8eae-68e057d6bf2e', tenantId: undefined },
    details: { message: 'app name: Azure-Samples_active-directory-javascript-singlepageapp-dotnet-webapi-v2' },
  },
];
