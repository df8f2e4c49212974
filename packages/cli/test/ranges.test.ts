import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AZDO_LOG, buildCli, kvdoctor, ROOT, tempDir } from './helpers/cli';

beforeAll(buildCli, 120_000);

/** Microsoft's real weekly file, kept in shared/ beside the repository (never committed). */
const TAGS = join(ROOT, '..', 'shared', 'data', 'ServiceTags_Public_20240506.json');
/** The seed log with a client address that AzureCloud.eastus holds (20.42.0.0/17 in that file). */
const EASTUS_LOG = readFileSync(join(ROOT, AZDO_LOG), 'utf8').replace('40.82.190.38', '20.42.0.1');
const OWNER_LINE = '    Address owner            AzureCloud.eastus (20.42.0.0/17)';

let tmp: { dir: string; remove: () => void };
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

describe('kvdoctor ranges import', () => {
  it('compiles the file into $XDG_CACHE_HOME/kvdoctor and diagnose then names the owner of an address', () => {
    const env = { XDG_CACHE_HOME: tmp.dir };
    const cache = join(tmp.dir, 'kvdoctor', 'service-tags.json');
    const r = kvdoctor(['ranges', 'import', TAGS], { env });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`Imported 2601 service tags with 57400 IPv4 ranges (cloud Public, change 305, as of 2024-05-06) into ${cache}\n`);
    expect(JSON.parse(readFileSync(cache, 'utf8')).format).toBe('kvdoctor-service-tags');

    const d = kvdoctor(['diagnose', '-'], { input: EASTUS_LOG, env });
    expect(d.status).toBe(1);
    expect(d.stdout.split('\n')).toContain(OWNER_LINE);
  });

  it('without the cache, diagnose does not name the owner', () => {
    const d = kvdoctor(['diagnose', '-'], { input: EASTUS_LOG, env: { XDG_CACHE_HOME: tmp.dir } });
    expect(d.stdout).not.toContain('Address owner');
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
