import type { Fixture } from '../../rule-kit/fixture';

// No public log with a real vault host in this message was found: the texts are the Key Vault
// team's own Q&A (Stack Overflow question 66341460, read on a mirror) and Microsoft's support article.
const SO_MIRROR = 'https://coderapp.vercel.app/answer/66341460';
const SUPPORT_ARTICLE =
  'https://github.com/MicrosoftDocs/SupportArticles-docs/blob/116348a7ac58a3e6734b893875aea0ac5aaf9a85/support/azure/private-link/troubleshoot-403-access-denied-private-endpoint.md';

export const fixtures: readonly Fixture[] = [
  {
    name: 'Key Vault Q&A: 403 through a private link, host placeholder',
    source: SO_MIRROR,
    text: 'When I attempt to access my Key Vault using a Private Link (or maybe not, not sure), the service returns 403 (Forbidden) with this message:\n\nThis TCP connection does not allow access to {host}.',
    expect: 'match',
    facts: { vault: undefined },
    commands: ['nslookup <vault-name>.vault.azure.net', 'az keyvault show --name <vault-name> --query properties.vaultUri --output tsv'],
  },
  {
    name: 'Support article symptom list: the Key Vault form names the bare suffix and port',
    source: SUPPORT_ARTICLE,
    text: '- Error message: `This TCP connection does not allow access to vault.azure.net on port 443` (Key Vault).',
    expect: 'match',
    facts: { vault: undefined },
    commands: [
      'az network private-endpoint dns-zone-group create --resource-group <private-endpoint-resource-group> --endpoint-name <private-endpoint-name> --name default --private-dns-zone <private-dns-zone-resource-id> --zone-name vault',
    ],
  },
  {
    name: 'Support article symptom list: the Storage refusal is not this family',
    source: SUPPORT_ARTICLE,
    text: '- Error message: `This request is not authorized to perform this operation` (Azure Storage).',
    expect: 'no-match',
  },
  {
    name: 'Healthy /healthstatus through a private endpoint (network-info header, 200)',
    source: 'https://github.com/MicrosoftDocs/azure-security-docs/blob/31524096acc57e75f3b34795609c100d85b220b7/articles/key-vault/general/private-link-diagnostics.md',
    text: 'joe@MyUbuntu:~$ curl -i https://fabrikam.vault.azure.net/healthstatus\nHTTP/1.1 200 OK\nCache-Control: no-cache\nPragma: no-cache\nContent-Type: application/json; charset=utf-8\nx-ms-request-id: 6c090c46-0a1c-48ab-b740-3442ce17e75e\nx-ms-keyvault-service-version: 1.2.27.0\nx-ms-keyvault-network-info: addr=10.4.5.6;act_addr_fam=InterNetworkV6;\nStrict-Transport-Security: max-age=31536000;includeSubDomains\nContent-Length: 4',
    expect: 'no-match',
  },
  {
    name: 'Private-endpoint-only vault reached from outside (sibling family public-network-disabled)',
    source: 'https://github.com/Azure/azure-cli/issues/31406',
    text: 'azure.core.exceptions.HttpResponseError: (Forbidden) Connection is not an approved private link and call',
    expect: 'no-match',
  },
  {
    name: 'privatelink host used as the vault URL: TLS name mismatch (sibling family private-endpoint-dns)',
    source: 'https://github.com/external-secrets/external-secrets/issues/1998',
    text: 'Original Error: Get \\"https://<keyvaultname>.privatelink.vaultcore.azure.net/secrets/<username>/?api-version=2016-10-01\\":\nx509: certificate is valid for vault.azure.net, *.vault.azure.net, *.vaultcore.azure.net,  not <keyvaultname>.privatelink.vaultcore.azure.net"',
    expect: 'no-match',
  },
];
