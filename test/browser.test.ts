import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { AZURE_DEVOPS_BLOG_FACTS, AZURE_DEVOPS_BLOG_IP_RULE } from './fixtures/seeds/azure-devops-blog';

/**
 * @kvdoctor/diagnose runs anywhere: its sources use no Node built-in, its esbuild browser bundle
 * stays within budget, and in a real Chromium page (Debian's chromium, as the bot's Playground
 * test uses) it diagnoses the seed blog's refusal and reads the shipped Azure ranges.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundleForBrowser, BUDGET_GZIP_BYTES } = require('../packages/diagnose/scripts/bundle-browser.cjs') as {
  bundleForBrowser: (format: 'esm' | 'iife') => Promise<Uint8Array>;
  BUDGET_GZIP_BYTES: number;
};

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..');
const LIBRARY = join(ROOT, 'packages', 'diagnose', 'src');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SEED = readFileSync(join(__dirname, 'fixtures', 'seeds', 'blog-azure-devops-firewalled-keyvault.txt'), 'utf8');
const RANGES_INDEX = readFileSync(join(ROOT, 'packages', 'azure-ranges', 'data', 'index.json'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

test('the library sources import no Node built-in and use neither Buffer nor process', () => {
  const offenders = sources(LIBRARY).flatMap((path) => {
    const text = readFileSync(path, 'utf8');
    return [/from '(node:)?(fs|path|os|zlib|crypto|buffer|child_process|worker_threads|stream|util)'/, /\bBuffer\.\w/, /\bprocess\.\w/]
      .filter((pattern) => pattern.test(text))
      .map((pattern) => `${relative(ROOT, path)}: ${pattern.source}`);
  });
  // Test helpers (testRule, fixtures) run under Jest only.
  expect(offenders.filter((o) => !o.includes('rule-kit/test-rule.ts'))).toEqual([]);
});

test('the browser bundle stays within its gzip budget', async () => {
  const bytes = await bundleForBrowser('esm');
  expect(gzipSync(bytes).length).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
});

describe('in a Chromium page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('diagnose() names the seed blog\'s firewall refusal, its facts and the fix; the Azure ranges name a hosted agent; zod speaks English', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>kvdoctor</title>');
    await page.addScriptTag({ content: Buffer.from(await bundleForBrowser('iife')).toString('utf8') });
    const seen = await page.evaluate(
      ({ text, index }) => {
        // The bundle's global, typed here only as far as this page uses it.
        const kv = (globalThis as unknown as { kvdoctor: KvGlobal }).kvdoctor;
        interface KvGlobal {
          diagnose(text: string, options?: { serviceTags?: unknown }): { findings: { rule: string; facts: Record<string, unknown>; fixes: { commands: { text: string }[] }[] }[] };
          parseServiceTagCache(text: string): { ok: boolean; value?: unknown };
          ServiceTagIndex: { of(c: unknown): { lookup(ip: string): { tag: { name: string }; range: string; asOf: string } | undefined } };
          matchNetworkAcls(address: string, networkAcls: unknown): { ok: boolean; error?: { message: string } };
        }
        const [finding] = kv.diagnose(text).findings;
        const cache = kv.parseServiceTagCache(index);
        const hit = cache.ok ? kv.ServiceTagIndex.of(cache.value).lookup('52.168.10.10') : undefined;
        return {
          buffer: typeof (globalThis as { Buffer?: unknown }).Buffer,
          rule: finding?.rule,
          facts: finding?.facts,
          commands: finding?.fixes.flatMap((f) => f.commands.map((c) => c.text)),
          hit: hit === undefined ? undefined : { tag: hit.tag.name, range: hit.range, asOf: hit.asOf },
          // zod/mini has no messages of its own: the library registers English, which a bundler must not drop.
          aclError: kv.matchNetworkAcls('20.1.2.3', { ipRules: 'not a list' }).error?.message,
        };
      },
      { text: SEED, index: RANGES_INDEX },
    );
    expect(seen.buffer).toBe('undefined');
    expect(seen.rule).toBe('firewall');
    expect(seen.facts).toMatchObject({ ...AZURE_DEVOPS_BLOG_FACTS, clientIpOwner: { kind: 'azure-devops', geography: 'Canada' } });
    expect(seen.commands).toContain(AZURE_DEVOPS_BLOG_IP_RULE);
    expect(seen.hit).toEqual({ tag: 'AzureCloud.eastus', range: '52.168.0.0/16', asOf: '2024-05-06' });
    expect(seen.aclError).toBe('networkAcls.ipRules: Invalid input: expected array, received string');
  });
});
