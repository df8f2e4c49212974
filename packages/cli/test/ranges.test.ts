import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SNAPSHOT_PATH } from '@kvdoctor/azure-ranges';
import { AZDO_LOG, buildCli, kvdoctor, ROOT, tempDir } from './helpers/cli';

beforeAll(buildCli, 120_000);

/** The seed log with a client address that AzureCloud.eastus holds (20.42.0.0/17 in that file). */
const EASTUS_LOG = readFileSync(join(ROOT, AZDO_LOG), 'utf8').replace('40.82.190.38', '20.42.0.1');
const OWNER_LINE = '    Address owner            Azure East US (AzureCloud.eastus), range 20.42.0.0/17';
const RANGES_LINE = '    Azure ranges             as of 2024-05-06; refresh: kvdoctor ranges import ServiceTags_Public_YYYYMMDD.json (https://www.microsoft.com/en-us/download/details.aspx?id=56519)';

let tmp: { dir: string; remove: () => void };
/** Microsoft's weekly file of 2024-05-06 as @kvdoctor/azure-ranges keeps it (its shape, 146 of its tags), under its download name. */
let TAGS: string;
beforeEach(() => {
  tmp = tempDir();
  TAGS = join(tmp.dir, 'ServiceTags_Public_20240506.json');
  copyFileSync(SNAPSHOT_PATH, TAGS);
});
afterEach(() => tmp.remove());

describe('the Azure ranges snapshot shipped with kvdoctor', () => {
  /** `az keyvault secret show` on a GitHub-hosted runner, refused by the firewall (az CLI 2.6x error layout). */
  const HOSTED_LOG = [
    "2024-05-06T14:02:01.1213512Z Runner name: 'GitHub Actions 12'",
    "2024-05-06T14:02:01.1214220Z Runner group name: 'GitHub Actions'",
    '2024-05-06T14:02:10.1234567Z ##[group]Run az keyvault secret show --vault-name kv-contoso-prod --name db-password --query value -o tsv',
    '2024-05-06T14:02:12.9021447Z ERROR: (Forbidden) Client address is not authorized and caller is not a trusted service.',
    '2024-05-06T14:02:12.9021447Z Client address: 52.168.10.10',
    '2024-05-06T14:02:12.9021447Z Caller: appid=2c5a35cb-ef1f-4659-98a2-dca8761c0def;oid=f54370a6-bc53-4e02-8d73-63de4c317b54;iss=https://sts.windows.net/a1a2578a-8fd3-4595-bb18-7d17df8944b0/',
    '2024-05-06T14:02:12.9021447Z Vault: kv-contoso-prod;location=eastus',
    '2024-05-06T14:02:12.9021447Z Code: Forbidden',
    '2024-05-06T14:02:12.9021447Z Inner error: {',
    '2024-05-06T14:02:12.9021447Z     "code": "ForbiddenByFirewall"',
    '2024-05-06T14:02:12.9021447Z }',
    '',
  ].join('\n');

  it('with no import, a firewall refusal from 52.168.10.10 names Azure East US (AzureCloud.eastus), the data\'s date, and hosted-agent advice', () => {
    const d = kvdoctor(['diagnose', '-'], { input: HOSTED_LOG, env: { XDG_CACHE_HOME: tmp.dir } });
    expect(d.status).toBe(1);
    expect(d.stderr).toBe('');
    const lines = d.stdout.split('\n');
    expect(lines).toContain('    Address owner            Azure East US (AzureCloud.eastus), range 52.168.0.0/16');
    expect(lines).toContain(RANGES_LINE);
    expect(lines).toContain(
      '    1. Client address 52.168.10.10 is in Azure East US (AzureCloud.eastus, range 52.168.0.0/16, service tags of 2024-05-06): a Microsoft-hosted agent or GitHub-hosted runner made the call. Its address changes from run to run, and the ranges change with Microsoft\'s weekly service-tag update.',
    );
    expect(lines.filter((l) => /^  \d\. /.test(l))).toEqual([
      '  1. Do not allow-list Azure East US (AzureCloud.eastus): use a self-hosted agent or a private endpoint',
      "  2. Open kv-contoso-prod's firewall to the runner only while the job runs",
      '  3. Run the job where the vault can see it',
    ]);
    const json = JSON.parse(kvdoctor(['diagnose', '--format', 'json', '-'], { input: HOSTED_LOG, env: { XDG_CACHE_HOME: tmp.dir } }).stdout);
    expect(json.inputs[0].report.findings[0].facts.clientIpOwner).toEqual({
      kind: 'azure',
      region: 'eastus',
      serviceTag: 'AzureCloud.eastus',
      range: '52.168.0.0/16',
      source: 'https://www.microsoft.com/en-us/download/details.aspx?id=56519',
      asOf: '2024-05-06',
    });
  });

  it('is not read for a log without a public address (the example\'s Azure DevOps address is named from the bundled Azure DevOps lists)', () => {
    const d = kvdoctor(['diagnose', AZDO_LOG], { env: { XDG_CACHE_HOME: tmp.dir } });
    expect(d.stdout.split('\n')).toContain('    Address owner            Azure DevOps Canada (40.82.190.38/32)');
    expect(d.stdout).not.toContain('Azure ranges');
  });
});

