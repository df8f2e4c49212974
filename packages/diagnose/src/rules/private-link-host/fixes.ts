import type { Fix } from '../../report/schema';
import { privateLink } from '../../fixes/private-link';
import { bicepString, hclString, ps, sh, type Value } from '../../fixes/quote';

const DNS_RG: Value = { known: false, text: '<dns-zone-resource-group>' };
const PE_RG: Value = { known: false, text: '<private-endpoint-resource-group>' };

/** Call the vault by the name Key Vault serves: the Host header and TLS name must be `<vault>.vault.azure.net`. */
export function callByNameFix(vault: Value, host: Value): Fix {
  return {
    title: `Call https://${host.text}/ by its name, never by IP address or another name`,
    steps: [
      `Use the vault URI exactly as Key Vault reports it (Azure portal: Key vault ${vault.text} → Overview → Vault URI); the request's Host header and TLS name must be ${host.text}.`,
      'Remove hosts-file entries, custom CNAMEs, IP addresses in connection settings and proxy rules that rewrite the Host header; to reach the private endpoint, let DNS answer the vault\'s own name with the private address.',
    ],
    commands: [
      { tool: 'az', text: `az keyvault show --name ${sh(vault)} --query properties.vaultUri --output tsv` },
      { tool: 'powershell', text: `(Get-AzKeyVault -VaultName ${ps(vault)}).VaultUri` },
    ],
  };
}

/** The name must resolve to this vault's own private endpoint address, not another vault's or a stale one. */
export function checkAddressFix(vault: Value, host: Value, zone: string): Fix {
  return {
    title: `Check that ${host.text} resolves to ${vault.text}'s own private endpoint`,
    steps: [
      `From the failing client, the answer must be the private address of the endpoint connected to ${vault.text} (Azure portal: Key vault ${vault.text} → Networking → Private endpoint connections → the endpoint → its network interface → Private IP address).`,
      `An address of another vault's endpoint, or a stale one left in ${zone} after an endpoint was re-created, gets this 403; a public address means this client does not use the private zone.`,
    ],
    commands: [
      { tool: 'bash', text: privateLink.nslookup(host) },
      { tool: 'az', text: privateLink.connections(vault) },
      { tool: 'az', text: `az network private-endpoint show --resource-group ${sh(PE_RG)} --name <private-endpoint-name> --query "customDnsConfigs[].{fqdn: fqdn, ip: ipAddresses[0]}"` },
      { tool: 'az', text: privateLink.dnsRecords(zone, DNS_RG) },
    ],
  };
}

/** A DNS zone group lets Azure keep the A record equal to the endpoint's address; the zone is linked to the clients' network. */
export function zoneGroupFix(vault: Value, zone: string): Fix {
  const zoneId: Value = { known: false, text: '<private-dns-zone-resource-id>' };
  return {
    title: `Let the private endpoint manage ${vault.text}'s record in ${zone}`,
    steps: [
      `Replace a hand-made A record with a DNS zone group on the private endpoint: Azure then writes and updates the record ${vault.text} in ${zone} with the endpoint's address.`,
      'Link the zone to every virtual network whose clients call the vault (or to the one your DNS resolver forwards from).',
    ],
    commands: [
      { tool: 'az', text: `az network private-dns record-set a delete --resource-group ${sh(DNS_RG)} --zone-name ${zone} --name ${sh(vault)} --yes` },
      {
        tool: 'az',
        text: `az network private-endpoint dns-zone-group create --resource-group ${sh(PE_RG)} --endpoint-name <private-endpoint-name> --name default --private-dns-zone ${sh(zoneId)} --zone-name vault`,
      },
      { tool: 'az', text: privateLink.dnsLink(zone, DNS_RG, { known: false, text: '<client-vnet-resource-id>' }) },
      {
        tool: 'bicep',
        text: `resource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-11-01' = {\n  parent: privateEndpoint\n  name: 'default'\n  properties: {\n    privateDnsZoneConfigs: [\n      {\n        name: 'vault'\n        properties: { privateDnsZoneId: ${bicepString(zoneId)} }\n      }\n    ]\n  }\n}`,
      },
      {
        tool: 'terraform',
        text: `resource "azurerm_private_endpoint" "vault" {\n  # …\n  private_dns_zone_group {\n    name                 = "default"\n    private_dns_zone_ids = [${hclString(zoneId)}]\n  }\n}`,
      },
    ],
  };
}
