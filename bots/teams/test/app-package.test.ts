import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readZip } from '../src/zip';

/** The Teams app package: manifest checked offline against Microsoft's bundled schema, real icons, the zip. */
interface PackageScript {
  buildManifest(template: string, botId: string | undefined, version?: string): { manifestVersion: string; id: string; version: string; bots: { botId: string; supportsFiles: boolean }[] };
  PLACEHOLDER: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const script: PackageScript = require('../scripts/package-app.cjs');

const APP_DIR = join(__dirname, '..', 'appPackage');
const TEMPLATE = readFileSync(join(APP_DIR, 'manifest.json'), 'utf8');
const BOT_ID = '3f0a9c2e-7b1d-4e5f-8a6b-9c0d1e2f3a4b';
const SCRIPT = join(__dirname, '..', 'scripts', 'package-app.cjs');

/**
 * Schema problems for a manifest, from @microsoft/app-manifest in a child Node: the package pulls
 * ESM-only dependencies that Node 20 can require but Jest's module loader cannot.
 */
function schemaProblems(manifest: unknown): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'kvdoctor-manifest-')), 'manifest.json');
  writeFileSync(file, JSON.stringify(manifest));
  const run = spawnSync(process.execPath, [SCRIPT, '--validate', file], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const problems: unknown = JSON.parse(run.stdout);
  if (!Array.isArray(problems)) throw new Error('the validator printed no list');
  expect(run.status).toBe(problems.length === 0 ? 0 : 1);
  return problems.map(String);
}

function pngSize(png: Buffer): { width: number; height: number; colourType: number | undefined } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] };
}

describe('appPackage', () => {
  it('uses the newest Teams manifest schema bundled with @microsoft/app-manifest', () => {
    const schemas = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
    const newest = readdirSync(schemas)
      .filter((d) => /^v\d+\.\d+$/.test(d))
      .map((d) => d.slice(1))
      .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
      .pop();
    expect(JSON.parse(TEMPLATE).manifestVersion).toBe(newest);
  });

  it('fills in the bot id and passes the schema, offline', () => {
    const manifest = script.buildManifest(TEMPLATE, BOT_ID.toUpperCase(), '1.4.0');
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots[0]?.botId).toBe(BOT_ID);
    expect(manifest.bots[0]?.supportsFiles).toBe(true);
    expect(manifest.version).toBe('1.4.0');
    expect(schemaProblems(manifest)).toEqual([]);
  });

  it('the schema check catches a broken manifest', () => {
    const broken = { ...script.buildManifest(TEMPLATE, BOT_ID), bots: [{ scopes: ['personal'] }], accentColor: undefined };
    const problems = schemaProblems(broken);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining("must have required property 'accentColor'"), expect.stringContaining("must have required property 'botId'")]));
  });

  it('refuses a bot id that is not a GUID', () => {
    expect(() => script.buildManifest(TEMPLATE, 'my-bot')).toThrow('the bot id must be the bot\'s Microsoft Entra app id (a GUID); got "my-bot"');
    expect(() => script.buildManifest(TEMPLATE, undefined)).toThrow('got ""');
  });

  it('ships real PNG icons: 192x192 colour, 32x32 outline', () => {
    expect(pngSize(readFileSync(join(APP_DIR, 'color.png')))).toEqual({ width: 192, height: 192, colourType: 6 });
    expect(pngSize(readFileSync(join(APP_DIR, 'outline.png')))).toEqual({ width: 32, height: 32, colourType: 6 });
  });

  it('the package script zips manifest and icons at the root, bot id filled in', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kvdoctor-app-')), 'app.zip');
    const run = spawnSync(process.execPath, [SCRIPT, '--bot-id', BOT_ID, '--out', out], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`wrote ${out} (bot ${BOT_ID}, version 0.1.0)\n`);
    const zip = readZip(readFileSync(out), { maxTotal: 1024 * 1024, maxEntries: 10, want: () => true });
    if (!zip.ok) throw new Error(zip.error.message);
    expect(zip.entries.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = zip.entries[0]?.data.toString('utf8') ?? '';
    expect(manifest).not.toContain(script.PLACEHOLDER);
    expect(JSON.parse(manifest).bots[0].botId).toBe(BOT_ID);
  });

  it('the package script exits 2 with a clear line when the bot id is missing', () => {
    const run = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('package-app: the bot id must be the bot\'s Microsoft Entra app id (a GUID); got ""\n');
  });
});
