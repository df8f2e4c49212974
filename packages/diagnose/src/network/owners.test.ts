import { DATA_MIGRATION_2021, findAzureDevOpsRange, geographyInboundRanges, geographyOfRegion, INBOUND_2024 } from './azure-devops-ranges';
import { ownerOf } from './owners';
import { parseAddress, parseCidr } from './parse-address';
import { ServiceTagIndex } from './service-tag-index';
import { compileServiceTags } from './service-tags';

const TAGS = {
  changeNumber: 1,
  cloud: 'Public',
  values: [
    { name: 'AzureCloud.canadacentral', properties: { region: 'canadacentral', systemService: '', addressPrefixes: ['40.82.160.0/19'] } },
    { name: 'AzureCloud.eastus', properties: { region: 'eastus', systemService: '', addressPrefixes: ['20.42.0.0/17'] } },
  ],
};

function index(): ServiceTagIndex {
  return ServiceTagIndex.lazy(() => compileServiceTags(TAGS, { asOf: '2024-05-06', source: 'ServiceTags_Public_20240506.json' }));
}

const MIGRATION = 'https://learn.microsoft.com/en-us/azure/devops/migrate/migration-import-large-collections#ips';
const INBOUND = 'https://learn.microsoft.com/en-us/azure/devops/organizations/security/allow-list-ip-url#inbound-connections';

describe('bundled Azure DevOps lists', () => {
  test('every entry is a valid public IPv4 address or network, each list with its source and date', () => {
    for (const list of [INBOUND_2024, DATA_MIGRATION_2021]) {
      expect(list.source).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(list.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const e of list.entries) for (const r of e.ranges) expect([r, parseCidr(r).ok]).toEqual([r, true]);
    }
    expect([INBOUND_2024.asOf, DATA_MIGRATION_2021.asOf]).toEqual(['2024-06-19', '2021-04-01']);
  });

  test('the seed address is Azure DevOps, Canada (older list only)', () => {
    const seed = parseAddress('40.82.190.38');
    expect(seed?.version === 4 ? findAzureDevOpsRange(seed.value) : undefined).toEqual({
      list: DATA_MIGRATION_2021,
      geography: 'Canada',
      region: 'Canada Central',
      service: 'Azure DevOps Services',
      range: '40.82.190.38/32',
    });
  });

  test('the current list wins where both hold an address, at both ends of the range', () => {
    for (const ip of ['52.228.82.0', '52.228.82.255']) {
      const a = parseAddress(ip);
      expect(a?.version === 4 ? findAzureDevOpsRange(a.value) : undefined).toMatchObject({ list: INBOUND_2024, geography: 'Canada', region: 'Central Canada', range: '52.228.82.0/24' });
    }
    for (const ip of ['52.228.81.255', '52.228.83.0']) {
      const a = parseAddress(ip);
      expect(a?.version === 4 ? findAzureDevOpsRange(a.value) : 'not ipv4').toBeUndefined();
    }
  });

  test('a geography\'s inbound ranges; the United States has all eight US ranges', () => {
    expect(geographyInboundRanges('Canada')).toEqual(['52.228.82.0/24']);
    expect(geographyInboundRanges('United States')).toEqual(['20.37.158.0/23', '52.150.138.0/24', '20.42.5.0/24', '20.41.6.0/23', '40.80.187.0/24', '40.119.10.0/24', '40.82.252.0/24', '20.42.134.0/23']);
    expect(geographyInboundRanges('Global')).toEqual([]);
  });

  test('Azure regions map to their Azure DevOps geography', () => {
    expect(geographyOfRegion('canadaeast')).toEqual({ geography: 'Canada', regions: ['canadacentral', 'canadaeast'] });
    expect(geographyOfRegion('EastUS2')?.geography).toBe('United States');
    expect(geographyOfRegion('japaneast')).toBeUndefined();
  });
});

describe('ownerOf', () => {
  test('Azure DevOps comes first, even when service tags would say AzureCloud.canadacentral', () => {
    const tags = index();
    expect(ownerOf('40.82.190.38', tags)).toEqual({
      kind: 'azure-devops',
      geography: 'Canada',
      range: '40.82.190.38/32',
      list: 'Azure DevOps data-migration IPs: Azure DevOps Services, Canada Central',
      source: MIGRATION,
      asOf: '2021-04-01',
    });
    expect(tags.status).toBe('not-loaded');
  });

  test('the current inbound list, with its own source and date', () => {
    expect(ownerOf('40.74.29.200')).toEqual({ kind: 'azure-devops', geography: 'Europe', range: '40.74.28.0/23', list: 'Azure DevOps inbound connections: Inbound, Western Europe', source: INBOUND, asOf: '2024-06-19' });
  });

  test('an Azure datacenter address names its region and most specific tag', () => {
    expect(ownerOf('20.42.77.1', index())).toEqual({ kind: 'azure', region: 'eastus', serviceTag: 'AzureCloud.eastus', range: '20.42.0.0/17', source: 'ServiceTags_Public_20240506.json', asOf: '2024-05-06' });
  });

  test('unknown without service tags, or outside them', () => {
    expect(ownerOf('20.42.77.1')).toEqual({ kind: 'unknown' });
    expect(ownerOf('8.8.8.8', index())).toEqual({ kind: 'unknown' });
  });

  test('private, IPv6 and bad text are unknown and never load the index', () => {
    const tags = index();
    for (const ip of ['10.1.2.3', '100.64.1.1', '2620:1ec:4::1', 'nope']) expect(ownerOf(ip, tags)).toEqual({ kind: 'unknown' });
    expect(tags.status).toBe('not-loaded');
  });
});
