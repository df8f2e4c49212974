import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { SEED_FIREWALL } from '../fixtures/texts';
import { startStack } from '../helpers/stack';

/**
 * End to end in a real browser: the bot (anonymous local mode) + Microsoft 365 Agents Playground
 * (Microsoft's local Teams client) + Debian's chromium driven by playwright-core. The user pastes
 * the seed ForbiddenByFirewall text; the rendered card must name the vault and the address, and
 * "Check live config" must update it in place. A screenshot is kept in artifacts/.
 */
jest.setTimeout(90_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..', '..', '..');
const SCREENSHOTS = join(ROOT, 'artifacts');
const PLAYGROUND = join(dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');

/** Starts the playground on loopback (the preload) and resolves with its port once it listens. */
function startPlayground(botEndpoint: string): Promise<{ child: ChildProcess; port: number }> {
  const work = mkdtempSync(join(tmpdir(), 'kvdoctor-playground-'));
  const child = spawn(process.execPath, ['--require', join(__dirname, 'loopback.cjs'), PLAYGROUND, '-p', '0', '-e', botEndpoint, '--disable-telemetry'], {
    cwd: work,
    env: { PATH: process.env.PATH, HOME: work, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: join(work, 'playground.log') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the playground did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /Listening on (\d+)/.exec(output)?.[1];
      if (port !== undefined) {
        clearTimeout(timer);
        resolve({ child, port: Number(port) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the playground exited (${code}): ${output}`)));
  });
}

describe('Agents Playground + chromium', () => {
  let browser: Browser | undefined;
  let playground: ChildProcess | undefined;
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;

  afterAll(async () => {
    await browser?.close();
    playground?.kill('SIGTERM');
    await stack?.close();
  });

  it('renders the finding card for a pasted seed log, and the live check updates it in place', async () => {
    // Install chromium first: `apt-get install -y chromium` (.ci/run does it), or set CHROMIUM_PATH.
    expect(existsSync(CHROMIUM)).toBe(true);
    stack = await startStack({ deps: { allowedTenants: [] } });
    const started = await startPlayground(`${stack.url}/api/messages`);
    playground = started.child;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await page.goto(`http://127.0.0.1:${started.port}`);

    // Opening the chat installs the app: the welcome card arrives first.
    await page.getByText('kvdoctor: why did Key Vault refuse my pipeline?').first().waitFor({ timeout: 30_000 });

    const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
    await box.click();
    await box.fill(SEED_FIREWALL.text);
    await page.getByRole('button', { name: 'Send Message' }).click();

    const vault = page.getByText('hypervmigratio98a5kv (canadacentral)');
    await vault.waitFor({ timeout: 30_000 });
    await page.getByText(/^40\.82\.190\.38 \(public IPv4/).first().waitFor();
    await page.getByText('az keyvault network-rule add --name hypervmigratio98a5kv --ip-address 40.82.190.38').first().waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await vault.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'teams-playground-finding.png'), fullPage: true });

    await page.getByRole('button', { name: 'Check live config' }).last().click();
    await page.getByText('Live check of hypervmigratio98a5kv: 2 checks failing').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'teams-playground-live-check.png'), fullPage: true });
    expect(stack.logger.events.map((e) => e.event)).toEqual(expect.arrayContaining(['welcome.sent', 'message.answered', 'card-action.answered']));
  });
});
