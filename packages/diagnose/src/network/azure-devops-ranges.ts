import { parseCidr } from './parse-address';

/**
 * Addresses the Azure DevOps *service* calls from (variable-group linking, "Authorize"), bundled
 * because they change rarely and carry no licence trouble; each list keeps its source and date
 * beside it. Hosted agents are NOT in these lists (they use the weekly AzureCloud ranges).
 */
export type AzureDevOpsGeography = 'United States' | 'Canada' | 'Brazil' | 'Europe' | 'United Kingdom' | 'Australia' | 'India' | 'Asia Pacific' | 'Global';

export interface AzureDevOpsList {
  readonly title: string;
  readonly source: string;
  readonly asOf: string;
  readonly entries: readonly { readonly geography: AzureDevOpsGeography; readonly region: string; readonly service: string; readonly ranges: readonly string[] }[];
}

/**
 * A: today's per-geography inbound list (allow-list-ip-url, ms.date 2024-06-19). Its "other IP
 * addresses" block (Microsoft 365 Common, which still holds 40.82.190.38) names no geography and
 * its outbound block is where agents call *to*, so neither is an owner of a caller.
 */
export const INBOUND_2024: AzureDevOpsList = {
  title: 'Azure DevOps inbound connections',
  source: 'https://learn.microsoft.com/en-us/azure/devops/organizations/security/allow-list-ip-url#inbound-connections',
  asOf: '2024-06-19',
  entries: [
    { geography: 'Australia', region: 'Australia East', service: 'Inbound', ranges: ['20.37.194.0/24'] },
    { geography: 'Australia', region: 'Australia South East', service: 'Inbound', ranges: ['20.42.226.0/24'] },
    { geography: 'Brazil', region: 'Brazil South', service: 'Inbound', ranges: ['191.235.226.0/24'] },
    { geography: 'Canada', region: 'Central Canada', service: 'Inbound', ranges: ['52.228.82.0/24'] },
    { geography: 'Asia Pacific', region: 'Asia Pacific (Hong Kong)', service: 'Inbound', ranges: ['20.189.107.0/24'] },
    { geography: 'India', region: 'South India', service: 'Inbound', ranges: ['20.41.194.0/24'] },
    { geography: 'United States', region: 'Central United States', service: 'Inbound', ranges: ['20.37.158.0/23'] },
    { geography: 'United States', region: 'West Central United States', service: 'Inbound', ranges: ['52.150.138.0/24'] },
    { geography: 'United States', region: 'East United States', service: 'Inbound', ranges: ['20.42.5.0/24'] },
    { geography: 'United States', region: 'East 2 United States', service: 'Inbound', ranges: ['20.41.6.0/23'] },
    { geography: 'United States', region: 'North United States', service: 'Inbound', ranges: ['40.80.187.0/24'] },
    { geography: 'United States', region: 'South United States', service: 'Inbound', ranges: ['40.119.10.0/24'] },
    { geography: 'United States', region: 'West United States', service: 'Inbound', ranges: ['40.82.252.0/24'] },
    { geography: 'United States', region: 'West 2 United States', service: 'Inbound', ranges: ['20.42.134.0/23'] },
    { geography: 'Europe', region: 'Western Europe', service: 'Inbound', ranges: ['40.74.28.0/23'] },
    { geography: 'United Kingdom', region: 'United Kingdom South', service: 'Inbound', ranges: ['51.104.26.0/24'] },
  ],
};

/**
 * B: the older per-region "Azure DevOps Services" table of the data-migration guide (ms.date
 * 2021-04-01, MicrosoftDocs/azure-devops-docs@f1e64be3), where the seed blog found 40.82.190.38
 * for Canada Central. Its Regional Identity Service rows add the /23–/24 blocks list A kept; the
 * doc's "52.228.82.0/243" is a typo for /24.
 */
