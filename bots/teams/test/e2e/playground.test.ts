import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { AZDO_FIREWALL, GITHUB_RBAC, GITLAB_OIDC, TERRAFORM_ACCESS_POLICY, THREE_ERRORS, type JobLog } from '../fixtures/logs';
import { startStack } from '../helpers/stack';

/**
 * End to end in a real browser: the bot (anonymous local mode) + Microsoft 365 Agents Playground
 * (Microsoft's local Teams client) + Debian's chromium driven by playwright-core. Five realistic
 * job logs are pasted one after another; each answer must fit one screen collapsed, show its
 * primary command in a code block, open all its fixes in place, and "Check live config" must add
 * a card without taking the diagnosis off the screen. The welcome card's buttons work, and
 * placeholders such as <vault-name> stay visible. Screenshots and heights go to artifacts/.
 */
jest.setTimeout(180_000);

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


/**
 * Teams' chat column: a 1366 × 768 laptop screen (the most common) less Teams' app bar and chat
 * list leaves ~900 px for the conversation; the Playground's page at this width gives a card of
 * the same width (measured and kept in the artifact).
 */
const VIEWPORT = { width: 1366, height: 768 };
const MAX_COLLAPSED_PX = 900;

interface Expected {
  readonly log: JobLog;
  readonly slug: string;
  /** Visible text that identifies this answer's card. */
  readonly marker: string;
  readonly command: string;
  /** Texts that appear only after expanding. */
  readonly expanded: readonly string[];
  /** Buttons that expand the card. */
  readonly expand: 'All fixes' | 'Details';
}

const EXPECTED: readonly Expected[] = [
  {
    log: AZDO_FIREWALL,
    slug: 'azdo-firewall',
    marker: 'Most likely fix: Allow 40.82.190.38 in the firewall of hypervmigratio98a5kv',
    command: 'az keyvault network-rule add --name hypervmigratio98a5kv --ip-address 40.82.190.38',
    expanded: ['Fix 2: Allow the published inbound ranges of Azure DevOps Canada', 'Fix 3: Run the job where the vault can see it'],
    expand: 'All fixes',
  },
  {
    log: GITLAB_OIDC,
    slug: 'gitlab-oidc',
    marker: 'Most likely fix: GitLab: upgrade GitLab Runner to 16.6 or later',
    command: 'gitlab-runner --version',
    expanded: ['Fix 1: GitLab: upgrade GitLab Runner to 16.6 or later'],
    expand: 'All fixes',
  },
  {
    log: GITHUB_RBAC,
    slug: 'github-rbac',
    marker: 'Most likely fix: Grant Key Vault Secrets Officer on ashisa30058-kv to b677c290-cf4b-4a8e-a60e-91ba650a4abe',
    command: "az role assignment create --role 'Key Vault Secrets Officer' --assignee b677c290-cf4b-4a8e-a60e-91ba650a4abe --scope /subscriptions/37bede89-47b0-42cb-94c0-173753dcad79/resourceGroups/ashisa30058/providers/Microsoft.KeyVault/vaults/ashisa30058-kv",
    expanded: ['Fix 1: Grant Key Vault Secrets Officer on ashisa30058-kv to b677c290-cf4b-4a8e-a60e-91ba650a4abe'],
    expand: 'All fixes',
  },
  {
    log: TERRAFORM_ACCESS_POLICY,
    slug: 'terraform-access-policy',
    marker: 'Most likely fix: Give <app-id> get, list, set on secrets in <vault-name>',
    command: 'az keyvault set-policy --name <vault-name> --spn <app-id> --secret-permissions get list set',
    expanded: ['Fix 1: Give <app-id> get, list, set on secrets in <vault-name>'],
    expand: 'All fixes',
  },
  {
    log: THREE_ERRORS,
    slug: 'three-errors',
    marker: '3 Key Vault refusals found',
    command: 'az keyvault network-rule add --name hypervmigratio98a5kv --ip-address 40.82.190.38',
    expanded: ['Most likely fix: Allow 40.82.190.38 in the firewall of hypervmigratio98a5kv', 'Most likely fix: Grant Key Vault Secrets Officer on ashisa30058-kv to b677c290-cf4b-4a8e-a60e-91ba650a4abe'],
    expand: 'Details',
  },
];

async function paste(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
  await box.click();
  await box.fill(text);
  await page.getByRole('button', { name: 'Send Message' }).click();
}

async function height(card: Locator): Promise<number> {
  const box = await card.boundingBox();
  if (box === null) throw new Error('the card is not on screen');
  return Math.round(box.height);
}

