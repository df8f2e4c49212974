import { enrichNetwork } from './enrich';
import { ownerOf } from './owners';
import { ServiceTagIndex } from './service-tag-index';
import { compileServiceTags } from './service-tags';
import { ruleValue, smallestChange } from './smallest-change';

/** Region prefix counts shaped like the real file: eastus and eastus2 large, the rest of the US given too. */
function usTags(perRegion: Record<string, number>): ServiceTagIndex {
  const values = Object.entries(perRegion).map(([region, n], r) => ({
    name: `AzureCloud.${region}`,
    properties: { region, systemService: '', addressPrefixes: Array.from({ length: n }, (_, i) => `${20 + r}.${Math.floor(i / 256)}.${i % 256}.0/24`) },
  }));
  return ServiceTagIndex.lazy(() => compileServiceTags({ changeNumber: 1, cloud: 'Public', values }, { asOf: '2024-05-06' }));
}

describe('ruleValue', () => {
  test('bare for az and PowerShell, /32 for Bicep and Terraform; ranges stay as they are', () => {
    expect(ruleValue('40.82.190.38')).toEqual({ bare: '40.82.190.38', cidr: '40.82.190.38/32' });
    expect(ruleValue('40.82.190.38/32')).toEqual({ bare: '40.82.190.38', cidr: '40.82.190.38/32' });
    expect(ruleValue('52.228.82.0/24')).toEqual({ bare: '52.228.82.0/24', cidr: '52.228.82.0/24' });
  });
});

describe('smallestChange', () => {
  test('never an IP rule for private, IPv6 or non-public addresses', () => {
    expect(smallestChange({ address: '10.1.2.3', cls: 'private-ipv4' })).toEqual({
      noIpRule: {
        because: 'private',
        instead: 'The call came through a virtual network: add the subnet as a virtual-network rule (with the Microsoft.KeyVault service endpoint on it), or give the vault a private endpoint in that network.',
      },
    });
    expect(smallestChange({ address: '2620:1ec:4::1', cls: 'public-ipv6' }).noIpRule?.because).toBe('ipv6');
    expect(smallestChange({ address: 'fd00::1', cls: 'private-ipv6' }).noIpRule?.because).toBe('ipv6');
    for (const [address, cls] of [['100.64.0.1', 'cgnat'], ['127.0.0.1', 'loopback'], ['169.254.1.1', 'link-local'], ['192.0.2.1', 'reserved-ipv4']] as const) {
      const change = smallestChange({ address, cls });
      expect([change.address, change.noIpRule?.because]).toEqual([undefined, 'not-public']);
    }
  });

  test('an unknown public address: that one address, nothing wider', () => {
    expect(smallestChange({ address: '203.0.114.9', cls: 'public-ipv4', owner: { kind: 'unknown' } })).toEqual({ address: { bare: '203.0.114.9', cidr: '203.0.114.9/32' } });
  });

  test('Azure DevOps Canada: the address, and the geography range plus the address it does not cover', () => {
    const owner = ownerOf('40.82.190.38');
    expect(smallestChange({ address: '40.82.190.38', cls: 'public-ipv4', owner })).toEqual({
      address: { bare: '40.82.190.38', cidr: '40.82.190.38/32' },
      ownerRanges: {
        scope: 'Azure DevOps Canada',
        rules: [
          { bare: '52.228.82.0/24', cidr: '52.228.82.0/24' },
          { bare: '40.82.190.38', cidr: '40.82.190.38/32' },
        ],
        fits: true,
      },
    });
  });

  test('Azure DevOps United States: all eight US ranges; an address inside them is not repeated', () => {
    const change = smallestChange({ address: '20.42.5.9', cls: 'public-ipv4', owner: ownerOf('20.42.5.9') });
    expect(change.ownerRanges?.rules.map((r) => r.cidr)).toEqual(['20.37.158.0/23', '52.150.138.0/24', '20.42.5.0/24', '20.41.6.0/23', '40.80.187.0/24', '40.119.10.0/24', '40.82.252.0/24', '20.42.134.0/23']);
    expect(smallestChange({ address: '20.42.5.9', cls: 'public-ipv4', owner: ownerOf('20.42.5.9'), existingIpRules: 995 }).ownerRanges?.fits).toBe(false);
  });

  test('a hosted agent in eastus: the geography\'s AzureCloud prefixes against the 1000-rule limit', () => {
    const tags = usTags({ eastus: 379, eastus2: 673, centralus: 20 });
    const owner = ownerOf('20.0.1.7', tags);
    expect(owner).toMatchObject({ kind: 'azure', region: 'eastus', serviceTag: 'AzureCloud.eastus' });
    expect(smallestChange({ address: '20.0.1.7', cls: 'public-ipv4', owner, serviceTags: tags })).toEqual({
      address: { bare: '20.0.1.7', cidr: '20.0.1.7/32' },
      azureCloud: { region: 'eastus', tag: 'AzureCloud.eastus', regionPrefixes: 379, geography: 'United States', geographyPrefixes: 1072, free: 1000, fits: false },
    });
  });

  test('a small geography fits numerically (the advice still says why not to)', () => {
    const tags = usTags({ canadacentral: 104, canadaeast: 72 });
    const owner = ownerOf('20.0.0.1', tags);
    expect(smallestChange({ address: '20.0.0.1', cls: 'public-ipv4', owner, serviceTags: tags, existingIpRules: 10 }).azureCloud).toEqual({
      region: 'canadacentral',
      tag: 'AzureCloud.canadacentral',
      regionPrefixes: 104,
      geography: 'Canada',
      geographyPrefixes: 176,
      free: 990,
      fits: true,
    });
  });
});

describe('enrichNetwork', () => {
  test('sets the class and, for a public IPv4 address, the owner', () => {
    expect(enrichNetwork({ clientIp: '40.82.190.38' })).toEqual({
      clientIp: '40.82.190.38',
      clientIpClass: 'public-ipv4',
      clientIpOwner: {
        kind: 'azure-devops',
        geography: 'Canada',
        range: '40.82.190.38/32',
        list: 'Azure DevOps data-migration IPs: Azure DevOps Services, Canada Central',
        source: 'https://learn.microsoft.com/en-us/azure/devops/migrate/migration-import-large-collections#ips',
        asOf: '2021-04-01',
      },
    });
    expect(enrichNetwork({ clientIp: '10.1.2.3' })).toEqual({ clientIp: '10.1.2.3', clientIpClass: 'private-ipv4' });
    expect(enrichNetwork({ clientIp: '2620:1ec:4::1' })).toEqual({ clientIp: '2620:1ec:4::1', clientIpClass: 'public-ipv6' });
    expect(enrichNetwork({ vault: 'kv' })).toEqual({ vault: 'kv' });
  });

  test('the service-tag index loads only for a public IPv4 address outside the Azure DevOps lists', () => {
    const tags = usTags({ eastus: 2 });
    for (const ip of ['10.1.2.3', '100.64.0.1', 'fd00::1', '2620:1ec:4::1', '40.82.190.38']) enrichNetwork({ clientIp: ip }, tags);
    enrichNetwork({ vault: 'kv' }, tags);
    expect(tags.status).toBe('not-loaded');
    expect(enrichNetwork({ clientIp: '20.0.1.1' }, tags).clientIpOwner).toMatchObject({ kind: 'azure', region: 'eastus', serviceTag: 'AzureCloud.eastus', range: '20.0.1.0/24' });
    expect(tags.status).toBe('loaded');
  });
});