export const DATA_MIGRATION_2021: AzureDevOpsList = {
  title: 'Azure DevOps data-migration IPs',
  source: 'https://learn.microsoft.com/en-us/azure/devops/migrate/migration-import-large-collections#ips',
  asOf: '2021-04-01',
  entries: [
    { geography: 'United States', region: 'Central United States', service: 'Azure DevOps Services', ranges: ['13.89.236.72', '52.165.41.252', '52.173.25.16', '13.86.38.60', '20.45.1.175', '13.86.36.181', '52.158.209.56'] },
    {
      geography: 'Europe',
      region: 'West Europe',
      service: 'Azure DevOps Services',
      ranges: ['52.166.54.85', '13.95.233.212', '52.236.145.119', '52.142.235.223', '52.236.147.103', '23.97.221.25', '52.233.181.148', '52.149.110.153', '51.144.61.32', '52.236.147.236'],
    },
    { geography: 'Australia', region: 'Australia East', service: 'Azure DevOps Services', ranges: ['13.75.145.145', '40.82.217.103', '20.188.213.113', '104.210.88.194', '40.81.62.114'] },
    { geography: 'Brazil', region: 'Brazil South', service: 'Azure DevOps Services', ranges: ['20.40.114.3', '191.235.90.183', '191.232.38.181', '191.233.25.175'] },
    { geography: 'India', region: 'India South', service: 'Azure DevOps Services', ranges: ['104.211.227.29', '40.81.75.130', '52.172.54.122', '52.172.49.252'] },
    { geography: 'Canada', region: 'Canada Central', service: 'Azure DevOps Services', ranges: ['52.237.19.6', '40.82.190.38'] },
    { geography: 'Asia Pacific', region: 'Asia Pacific (Singapore)', service: 'Azure DevOps Services', ranges: ['20.195.68.0/24'] },
    { geography: 'United Kingdom', region: 'UK South', service: 'Azure DevOps Services', ranges: ['40.81.159.67', '51.105.8.98', '51.104.26.2', '51.104.26.5'] },
    { geography: 'United States', region: 'Central United States', service: 'Regional Identity Service', ranges: ['52.154.53.1', '20.37.138.122', '20.37.158.0/23', '20.37.139.247', '20.37.158.5'] },
    { geography: 'Europe', region: 'West Europe', service: 'Regional Identity Service', ranges: ['20.67.123.240', '40.74.28.0/23'] },
    { geography: 'Australia', region: 'Australia East', service: 'Regional Identity Service', ranges: ['20.37.194.0/24'] },
    { geography: 'Brazil', region: 'Brazil South', service: 'Regional Identity Service', ranges: ['191.235.226.0/24'] },
    { geography: 'India', region: 'India South', service: 'Regional Identity Service', ranges: ['20.41.194.0/24'] },
    { geography: 'Canada', region: 'Canada Central', service: 'Regional Identity Service', ranges: ['52.228.82.0/24'] },
    { geography: 'United Kingdom', region: 'UK South', service: 'Regional Identity Service', ranges: ['51.104.26.0/24'] },
    { geography: 'Global', region: 'all regions', service: 'Azure DevOps Services Identity Service', ranges: ['168.62.105.45', '40.81.42.115'] },
  ],
};

/**
 * Azure regions per Azure DevOps geography, from the same data-migration guide's "SQL Azure VM
 * region" table: hosted agents "run in the same Azure geography as your organization", so a
 * geography's AzureCloud prefixes are what an allow list for hosted agents would need.
 */
const GEOGRAPHY_REGIONS: Readonly<Record<Exclude<AzureDevOpsGeography, 'Global'>, readonly string[]>> = {
  'United States': ['centralus', 'eastus', 'eastus2', 'northcentralus', 'southcentralus', 'westcentralus', 'westus', 'westus2'],
  Europe: ['northeurope', 'westeurope'],
  Australia: ['australiacentral', 'australiaeast', 'australiasoutheast'],
  Brazil: ['brazilsouth'],
  India: ['centralindia', 'southindia', 'westindia'],
  Canada: ['canadacentral', 'canadaeast'],
  'Asia Pacific': ['southeastasia'],
  'United Kingdom': ['uksouth', 'ukwest'],
};

export interface AzureDevOpsHit {
  readonly list: AzureDevOpsList;
  readonly geography: AzureDevOpsGeography;
  readonly region: string;
  readonly service: string;
  /** The published entry that holds the address, as a network (`40.82.190.38/32`). */
  readonly range: string;
}

interface Interval {
  readonly start: number;
  readonly end: number;
  readonly hit: AzureDevOpsHit;
}

let intervals: readonly Interval[] | undefined;

function build(): readonly Interval[] {
  const out: Interval[] = [];
  // Current list first: when both hold an address, today's geography wins.
  for (const list of [INBOUND_2024, DATA_MIGRATION_2021]) {
    for (const e of list.entries) {
      for (const r of e.ranges) {
        const parsed = parseCidr(r);
        if (!parsed.ok || parsed.range.version !== 4) throw new Error(`azure-devops-ranges: bad built-in range ${r}`);
        out.push({ start: parsed.range.start, end: parsed.range.end, hit: { list, geography: e.geography, region: e.region, service: e.service, range: parsed.range.text } });
      }
    }
  }
  return out;
}

/** The Azure DevOps list entry holding an IPv4 address (a uint32); ~70 entries, so a scan is enough. */
export function findAzureDevOpsRange(address: number): AzureDevOpsHit | undefined {
  intervals ??= build();
  return intervals.find((i) => address >= i.start && address <= i.end)?.hit;
}

/** Today's published inbound ranges of a geography (for the United States: every US region's). */
export function geographyInboundRanges(geography: string): readonly string[] {
  return INBOUND_2024.entries.filter((e) => e.geography === geography).flatMap((e) => e.ranges);
}

/** The Azure DevOps geography an Azure region belongs to (`canadacentral` → Canada), if listed. */
export function geographyOfRegion(region: string): { readonly geography: string; readonly regions: readonly string[] } | undefined {
  const hit = Object.entries(GEOGRAPHY_REGIONS).find(([, regions]) => regions.includes(region.toLowerCase()));
  return hit === undefined ? undefined : { geography: hit[0], regions: hit[1] };
}