async function fontFamily(element: Locator): Promise<string> {
  return element.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).fontFamily ?? '');
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

  it('answers five real logs with cards that fit one screen, open in place, and keep the diagnosis when checked live', async () => {
    // Install chromium first: `apt-get install -y chromium` (.ci/run does it), or set CHROMIUM_PATH.
    expect(existsSync(CHROMIUM)).toBe(true);
    stack = await startStack({ deps: { allowedTenants: [] } });
    const started = await startPlayground(`${stack.url}/api/messages`);
    playground = started.child;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`http://127.0.0.1:${started.port}`);
    mkdirSync(SCREENSHOTS, { recursive: true });

    // Opening the chat installs the app: the welcome card arrives first, with its buttons.
    await page.getByText('kvdoctor: why did Key Vault refuse my pipeline?').first().waitFor({ timeout: 30_000 });
    for (const name of ['Explain a code', 'Check a vault', 'What can you find?']) await page.getByRole('button', { name }).first().waitFor();
    await page.getByRole('button', { name: 'What can you find?' }).first().click();
    await page.getByText('What kvdoctor recognises', { exact: true }).waitFor({ timeout: 30_000 });

    // "Explain a code" opens a box; the explain card shows its placeholders as written.
    await page.getByRole('button', { name: 'Explain a code' }).first().click();
    await page.getByPlaceholder('AADSTS70021 or ForbiddenByFirewall').first().fill('ForbiddenByFirewall');
    await page.getByRole('button', { name: 'Explain', exact: true }).first().click();
    await page.getByText('Fix 1: Allow <client-ip> in the firewall of <vault-name>', { exact: true }).first().waitFor({ timeout: 30_000 });
    await page.getByText('az keyvault network-rule add --name <vault-name> --ip-address <client-ip>', { exact: true }).first().waitFor();

    const measured: { log: string; collapsedPx: number; expandedPx: number; widthPx: number }[] = [];
    for (const e of EXPECTED) {
      await paste(page, e.log.text);
      const card = page.locator('.ac-adaptiveCard').filter({ hasText: e.marker }).last();
      await card.getByText(e.marker, { exact: true }).first().waitFor({ timeout: 30_000 });
      await card.scrollIntoViewIfNeeded();
      const collapsed = await height(card);
      const width = Math.round((await card.boundingBox())?.width ?? 0);
      await card.screenshot({ path: join(SCREENSHOTS, `teams-card-${e.slug}-collapsed.png`) });
      expect({ log: e.slug, collapsed: collapsed <= MAX_COLLAPSED_PX }).toEqual({ log: e.slug, collapsed: true });

      // Collapsed, every expanded-only text is hidden; a summary shows no command until opened.
      for (const t of e.expanded) expect(await card.getByText(t, { exact: true }).first().isVisible()).toBe(false);
      if (e.expand === 'All fixes') {
        const command = card.getByText(e.command, { exact: true }).first();
        expect(await command.isVisible()).toBe(true);
        expect(await fontFamily(command)).toMatch(/mono|consolas|courier/i);
        await card.getByRole('button', { name: 'All fixes' }).click();
      } else {
        for (const details of await card.getByRole('button', { name: 'Details' }).all()) await details.click();
        const command = card.getByText(e.command, { exact: true }).first();
        expect(await command.isVisible()).toBe(true);
        expect(await fontFamily(command)).toMatch(/mono|consolas|courier/i);
      }
      for (const t of e.expanded) await card.getByText(t, { exact: true }).first().waitFor();
      const expanded = await height(card);
      await card.screenshot({ path: join(SCREENSHOTS, `teams-card-${e.slug}-expanded.png`) });
      measured.push({ log: e.slug, collapsedPx: collapsed, expandedPx: expanded, widthPx: width });
    }
    writeFileSync(join(SCREENSHOTS, 'teams-card-heights.json'), `${JSON.stringify({ viewport: VIEWPORT, maxCollapsedPx: MAX_COLLAPSED_PX, cards: measured }, null, 2)}\n`);

    // "Check live config" on the first answer: the verdict arrives as a new card and the
    // diagnosis stays on screen, unchanged.
    const diagnosis = page.locator('.ac-adaptiveCard').filter({ hasText: EXPECTED[0]?.marker ?? '' }).first();
    await diagnosis.scrollIntoViewIfNeeded();
    await diagnosis.getByRole('button', { name: 'Check live config' }).click();
    const verdict = page.locator('.ac-adaptiveCard').filter({ hasText: 'Live check of hypervmigratio98a5kv: 2 checks failing' }).last();
    await verdict.waitFor({ timeout: 30_000 });
    await page.getByText('Live check of hypervmigratio98a5kv: the result is posted below the diagnosis.').first().waitFor({ timeout: 10_000 });
    await diagnosis.scrollIntoViewIfNeeded();
    expect(await diagnosis.getByText('Key Vault firewall refused the client address', { exact: true }).isVisible()).toBe(true);
    expect(await diagnosis.getByText(EXPECTED[0]?.command ?? '', { exact: true }).first().isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'teams-playground-live-check.png'), fullPage: true });

    // Thanks get one line, not a card.
    await paste(page, 'thanks, that fixed it!');
    await page.getByRole('paragraph').filter({ hasText: 'Glad it helped. Paste the next refusal any time.' }).waitFor({ timeout: 30_000 });
    expect(stack.logger.events.map((e) => e.event)).toEqual(expect.arrayContaining(['welcome.sent', 'message.answered', 'card-action.answered']));
  });
});
