import SNAPSHOT from '@kvdoctor/azure-ranges/snapshot.json';
import { deserialiseServiceTags, parseServiceTagCache, serialiseServiceTags } from './service-tag-cache';
import { ServiceTagIndex } from './service-tag-index';
import { asOfFromFileName, compileServiceTags, type CompiledServiceTags } from './service-tags';

/** A ServiceTags_Public.json-shaped file in miniature: a global tag, regional tags nested in it, a specific service, IPv6. */
const FIXTURE = {
  changeNumber: 7,
  cloud: 'Public',
  values: [
    { name: 'AzureCloud', id: 'AzureCloud', properties: { changeNumber: 3, region: '', regionId: 0, platform: 'Azure', systemService: '', addressPrefixes: ['20.42.0.0/16', '40.82.160.0/19', '2603:1030::/40'], networkFeatures: ['API', 'NSG'] } },
    { name: 'AzureCloud.eastus', id: 'AzureCloud.eastus', properties: { changeNumber: 2, region: 'eastus', regionId: 32, platform: 'Azure', systemService: '', addressPrefixes: ['20.42.0.0/17', '2603:1030::/48'] } },
    { name: 'AzureCloud.canadacentral', id: 'AzureCloud.canadacentral', properties: { changeNumber: 1, region: 'canadacentral', regionId: 11, platform: 'Azure', systemService: '', addressPrefixes: ['40.82.160.0/19'] } },
    { name: 'AzureKeyVault.EastUS', id: 'AzureKeyVault.EastUS', properties: { changeNumber: 1, region: 'eastus', regionId: 32, platform: 'Azure', systemService: 'AzureKeyVault', addressPrefixes: ['20.42.64.32/28'] } },
    { name: 'AzureFrontDoor.Frontend', id: 'AzureFrontDoor.Frontend', properties: { changeNumber: 1, region: '', regionId: 0, platform: 'Azure', systemService: 'AzureFrontDoor', addressPrefixes: ['20.42.128.0/24'] } },
  ],
};

