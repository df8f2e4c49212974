import { readFileSync, statSync } from 'node:fs';
import { isKnownAzureRegion } from '@kvdoctor/diagnose';
import { join } from 'node:path';
import { azureRanges, compileSnapshot, INDEX_PATH, indexText, loadAzureRanges, SNAPSHOT_PATH } from '@kvdoctor/azure-ranges';

const SOURCE = 'https://www.microsoft.com/en-us/download/details.aspx?id=56519';

describe('the shipped snapshot (ServiceTags_Public_20240506.json)', () => {
  const loaded = loadAzureRanges();
  const compiled = loaded.ok ? loaded.value : undefined;

  test('loads: its date, change number and the selected tags with their prefix counts', () => {
    expect(loaded.ok).toBe(true);
    expect([compiled?.asOf, compiled?.changeNumber, compiled?.cloud, compiled?.source, compiled?.tags.length]).toEqual(['2024-05-06', 305, 'Public', SOURCE, 146]);
    expect(compiled?.tags.reduce((n, t) => n + t.ipv4Prefixes, 0)).toBe(8326);
    expect(compiled?.tags.reduce((n, t) => n + t.ipv6Prefixes, 0)).toBe(2973);
    expect(compiled?.tags.filter((t) => t.name.startsWith('AzureCloud.')).length).toBe(61);
  });

  test('names a hosted agent region, the Azure DevOps service, and nothing outside Azure', () => {
    const index = azureRanges();
    expect(index.lookup('52.168.10.10')).toEqual({
      tag: { name: 'AzureCloud.eastus', region: 'eastus', systemService: '', ipv4Prefixes: 379, ipv6Prefixes: 46 },
      range: '52.168.0.0/16',
      region: 'eastus',
      source: SOURCE,
      asOf: '2024-05-06',
    });
    expect(index.lookup('20.42.5.1')).toMatchObject({ tag: { name: 'AzureDevOps.EastUS', systemService: 'AzureDevOps' }, range: '20.42.5.0/24', region: 'eastus' });
    expect(index.lookup('40.82.190.38')).toMatchObject({ tag: { name: 'AzureCloud.canadacentral' }, range: '40.82.160.0/19' });
    expect(index.lookup('8.8.8.8')).toBeUndefined();
  });

  test('is read on the first lookup only', () => {
    const index = azureRanges();
    expect(index.status).toBe('not-loaded');
    index.lookup('52.168.10.10');
    expect(index.status).toBe('loaded');
  });

  test('data/index.json is exactly the compiled data/snapshot.json (rebuilt together by scripts/build-snapshot.ts)', () => {
    const fromSnapshot = compileSnapshot(JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')));
    expect(fromSnapshot.ok).toBe(true);
    if (fromSnapshot.ok) expect(indexText(fromSnapshot.value)).toBe(readFileSync(INDEX_PATH, 'utf8'));
  });

  test('stays compact: both files together under 512 KB (the weekly file is 3.5 MB)', () => {
    expect(statSync(SNAPSHOT_PATH).size + statSync(INDEX_PATH).size).toBeLessThan(512 * 1024);
  });
});

test('a missing or damaged index is a value naming the file', () => {
  const missing = join(__dirname, 'no-such-index.json');
  expect(loadAzureRanges(missing)).toEqual({ ok: false, error: { code: 'invalid-service-tags', message: `${missing} cannot be read (ENOENT)` } });
  expect(loadAzureRanges(SNAPSHOT_PATH)).toEqual({
    ok: false,
    error: { code: 'invalid-service-tags', message: expect.stringMatching(/^not a kvdoctor service-tag cache: format: /) },
  });
  const index = azureRanges(missing);
  expect(index.lookup('52.168.10.10')).toBeUndefined();
  expect(index.status).toBe('failed');
});

test('every region of the snapshot has its Azure name (a refresh that brings a new region must add it)', () => {
  const loaded = loadAzureRanges();
  const regions = loaded.ok ? [...new Set(loaded.value.tags.map((t) => t.region).filter((r) => r !== ''))] : [];
  expect(regions.length).toBeGreaterThan(60);
  expect(regions.filter((r) => !isKnownAzureRegion(r))).toEqual([]);
});
