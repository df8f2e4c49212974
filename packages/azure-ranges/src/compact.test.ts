import { compactServiceTags, compileSnapshot, snapshotText } from '@kvdoctor/azure-ranges';

const SOURCE = 'https://www.microsoft.com/en-us/download/details.aspx?id=56519';
const tag = (name: string, region: string, systemService: string, addressPrefixes: string[]) => ({
  name,
  id: name,
  properties: { changeNumber: 7, region, regionId: 1, platform: 'Azure', systemService, addressPrefixes, networkFeatures: ['NSG'] },
});

// Microsoft's shape, with prefixes it published for these tags on 2024-05-06.
const WEEKLY = {
  changeNumber: 305,
  cloud: 'Public',
  values: [
    tag('AzureCloud', '', '', ['20.42.0.0/17', '52.168.0.0/16']),
    tag('AzureCloud.eastus', 'eastus', '', ['20.42.0.0/17', '52.168.0.0/16', '2603:1030:210::/47']),
    tag('AzureDevOps.EastUS', 'eastus', 'AzureDevOps', ['20.42.5.0/24']),
    tag('AzureKeyVault', '', 'AzureKeyVault', ['20.42.64.0/28']),
    tag('Storage.EastUS', 'eastus', 'AzureStorage', ['20.38.98.0/24']),
  ],
};

describe('compactServiceTags', () => {
  test('keeps the regional AzureCloud, AzureDevOps and AzureKeyVault tags with their prefixes, dated by the file name', () => {
    expect(compactServiceTags(WEEKLY, 'ServiceTags_Public_20240506.json')).toEqual({
      ok: true,
      value: {
        format: 'kvdoctor-azure-ranges',
        asOf: '2024-05-06',
        file: 'ServiceTags_Public_20240506.json',
        source: SOURCE,
        selection: 'AzureCloud.<region>, AzureDevOps, AzureDevOps.<region>, AzureKeyVault, AzureKeyVault.<region>',
        changeNumber: 305,
        cloud: 'Public',
        values: [
          { name: 'AzureCloud.eastus', properties: { region: 'eastus', systemService: '', addressPrefixes: ['20.42.0.0/17', '52.168.0.0/16', '2603:1030:210::/47'] } },
          { name: 'AzureDevOps.EastUS', properties: { region: 'eastus', systemService: 'AzureDevOps', addressPrefixes: ['20.42.5.0/24'] } },
          { name: 'AzureKeyVault', properties: { region: '', systemService: 'AzureKeyVault', addressPrefixes: ['20.42.64.0/28'] } },
        ],
      },
    });
  });

  test('the text is one tag per line and compiles back to the same tags', () => {
    const compacted = compactServiceTags(WEEKLY, 'ServiceTags_Public_20240506.json');
    if (!compacted.ok) throw new Error(compacted.message);
    const text = snapshotText(compacted.value);
    expect(text.split('\n')).toHaveLength(6);
    expect(JSON.parse(text)).toEqual(compacted.value);
    const compiled = compileSnapshot(JSON.parse(text));
    expect(compiled.ok && compiled.value.tags).toEqual([
      { name: 'AzureCloud.eastus', region: 'eastus', systemService: '', ipv4Prefixes: 2, ipv6Prefixes: 1 },
      { name: 'AzureDevOps.EastUS', region: 'eastus', systemService: 'AzureDevOps', ipv4Prefixes: 1, ipv6Prefixes: 0 },
      { name: 'AzureKeyVault', region: '', systemService: 'AzureKeyVault', ipv4Prefixes: 1, ipv6Prefixes: 0 },
    ]);
    expect(compiled.ok && [compiled.value.asOf, compiled.value.source]).toEqual(['2024-05-06', SOURCE]);
  });

  test('refuses a file without its date, a file of another shape, and one without regional AzureCloud tags', () => {
    expect(compactServiceTags(WEEKLY, 'tags.json')).toEqual({
      ok: false,
      message: "tags.json: name the file as downloaded (ServiceTags_Public_YYYYMMDD.json): its date is the snapshot's date",
    });
    expect(compactServiceTags({ values: [] }, 'ServiceTags_Public_20240506.json')).toEqual({
      ok: false,
      message: 'ServiceTags_Public_20240506.json: not a ServiceTags_Public.json: Invalid input: expected number, received undefined',
    });
    expect(compactServiceTags({ ...WEEKLY, values: [WEEKLY.values[4]] }, 'ServiceTags_Public_20240506.json')).toEqual({
      ok: false,
      message: 'ServiceTags_Public_20240506.json: holds no regional AzureCloud tag',
    });
  });

  test('compileSnapshot refuses a weekly file that is not a snapshot, naming the field', () => {
    expect(compileSnapshot(WEEKLY)).toEqual({ ok: false, error: { code: 'invalid-service-tags', message: 'not a kvdoctor Azure ranges snapshot: format: Invalid input: expected "kvdoctor-azure-ranges"' } });
  });
});