function compiled(data: unknown = FIXTURE): CompiledServiceTags {
  const r = compileServiceTags(data, { asOf: '2024-05-06' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('compileServiceTags (fixture)', () => {
  const index = ServiceTagIndex.of(compiled());

  test('nested prefixes become disjoint, sorted intervals labelled with the most specific tag', () => {
    const c = compiled();
    const rows = Array.from(c.starts, (s, i) => [s, c.ends[i], c.tags[c.tagIds[i] ?? 0]?.name, c.prefixes[i]]);
    expect(rows).toEqual([
      [(20 * 2 ** 24) + (42 * 2 ** 16), (20 * 2 ** 24) + (42 * 2 ** 16) + 64 * 256 + 31, 'AzureCloud.eastus', 17],
      [(20 * 2 ** 24) + (42 * 2 ** 16) + 64 * 256 + 32, (20 * 2 ** 24) + (42 * 2 ** 16) + 64 * 256 + 47, 'AzureKeyVault.EastUS', 28],
      [(20 * 2 ** 24) + (42 * 2 ** 16) + 64 * 256 + 48, (20 * 2 ** 24) + (42 * 2 ** 16) + 127 * 256 + 255, 'AzureCloud.eastus', 17],
      [(20 * 2 ** 24) + (42 * 2 ** 16) + 128 * 256, (20 * 2 ** 24) + (42 * 2 ** 16) + 128 * 256 + 255, 'AzureFrontDoor.Frontend', 24],
      [(20 * 2 ** 24) + (42 * 2 ** 16) + 129 * 256, (20 * 2 ** 24) + (42 * 2 ** 16) + 255 * 256 + 255, 'AzureCloud', 16],
      [(40 * 2 ** 24) + (82 * 2 ** 16) + 160 * 256, (40 * 2 ** 24) + (82 * 2 ** 16) + 191 * 256 + 255, 'AzureCloud.canadacentral', 19],
    ]);
    expect(c.tags.map((t) => [t.name, t.ipv4Prefixes, t.ipv6Prefixes])).toEqual([
      ['AzureCloud', 2, 1],
      ['AzureCloud.eastus', 1, 1],
      ['AzureCloud.canadacentral', 1, 0],
      ['AzureKeyVault.EastUS', 1, 0],
      ['AzureFrontDoor.Frontend', 1, 0],
    ]);
  });

  test('lookups at the boundaries of each range', () => {
    const tagOf = (ip: string): string | undefined => index.lookup(ip)?.tag.name;
    expect(index.lookup('20.42.0.0')).toEqual({
      tag: { name: 'AzureCloud.eastus', region: 'eastus', systemService: '', ipv4Prefixes: 1, ipv6Prefixes: 1 },
      range: '20.42.0.0/17',
      region: 'eastus',
      source: 'https://www.microsoft.com/en-us/download/details.aspx?id=56519',
      asOf: '2024-05-06',
    });
    expect(tagOf('20.41.255.255')).toBeUndefined();
    expect(tagOf('20.42.64.31')).toBe('AzureCloud.eastus');
    expect(index.lookup('20.42.64.32')?.range).toBe('20.42.64.32/28');
    expect(tagOf('20.42.64.47')).toBe('AzureKeyVault.EastUS');
    expect(index.lookup('20.42.64.48')?.range).toBe('20.42.0.0/17');
    expect(index.lookup('20.42.127.255')?.range).toBe('20.42.0.0/17');
    expect(index.lookup('20.42.200.1')).toMatchObject({ tag: { name: 'AzureCloud' }, range: '20.42.0.0/16', region: '' });
    expect(tagOf('20.43.0.0')).toBeUndefined();
    expect(index.lookup('40.82.190.38')).toMatchObject({ tag: { name: 'AzureCloud.canadacentral' }, range: '40.82.160.0/19', region: 'canadacentral' });
    expect(tagOf('40.82.192.0')).toBeUndefined();
  });

  test('a global tag is named, with no region when no regional tag holds the address', () => {
    expect(index.lookup('20.42.128.9')).toMatchObject({ tag: { name: 'AzureFrontDoor.Frontend', region: '' }, range: '20.42.128.0/24', region: '' });
  });

  test('IPv6 and non-addresses are not looked up', () => {
    expect(index.lookup('2603:1030::1')).toBeUndefined();
    expect(index.lookup('not-an-ip')).toBeUndefined();
  });

  test('tags by name, case-insensitively, with their IPv4 prefix counts', () => {
    expect(index.tag('azurecloud.EASTUS')?.ipv4Prefixes).toBe(1);
    expect(index.tag('AzureCloud.westus')).toBeUndefined();
  });
});

describe('bad data is a value naming the problem', () => {
  const withValues = (values: unknown): unknown => ({ ...FIXTURE, values });

  test.each([
    ['not an object', 'x', 'not a ServiceTags_Public.json: (root): Invalid input: expected object, received string'],
    ['no values', { changeNumber: 1, cloud: 'Public' }, 'not a ServiceTags_Public.json: values: Invalid input: expected array, received undefined'],
    ['empty values', withValues([]), 'not a ServiceTags_Public.json: values: Too small: expected array to have >=1 items'],
    ['a tab in a tag name', withValues([{ name: 'Azure\tCloud', properties: { addressPrefixes: [] } }]), 'not a ServiceTags_Public.json: values[0].name: a tag name must be one line without tabs'],
    ['prefixes not a list', withValues([{ name: 'AzureCloud', properties: { addressPrefixes: '1.2.3.0/24' } }]), 'not a ServiceTags_Public.json: values[0].properties.addressPrefixes: Invalid input: expected array, received string'],
    ['host bits', withValues([{ name: 'AzureCloud.eastus', properties: { region: 'eastus', addressPrefixes: ['20.42.0.0/17', '20.42.0.1/17'] } }]), 'values[0] (AzureCloud.eastus).properties.addressPrefixes[1]: "20.42.0.1/17" has host bits set: the network is 20.42.0.0/17'],
    ['garbage prefix', withValues([{ name: 'X', properties: { addressPrefixes: ['eastus'] } }]), 'values[0] (X).properties.addressPrefixes[0]: "eastus" is not an IPv4 or IPv6 address or CIDR range'],
    ['bad IPv6', withValues([{ name: 'X', properties: { addressPrefixes: ['2603:1030::1/40'] } }]), 'values[0] (X).properties.addressPrefixes[0]: "2603:1030::1/40" is not a valid IPv6 CIDR range (Given IP number portion must is not the start of the range)'],
  ])('%s', (_name, data, message) => {
    expect(compileServiceTags(data, { asOf: '2024-05-06' })).toEqual({ ok: false, error: { code: 'invalid-service-tags', message } });
  });
});

describe('the compact cache', () => {
  test.each(['base64', 'json'] as const)('%s round-trips through JSON text', (encoding) => {
    const original = compiled();
    const text = JSON.stringify(serialiseServiceTags(original, encoding));
    const back = parseServiceTagCache(text);
    expect(back).toEqual({ ok: true, value: original });
  });

  test('base64 columns are little-endian bytes', () => {
    const cache = serialiseServiceTags(compiled(), 'base64');
    expect(Buffer.from(String(cache.prefixes), 'base64')).toEqual(Buffer.from([17, 28, 17, 24, 16, 19]));
  });

  test('a damaged cache is a value naming the problem', () => {
    const good = serialiseServiceTags(compiled(), 'json');
    const fail = (message: string): unknown => ({ ok: false, error: { code: 'invalid-service-tags', message } });
    expect(parseServiceTagCache('{"format":')).toEqual(fail(expect.stringMatching(/^service-tag cache is not JSON: /)));
    expect(deserialiseServiceTags({ ...good, format: 'other' })).toEqual(fail('not a kvdoctor service-tag cache: format: Invalid input: expected "kvdoctor-service-tags"'));
    expect(deserialiseServiceTags({ ...good, ends: [1] })).toEqual(fail('service-tag cache: ends has 1 values, starts has 6'));
    expect(deserialiseServiceTags({ ...good, tagIds: [0, 1, 2, 3, 4, 9] })).toEqual(fail('service-tag cache: interval 5 names tag 9, but there are 5 tags'));
    const c = compiled();
    expect(deserialiseServiceTags({ ...good, starts: Array.from(c.starts).reverse() })).toEqual(fail('service-tag cache: interval 0 ends before it starts'));
    expect(deserialiseServiceTags({ ...good, starts: Array.from(c.starts).reverse(), ends: Array.from(c.ends).reverse() })).toEqual(
      fail('service-tag cache: interval 1 is not after interval 0 (the index must be sorted and disjoint)'),
    );
    expect(deserialiseServiceTags({ ...good, tagIds: [0, 1, 2, 3, 4, 70000] })).toEqual(fail('service-tag cache: tagIds[5] is 70000, not a whole number that fits 2 bytes'));
    expect(deserialiseServiceTags({ ...good, prefixes: 'AA!=' })).toEqual(fail('service-tag cache: prefixes: not base64'));
    expect(deserialiseServiceTags({ ...good, prefixes: [17, 28, 17.5, 24, 16, 19] })).toEqual(fail('service-tag cache: prefixes[2] is 17.5, not a whole number that fits 1 byte'));
    expect(deserialiseServiceTags({ ...good, starts: 'AAAA' })).toEqual(fail('service-tag cache: starts: 3 bytes is not a whole number of 4-byte values'));
    expect(deserialiseServiceTags({ ...good, tags: 'AzureCloud\t\t\t2' })).toEqual(
      fail('service-tag cache: tags line 1: expected 5 tab-separated fields (name, region, systemService, ipv4Prefixes, ipv6Prefixes)'),
    );
    expect(deserialiseServiceTags({ ...good, tags: 'AzureCloud\t\t\t2\t1\nAzureCloud.eastus\teastus\t\tmany\t1' })).toEqual(
      fail('service-tag cache: tags line 2 (AzureCloud.eastus): prefix counts must be whole numbers'),
    );
  });
});

describe('lazy loading', () => {
  test('the loader runs once, on the first lookup, and a failure is kept as a value', () => {
    let calls = 0;
    const index = ServiceTagIndex.lazy(() => {
      calls += 1;
      return compileServiceTags({ nope: true }, { asOf: '2024-05-06' });
    });
    expect(index.status).toBe('not-loaded');
    expect(calls).toBe(0);
    expect(index.lookup('20.42.0.1')).toBeUndefined();
    expect(index.lookup('20.42.0.2')).toBeUndefined();
    expect(calls).toBe(1);
    expect(index.status).toBe('failed');
    expect(index.error?.message).toBe('not a ServiceTags_Public.json: changeNumber: Invalid input: expected number, received undefined; cloud: Invalid input: expected string, received undefined; values: Invalid input: expected array, received undefined');
  });
});

test('the download name gives the date', () => {
  expect(asOfFromFileName('ServiceTags_Public_20240506.json')).toBe('2024-05-06');
  expect(asOfFromFileName('tags.json')).toBeUndefined();
});

// Microsoft's weekly file of 2024-05-06 as @kvdoctor/azure-ranges ships it: the regional AzureCloud,
// AzureDevOps and AzureKeyVault tags with all their prefixes, in the file's own shape.
describe('the ServiceTags_Public_20240506.json snapshot', () => {
  const result = compileServiceTags(SNAPSHOT, { asOf: asOfFromFileName(SNAPSHOT.file) ?? '' });
  const index = result.ok ? ServiceTagIndex.of(result.value) : undefined;

  test('compiles: change 305, 146 tags, IPv4 and IPv6 prefixes counted', () => {
    expect(result.ok).toBe(true);
    const c = index?.compiled();
    expect([c?.changeNumber, c?.cloud, c?.tags.length, c?.asOf]).toEqual([305, 'Public', 146, '2024-05-06']);
    const v4 = c?.tags.reduce((n, t) => n + t.ipv4Prefixes, 0);
    const v6 = c?.tags.reduce((n, t) => n + t.ipv6Prefixes, 0);
    expect([v4, v6]).toEqual([8326, 2973]);
  });

  test('AzureCloud.<region> lookups', () => {
    expect(index?.lookup('40.82.190.38')).toMatchObject({ tag: { name: 'AzureCloud.canadacentral' }, range: '40.82.160.0/19', region: 'canadacentral' });
    expect(index?.lookup('13.89.236.72')).toMatchObject({ tag: { name: 'AzureCloud.centralus' }, range: '13.89.0.0/16', region: 'centralus' });
    expect(index?.lookup('20.42.5.1')).toMatchObject({ tag: { name: 'AzureDevOps.EastUS', systemService: 'AzureDevOps' }, range: '20.42.5.0/24', region: 'eastus' });
    expect(index?.lookup('8.8.8.8')).toBeUndefined();
    expect(index?.tag('AzureCloud.eastus')?.ipv4Prefixes).toBe(379);
  });
});
