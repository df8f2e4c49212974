import type { Details } from '../report/schema';
import { sh, type Value } from './quote';

interface CloudNames {
  /** Public data-plane suffix clients must call (never the privatelink name). */
  readonly hostSuffix: string;
  /** The private DNS zone a private endpoint's A record lives in. */
  readonly zone: string;
}

// Zone names per cloud from Microsoft's "Azure Private Endpoint DNS zone values" table.
const CLOUDS: Readonly<Record<NonNullable<Details['cloud']>, CloudNames>> = {
  public: { hostSuffix: 'vault.azure.net', zone: 'privatelink.vaultcore.azure.net' },
  china: { hostSuffix: 'vault.azure.cn', zone: 'privatelink.vaultcore.azure.cn' },
  usgov: { hostSuffix: 'vault.usgovcloudapi.net', zone: 'privatelink.vaultcore.usgovcloudapi.net' },
  // Azure Germany is closed; its vaults never had private link, so the public names are the useful default.
  germany: { hostSuffix: 'vault.microsoftazure.de', zone: 'privatelink.vaultcore.azure.net' },
};

export function cloudNames(cloud: Details['cloud']): CloudNames {
  return CLOUDS[cloud ?? 'public'];
}

/** `<vault>.vault.azure.net` (or the cloud's suffix): the only name a client should ever call. */
export function vaultHost(vault: Value, cloud: Details['cloud']): Value {
  const text = `${vault.text}.${cloudNames(cloud).hostSuffix}`;
  return vault.known ? { known: true, text } : { known: false, text };
}

const RG = (rg: Value | undefined): Value => rg ?? { known: false, text: '<resource-group>' };

/**
 * Private endpoint and private DNS commands, as in Microsoft's "Integrate Key Vault with Azure
 * Private Link" (CLI tab) and "Diagnose private links configuration issues on Azure Key Vault".
 */
export const privateLink = {
  nslookup: (host: Value): string => `nslookup ${sh(host)}`,
  dig: (host: Value): string => `dig +short ${sh(host)}`,
  dnsZoneCreate: (zone: string, rg: Value): string => `az network private-dns zone create --resource-group ${sh(rg)} --name ${zone}`,
  dnsLink: (zone: string, rg: Value, vnetId: Value): string =>
    `az network private-dns link vnet create --resource-group ${sh(rg)} --zone-name ${zone} --name <link-name> --virtual-network ${sh(vnetId)} --registration-enabled false`,
  dnsRecords: (zone: string, rg: Value): string => `az network private-dns record-set a list --resource-group ${sh(rg)} --zone-name ${zone} --output table`,
  endpointCreate: (vaultId: Value, rg: Value | undefined): string =>
    `az network private-endpoint create --resource-group ${sh(RG(rg))} --vnet-name <vnet-name> --subnet <subnet-name> --name <private-endpoint-name> --private-connection-resource-id ${sh(vaultId)} --group-ids vault --connection-name <connection-name>`,
  connections: (vault: Value): string =>
    `az keyvault show --name ${sh(vault)} --query "properties.privateEndpointConnections[].{name: name, status: privateLinkServiceConnectionState.status}"`,
  approve: (vault: Value, rg: Value | undefined): string =>
    `az keyvault private-endpoint-connection approve --resource-group ${sh(RG(rg))} --vault-name ${sh(vault)} --name <connection-name>`,
  registerProvider: (): string => 'az provider register --namespace Microsoft.KeyVault',
};
