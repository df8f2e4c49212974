import type { Fixture } from '../../rule-kit/fixture';

export const fixtures: readonly Fixture[] = [
  {
    name: "App Service portal: reference status MSINotEnabled; turn the app's identity on, then grant it",
    source: "https://github.com/ToolDoBox/BigJobHunterPro/blob/1f72bc3949ccb5919e8e914cd783dbc775a65cf4/Meta/Sprints/Sprint-4/Azure-Detailed.md",
    text: "Vault name\nbjhp-keyvault-prod\nSecret name\nAnthropicApiKey\nIdentity\nSystem assigned managed identity\nStatus\nMSINotEnabled\nError details\nReference was not able to be resolved because site Managed Identity not enabled.",
    expect: 'match',
    facts: { errorCode: 'MSINotEnabled', vault: 'bjhp-keyvault-prod', objectName: 'AnthropicApiKey' },
    commands: [
      "az webapp identity assign --resource-group <resource-group> --name <app-name>",
      "az keyvault set-policy --name bjhp-keyvault-prod --object-id <principal-id> --secret-permissions get list",
    ],
  },
  {
    name: "CSI driver with a wrong userAssignedIdentityID: IMDS answers Identity not found (Microsoft's AKS troubleshooting article)",
    source: "https://learn.microsoft.com/en-us/troubleshoot/azure/azure-kubernetes/extensions/troubleshoot-key-vault-csi-secrets-store-csi-driver",
    text: "MountVolume.SetUp failed for volume \"<volume-name>\" :  \n  rpc error:  \n    code = Unknown desc = failed to mount secrets store objects for pod <namespace>/<pod>,  \n    err: rpc error: code = Unknown desc = failed to mount objects,  \n    error: failed to get objectType:secret, objectName:<key-vault-secret-name>, objectVersion:: azure.BearerAuthorizer#WithAuthorization:  \n      Failed to refresh the Token for request to https://<key-vault-name>.vault.azure.net/secrets/<key-vault-secret-name>/?api-version=2016-10-01:  \n        StatusCode=400 -- Original Error: adal: Refresh request failed.  \n        Status Code = '400'.  \n        Response body: {\"error\":\"invalid_request\",\"error_description\":\"Identity not found\"}  \n        Endpoint http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&client_id=<userAssignedIdentityID>&resource=https%!!(MISSING)A(MISSING)%!!(MISSING)F(MISSING)%!!(MISSING)F(MISSING)vault.azure.net",
    expect: 'match',
    commands: [
      "az aks show --resource-group <resource-group> --name <cluster-name> --query addonProfiles.azureKeyvaultSecretsProvider.identity.clientId --output tsv",
    ],
  },
  {
    name: "pod identity NMI relays the IMDS 400 as a 403: still no identity, not a Key Vault refusal",
    source: "https://github.com/OWASP/wrongsecrets/pull/500",
    text: "  Warning  FailedMount  4s (x6 over 20s)  kubelet            MountVolume.SetUp failed for volume \"secrets-store-inline\" : rpc error: code = Unknown desc = failed to mount secrets store objects for pod default/secret-challenge-78bd577468-rsqvt, err: rpc error: code = Unknown desc = failed to mount objects, error: failed to get keyvault client: failed to get authorizer for keyvault client: nmi response failed with status code: 403, response body: adal: Refresh request failed. Status Code = '400'. Response body: {\"error\":\"invalid_request\",\"error_description\":\"Identity not found\"} Endpoint http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&client_id=e44ca6a0-283b-4f6a-af1d-e",
    expect: 'match',
    commands: [
      "az aks show --resource-group <resource-group> --name <cluster-name> --query addonProfiles.azureKeyvaultSecretsProvider.identity.clientId --output tsv",
    ],
  },
  {
    name: "bank-vaults unsealer on a VM scale set: the escaped IMDS answer",
    source: "https://github.com/bank-vaults/bank-vaults/issues/1201",
    text: "`msg=\"error initializing vault: error testing keystore before init: azure.BearerAuthorizer#WithAuthorization: Failed to refresh the Token for request to https://hashicorp-vault-xxxxxxx.vault.azure.net/secrets/vault-test/?api-version=2016-10-01: StatusCode=400 -- Original Error: adal: Refresh request failed. Status Code = '400'. Response body: {\\\"error\\\":\\\"invalid_request\\\",\\\"error_description\\\":\\\"Identity not found\\\"}\"`",
    expect: 'match',
    commands: [
      "az vmss identity assign --resource-group <resource-group> --name <scale-set-name> --identities <identity-resource-id>",
    ],
  },
  {
    name: "the reference status AccessToKeyVaultDenied is a refusal by the vault, not a missing identity",
    source: "https://github.com/ToolDoBox/BigJobHunterPro/blob/1f72bc3949ccb5919e8e914cd783dbc775a65cf4/Meta/Sprints/Sprint-4/Azure-Detailed.md",
    text: "Vault name\nbjhp-keyvault-prod\nSecret name\nAnthropicApiKey\nIdentity\nSystem assigned managed identity\nStatus\nAccessToKeyVaultDenied\nError details\nKey Vault reference was not able to be resolved because site was denied access to Key Vault reference's vault.",
    expect: 'no-match',
  },
  {
    name: "Synapse could not reach the managed identity endpoint at all (no identity lookup answered)",
    source: "https://github.com/solliancenet/azure-synapse-analytics-ga-content-packs/issues/4",
    text: "Create KeyVault linked service asagakeyvault...\nAzureResponseError: Failed to connect to MSI. Please make sure MSI is configured correctly.\nGet Token request returned: <Response [400]>",
    expect: 'no-match',
  },
];
