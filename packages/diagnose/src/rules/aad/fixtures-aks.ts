import type { Fixture } from '../../rule-kit/fixture';

/** The AKS Secrets Store CSI driver's workload identity: a Kubernetes service account subject, no CI. */
export const aksFixtures: readonly Fixture[] = [
  {
    name: "CSI driver pod event: AADSTS70021 for the service account subject; the credential is for the AKS issuer",
    source: "https://github.com/MicrosoftDocs/azure-docs/issues/106441",
    text: "  Warning  FailedMount  15s  kubelet  MountVolume.SetUp failed for volume \"secrets-store01-inline\" : rpc error: code = Unknown desc = failed to mount secrets store objects for pod default/busybox-secrets-store-inline-user-msi, err: rpc error: code = Unknown desc = failed to mount objects, error: failed to get keyvault client: failed to get authorizer for keyvault client: failed to acquire token: FromAssertion(): http call(https://login.microsoftonline.com/d95095be-6338-44be-89cb-12753aa161e4/oauth2/v2.0/token)(POST) error: reply status code was 400:\n{\"error\":\"invalid_request\",\"error_description\":\"AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: 'https://uksouth.oic.prod-aks.azure.com/d95095be-6338-44be-89cb-12753aa161e4/7627b819-b0f2-4621-934c-c458148d71be/'. Assertion Subject: 'system:serviceaccount:default:workload-identity-sa'. Assertion Audience: 'api://AzureADTokenExchange'. https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation\\r\\nTrace ID: 50063224-eaa6-4b6e-8488-f2f376042900\\r\\nCorrelation ID: 3f40e554-c771-46aa-bb9e-5761e8dab582\\r\\nTimestamp: 2023-03-10 13:37:52Z\",\"error_codes\":[70021],\"timestamp\":\"2023-03-10 13:37:52Z\",\"trace_id\":\"50063224-eaa6-4b6e-8488-f2",
    expect: 'match',
    facts: { aadCode: 'AADSTS70021', tenantId: 'd95095be-6338-44be-89cb-12753aa161e4' },
    commands: [
      "az identity federated-credential create --name system-serviceaccount-default-workload-identity-sa --identity-name <identity-name> --resource-group <resource-group> --issuer https://uksouth.oic.prod-aks.azure.com/d95095be-6338-44be-89cb-12753aa161e4/7627b819-b0f2-4621-934c-c458148d71be/ --subject system:serviceaccount:default:workload-identity-sa --audiences api://AzureADTokenExchange",
    ],
  },
  {
    name: "CSI provider error copied from a troubleshooting page (placeholders in the issuer and subject)",
    source: "https://github.com/aranaescobedo/aks/blob/1623545b257a8cf02e2541ab9bc1fb4b894ac33b/workload-identity/troubleshooting.md",
    text: "- ```error: code = Unknown desc = failed to mount objects, error: failed to get keyvault client: failed to get authorizer for keyvault client: failed to acquire token: FromAssertion(): http call(https://login.microsoftonline.com/<TENANT_ID>/oauth2/v2.0/token)(POST) error: reply status code was 401: {\"error\":\"unauthorized_client\",\"error_description\":\"AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: 'https://westeurope.oic.prod-aks.azure.com/<TENANT_ID>/<FEDERATED_IDENTITY_ID>/'. Assertion Subject: 'system:serviceaccount:serviceportal:<SERVICE_ACCOUNT_NAME>'. Assertion Audience: 'api://AzureADTokenExchange'. https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation\\r\\nTrace ID: <TRACE_ID>\\r\\nCorrelation ID: <CORRELATION_ID>\\r\\nTimestamp: <TIMESTAMP>\",\"error_codes\":[70021],\"timestamp\":\"<TIMESTAMP>\",\"trace_id\":\"<TRACE_ID>\",\"correlation_id\":\"<CORRELATION_ID>\",\"error_uri\":\"https://login.microsoftonline.com/error?code=70021\"}```",
    expect: 'match',
    facts: { aadCode: 'AADSTS70021' },
  },
  {
    name: "pod identity NMI answered 403 because IMDS found no identity: no Entra refusal",
    source: "https://github.com/OWASP/wrongsecrets/pull/500",
    text: "  Warning  FailedMount  4s (x6 over 20s)  kubelet            MountVolume.SetUp failed for volume \"secrets-store-inline\" : rpc error: code = Unknown desc = failed to mount secrets store objects for pod default/secret-challenge-78bd577468-rsqvt, err: rpc error: code = Unknown desc = failed to mount objects, error: failed to get keyvault client: failed to get authorizer for keyvault client: nmi response failed with status code: 403, response body: adal: Refresh request failed. Status Code = '400'. Response body: {\"error\":\"invalid_request\",\"error_description\":\"Identity not found\"} Endpoint http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&client_id=e44ca6a0-283b-4f6a-af1d-e",
    expect: 'no-match',
  },
];
