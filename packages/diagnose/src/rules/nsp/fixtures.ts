import type { Fixture } from '../../rule-kit/fixture';

const ACA_BLOG = 'https://github.com/azureossd/azureossd.github.io/blob/b39f90efddcaedb3fc148dd880604c98dd310f54/_posts/2024-08-27-Troubleshooting-general-secret-issues-on-Container-Apps.md';

export const fixtures: readonly Fixture[] = [
  {
    name: 'Container Apps secret sync, full service body (innererror ForbiddenByFirewall)',
    source: ACA_BLOG,
    text: 'Error happened when syncing secret testname from Azure Key Vault https:/someakv.vault.azure.net/secrets/somesecret/0000000000000000000000000000 for ContainerApp some-app: GET request to Azure Key Vault https://someakv.vault.azure.net/secrets/somesecret/0000000000000000000000000000 returned error status: 403. body: {"error":{"code":"Forbidden","message":"Request was not allowed by NSP rules and the client address is not authorized and caller was ignored because bypass is set to None\\r\\nClient address: xx.xx.xxx.xx\\r\\nCaller: appid=00000000-0000-0000-0000-0000000000000;oid=00000000-0000-0000-0000-0000000000000\\r\\nVault: someakv;location=westeurope","innererror":{"code":"ForbiddenByFirewall"}}',
    expect: 'match',
    facts: {
      httpStatus: 403,
      errorCode: 'Forbidden',
      innerErrorCode: 'ForbiddenByFirewall',
      clientIp: undefined,
      vault: 'someakv',
      location: 'westeurope',
      appId: undefined,
      objectId: undefined,
      tenantId: undefined,
    },
    details: { bypass: 'None' },
    commands: [
      'az keyvault network-rule add --name someakv --ip-address <client-ip>',
      'Add-AzKeyVaultNetworkRule -VaultName someakv -IpAddressRange <client-ip>',
      'az keyvault show --name someakv --query "{publicNetworkAccess: properties.publicNetworkAccess, networkAcls: properties.networkAcls, rbac: properties.enableRbacAuthorization}"',
      'az network perimeter profile access-rule create --name <rule-name> --profile-name <profile-name> --perimeter-name <perimeter-name> --resource-group <perimeter-resource-group> --address-prefixes [<client-ip>/32]',
      'New-AzNetworkSecurityPerimeterAccessRule -Name <rule-name> -ProfileName <profile-name> -ResourceGroupName <perimeter-resource-group> -SecurityPerimeterName <perimeter-name> -AddressPrefix <client-ip>/32 -Direction Inbound',
      'az network perimeter association create --name <association-name> --perimeter-name <perimeter-name> --resource-group <perimeter-resource-group> --access-mode Learning --private-link-resource {id:/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.KeyVault/vaults/someakv} --profile "{id:<profile-resource-id>}"',
    ],
  },
  {
    name: 'Microsoft pipelines troubleshooting section, rendered page (flattened, runs into the explanation)',
    source: 'https://learn.microsoft.com/en-us/azure/devops/pipelines/release/key-vault-access',
    text: 'Request was not allowed by NSP rules and the client address is not authorized and caller was ignored because bypass is set to None Client address: <x.x.x.x>This error indicates that public access is disabled, Allow trusted Microsoft services to bypass this firewall isn\'t enabled, and the client IP isn\'t in the key vault firewall allow list.',
    expect: 'match',
    facts: { clientIp: undefined, vault: undefined, innerErrorCode: undefined },
    details: { bypass: 'None' },
    commands: ['az keyvault network-rule add --name <vault-name> --ip-address <client-ip>'],
  },
  {
    name: 'Same troubleshooting section, Markdown source with inline code fences',
    source: 'https://github.com/MicrosoftDocs/azure-devops-docs/blob/01f3bc54920014355788a3e587550f65cfd509d4/docs/pipelines/release/key-vault-access.md',
    text: '- ```Request was not allowed by NSP rules and the client address is not authorized and caller was ignored because bypass is set to None Client address: <x.x.x.x>```',
    expect: 'match',
    facts: { clientIp: undefined },
    details: { bypass: 'None' },
  },
  {
    name: 'Self-hosted agent sample README quotes the two-line form',
    source: 'https://github.com/geekzter/azure-pipeline-agent-keyvault-access/blob/49f275962b0aa34354f05e968f01a068d803168c/README.md',
    text: '```\nRequest was not allowed by NSP rules and the client address is not authorized and caller was ignored because bypass is set to None\nClient address: <x.x.x.x>\n```\n\nPublic access has been enabled but the client IP address has not been added to the Key Vault firewall.',
    expect: 'match',
    facts: { clientIp: undefined, vault: undefined },
    details: { bypass: 'None' },
    commands: ['az keyvault update --name <vault-name> --bypass AzureServices'],
  },
  {
    name: 'Storage network security perimeter denial is not a Key Vault refusal',
    source: 'https://github.com/microsoft/AzureStorageExplorer/issues/8979',
    text: '    "message": "This request is not authorized by network security perimeter to perform this operation.\\nRequestId:dd5b9b07-001e-002e-51b3-b3ced0000000\\nTime:2026-03-14T13:07:51.1846065Z",\n    "code": "AuthorizationFailure"',
    expect: 'no-match',
  },
  {
    name: 'App Configuration network access policy is not a Key Vault refusal',
    source: 'https://learn.microsoft.com/en-us/azure/azure-app-configuration/network-access-errors',
    text: 'Access to this resource is governed by a network access policy. The client IP address fails to meet the criteria for access. See https://aka.ms/appconfig/network-access-errors for more information.',
    expect: 'no-match',
  },
  {
    name: 'Key Vault firewall with bypass None, no NSP wording (sibling family firewall)',
    source: 'https://github.com/MicrosoftDocs/azure-docs/blob/200ecc1f96d7d6f812036da4512c2e35fff76190/articles/cosmos-db/troubleshoot-cmk.md',
    text: '``Database account creation failed. Operation Id: 00000000-0000-0000-0000-000000000000, Error: {\\"error\\":{\\"code\\":\\"Forbidden\\",\\"message\\":\\"Client address is not authorized and caller was ignored **because bypass is set to None** \\\\r\\\\nClient address: xx.xx.xx.xx\\\\r\\\\nCaller: name=Unknown/unknown;appid=00000000-0000-0000-0000-000000000000;oid=00000000-0000-0000-0000-000000000000\\\\r\\\\nVault: mykeyvault;location=eastus\\",\\"innererror\\":{\\"code\\":\\" **ForbiddenByFirewall** \\"}}}\\r\\nActivityId: 00000000-0000-0000-0000-000000000000, ``',
    expect: 'no-match',
  },
  {
    name: 'Key Vault public network access disabled (sibling family public-network-disabled)',
    source: 'https://learn.microsoft.com/en-us/azure/devops/pipelines/release/key-vault-access',
    text: 'Public network access is disabled and request is not from a trusted service nor via an approved private link.This error indicates that public access is disabled, but neither a private endpoint nor the required firewall exceptions are configured.',
    expect: 'no-match',
  },
];