describe('kvdoctor ranges import', () => {
  it('compiles the file into $XDG_CACHE_HOME/kvdoctor and diagnose then names the owner of an address', () => {
    const env = { XDG_CACHE_HOME: tmp.dir };
    const cache = join(tmp.dir, 'kvdoctor', 'service-tags.json');
    const r = kvdoctor(['ranges', 'import', TAGS], { env });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`Imported 146 service tags with 8326 IPv4 ranges (cloud Public, change 305, as of 2024-05-06) into ${cache}\n`);
    expect(JSON.parse(readFileSync(cache, 'utf8')).format).toBe('kvdoctor-service-tags');

    const d = kvdoctor(['diagnose', '-'], { input: EASTUS_LOG, env });
    expect(d.status).toBe(1);
    expect(d.stdout.split('\n')).toContain(OWNER_LINE);
  });

  it('an imported file wins over the shipped snapshot: its date is the one shown', () => {
    const newer = join(tmp.dir, 'ServiceTags_Public_20260504.json');
    copyFileSync(SNAPSHOT_PATH, newer);
    const env = { XDG_CACHE_HOME: tmp.dir };
    expect(kvdoctor(['ranges', 'import', newer], { env }).status).toBe(0);
    const d = kvdoctor(['diagnose', '-'], { input: EASTUS_LOG, env });
    expect(d.stdout.split('\n')).toContain(RANGES_LINE.replace('2024-05-06', '2026-05-04'));
  });

  it('--service-tags FILE is used for one run and writes no cache', () => {
    const d = kvdoctor(['diagnose', '--service-tags', TAGS, '-'], { input: EASTUS_LOG, env: { XDG_CACHE_HOME: tmp.dir } });
    expect(d.status).toBe(1);
    expect(d.stdout.split('\n')).toContain(OWNER_LINE);
    expect(existsSync(join(tmp.dir, 'kvdoctor'))).toBe(false);
  });

  it('reaches worker threads too', () => {
    for (const name of ['a.log', 'b.log']) writeFileSync(join(tmp.dir, name), EASTUS_LOG);
    const d = kvdoctor(['diagnose', '--jobs', '2', '--service-tags', TAGS, tmp.dir], { env: { XDG_CACHE_HOME: join(tmp.dir, 'cache') } });
    expect(d.status).toBe(1);
    expect(d.stdout.split('\n').filter((l) => l === OWNER_LINE)).toHaveLength(2);
  });

  it('refuses a file that is not a service-tags file, naming the field, exit 2', () => {
    const bad = join(tmp.dir, 'tags.json');
    writeFileSync(bad, '{"changeNumber": 1, "cloud": "Public", "values": "none"}');
    const r = kvdoctor(['ranges', 'import', bad], { env: { XDG_CACHE_HOME: tmp.dir } });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`kvdoctor: ${bad}: not a ServiceTags_Public.json: values: Invalid input: expected array, received string\n`);
    const d = kvdoctor(['diagnose', '--service-tags', bad, AZDO_LOG]);
    expect(d.status).toBe(2);
    expect(d.stderr).toBe(`kvdoctor: --service-tags ${bad}: not a ServiceTags_Public.json: values: Invalid input: expected array, received string\n`);
  });

  it('refuses a missing or non-JSON file', () => {
    expect(kvdoctor(['ranges', 'import', join(tmp.dir, 'none.json')]).stderr).toBe(`kvdoctor: ${join(tmp.dir, 'none.json')}: no such file or folder\n`);
    const text = join(tmp.dir, 'tags.json');
    writeFileSync(text, 'not json');
    const r = kvdoctor(['ranges', 'import', text]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^kvdoctor: .*tags\.json: not JSON \(/);
  });

  it('a damaged cache is one warning line; the diagnosis goes on without it', () => {
    const cache = join(tmp.dir, 'kvdoctor', 'service-tags.json');
    mkdirSync(join(tmp.dir, 'kvdoctor'));
    writeFileSync(cache, '{"format":"something else"}');
    const d = kvdoctor(['diagnose', '--format', 'csv', '-'], { input: EASTUS_LOG, env: { XDG_CACHE_HOME: tmp.dir } });
    expect(d.status).toBe(1);
    expect(d.stderr).toMatch(new RegExp(`^kvdoctor: ${cache.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a kvdoctor service-tag cache: .*; client addresses were not matched to Azure service tags\\n$`));
  });
});
