import type { ClientIpOwner } from '../report/schema';

/**
 * Azure's display names for the region codes of ServiceTags_Public.json (which abbreviates some:
 * `centralfrance`, `germanywc`, `norwaye`) and of Azure Resource Manager, so a person reads
 * "Azure East US" where the data says `eastus`. A code missing here (a region newer than this
 * table) is shown as it is.
 */
const NAMES: Readonly<Record<string, string>> = {
  australiacentral: 'Australia Central',
  australiacentral2: 'Australia Central 2',
  australiaeast: 'Australia East',
  australiasoutheast: 'Australia Southeast',
  brazilne: 'Brazil Northeast',
  brazilse: 'Brazil Southeast',
  brazilsoutheast: 'Brazil Southeast',
  brazilsouth: 'Brazil South',
  canadacentral: 'Canada Central',
  canadaeast: 'Canada East',
  centralfrance: 'France Central',
  centralindia: 'Central India',
  centralus: 'Central US',
  centraluseuap: 'Central US EUAP',
  eastasia: 'East Asia',
  eastus: 'East US',
  eastus2: 'East US 2',
  eastus2euap: 'East US 2 EUAP',
  eastusstg: 'East US STG',
  francecentral: 'France Central',
  francesouth: 'France South',
  germanyn: 'Germany North',
  germanynorth: 'Germany North',
  germanywc: 'Germany West Central',
  germanywestcentral: 'Germany West Central',
  israelcentral: 'Israel Central',
  italynorth: 'Italy North',
  japaneast: 'Japan East',
  japanwest: 'Japan West',
  jioindiacentral: 'Jio India Central',
  jioindiawest: 'Jio India West',
  koreacentral: 'Korea Central',
  koreasouth: 'Korea South',
  malaysiasouth: 'Malaysia South',
  mexicocentral: 'Mexico Central',
  northcentralus: 'North Central US',
  northeurope: 'North Europe',
  northeurope2: 'North Europe 2',
  norwaye: 'Norway East',
  norwayeast: 'Norway East',
  norwayw: 'Norway West',
  norwaywest: 'Norway West',
  polandcentral: 'Poland Central',
  qatarcentral: 'Qatar Central',
  southafricanorth: 'South Africa North',
  southafricawest: 'South Africa West',
  southcentralus: 'South Central US',
  southcentralusstg: 'South Central US STG',
  southeastasia: 'Southeast Asia',
  southfrance: 'France South',
  southindia: 'South India',
  spaincentral: 'Spain Central',
  swedencentral: 'Sweden Central',
  swedensouth: 'Sweden South',
  switzerlandn: 'Switzerland North',
  switzerlandnorth: 'Switzerland North',
  switzerlandw: 'Switzerland West',
  switzerlandwest: 'Switzerland West',
  taiwannorth: 'Taiwan North',
  taiwannorthwest: 'Taiwan Northwest',
  uaecentral: 'UAE Central',
  uaenorth: 'UAE North',
  uksouth: 'UK South',
  ukwest: 'UK West',
  usstagec: 'South Central US STG',
  usstagee: 'East US STG',
  westcentralus: 'West Central US',
  westeurope: 'West Europe',
  westindia: 'West India',
  westus: 'West US',
  westus2: 'West US 2',
  westus3: 'West US 3',
};

/** `eastus` → `East US`; an unknown code as given. */
export function azureRegionName(region: string): string {
  return NAMES[region.toLowerCase()] ?? region;
}

/** Whether the table knows the code (a refreshed service-tag file may bring new regions). */
export function isKnownAzureRegion(region: string): boolean {
  return NAMES[region.toLowerCase()] !== undefined;
}

/** An Azure owner as people name it: `Azure East US (AzureCloud.eastus)`, `Azure (AzureKeyVault)` for a global tag. */
export function azureOwnerName(owner: Extract<ClientIpOwner, { kind: 'azure' }>): string {
  return `Azure${owner.region === '' ? '' : ` ${azureRegionName(owner.region)}`} (${owner.serviceTag})`;
}

/** Where an Azure owner's address is, with the data behind it: `Azure East US (AzureCloud.eastus, range …, service tags of 2024-05-06)`. */
export function azureOwnerPlace(owner: Extract<ClientIpOwner, { kind: 'azure' }>): string {
  const place = owner.region === '' ? 'an Azure datacenter' : `Azure ${azureRegionName(owner.region)}`;
  return `${place} (${owner.serviceTag}, range ${owner.range}, service tags of ${owner.asOf})`;
}
