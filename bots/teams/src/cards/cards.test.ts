import { azureRanges } from '@kvdoctor/azure-ranges';
import { diagnose, explain } from '@kvdoctor/diagnose';
import { AZDO_FIREWALL, JOB_LOGS, THREE_ERRORS } from '../../test/fixtures/logs';
import { SEED_FIREWALL, TERRAFORM_FIREWALL } from '../../test/fixtures/texts';
import { cardProblems, cardText, codeBlocks, collapsedText, elementById, executeActions, markdownTags } from '../../test/helpers/cards';
import { checkData } from '../actions';
import { DEFAULT_LIMITS } from '../conversation/limits';
import { cardBytes, type AdaptiveCard } from './adaptive';
import { explainCard } from './explain-card';
import { familiesCard } from './families-card';
import { findingCard, type FindingView } from './finding-card';
import { noFindingCard } from './no-finding-card';
import { summaryCard } from './summary-card';
import { verdictCard } from './verdict-card';
import { welcomeCard } from './welcome-card';

function viewsOf(text: string, source?: string): FindingView[] {
  return diagnose(text, { serviceTags: azureRanges() }).findings.map((finding) => ({ finding, source }));
}

function viewOf(text: string, source?: string): FindingView {
  const [view] = viewsOf(text, source);
  if (view === undefined) throw new Error('expected a finding');
  return view;
}

/** What the bot sends for a log: one finding card, or a summary for several. */
function answerCard(text: string): AdaptiveCard {
  const views = viewsOf(text);
  const [only] = views;
  return views.length === 1 && only !== undefined ? findingCard(only, { liveCheck: true, notices: [] }, DEFAULT_LIMITS.maxCardBytes) : summaryCard(views, { liveCheck: true, notices: [] }, DEFAULT_LIMITS.maxCardBytes);
}

const NOW = new Date('2026-11-23T09:30:00Z');
const data = checkData('hypervmigratio98a5kv', 'firewall', { vault: 'hypervmigratio98a5kv', clientIp: '40.82.190.38' });
const explained = explain('ForbiddenByFirewall');
if (!explained.ok) throw new Error('ForbiddenByFirewall must be explainable');
const AZ = 'az keyvault network-rule add --name hypervmigratio98a5kv --ip-address 40.82.190.38';

describe('every card is valid Adaptive Card 1.5, under 28 KB, and shows placeholders as written', () => {
  const cards: Record<string, AdaptiveCard> = {
    summary: summaryCard([viewOf(SEED_FIREWALL.text, 'a.log'), viewOf(TERRAFORM_FIREWALL.text, 'b.log')], { liveCheck: true, notices: [] }, DEFAULT_LIMITS.maxCardBytes),
    noFinding: noFindingCard(12, ['logs.zip: skipped <weird>.bin (only .log and .txt entries are read).'], 'personal'),
    welcomePersonal: welcomeCard(true, 'personal'),
    welcomeChannelWithoutLiveCheck: welcomeCard(false, 'channel'),
    families: familiesCard(),
    explain: explainCard('ForbiddenByFirewall', explained.value),
    verdict: verdictCard(data, 'Key Vault firewall refused the client address', { ok: true, vault: 'hypervmigratio98a5kv', verdicts: [{ check: 'IP rule', status: 'fail', evidence: 'not listed', command: AZ }, { check: 'Bypass', status: 'unknown', evidence: 'could not read' }] }, NOW),
    verdictError: verdictCard(data, undefined, { ok: false, error: { code: 'forbidden', message: 'The bot may not read this vault.' } }, NOW),
    ...Object.fromEntries(JOB_LOGS.map((log) => [log.name, answerCard(log.text)])),
  };
  it.each(Object.entries(cards))('%s', (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(28 * 1024);
    expect(markdownTags(card)).toEqual([]);
  });
});

describe('a finding card: one screen first, details on demand', () => {
  const card = answerCard(AZDO_FIREWALL.text);

  it('shows the headline, the key facts, the cause in one sentence and the most likely fix, collapsed', () => {
    expect(collapsedText(card)).toEqual([
      'Key Vault firewall refused the client address',
      "The firewall of Key Vault hypervmigratio98a5kv refused client address 40.82.190.38: it matches none of the vault's IP or virtual-network rules, and the caller is not a trusted Microsoft service.",
      'Vault: hypervmigratio98a5kv (canadacentral)',
      'Client IP: 40.82.190.38 (public IPv4; Azure DevOps, Canada geography (40.82.190.38/32))',
      'Caller: app 2c5a35cb-ef1f-4659-98a2-dca8761c0def',
      'Error: 403 · Forbidden · ForbiddenByFirewall',
      'Most likely fix: Allow 40.82.190.38 in the firewall of hypervmigratio98a5kv',
      AZ,
      'Check live config',
      'All fixes',
      'Evidence',
      'Docs',
    ]);
  });

  it('puts the primary command in a CodeBlock (Teams\' copy button) with a monospace fallback', () => {
    const [first] = codeBlocks(card);
    expect(first).toBe(AZ);
    expect(JSON.stringify(card)).toContain(JSON.stringify({ type: 'CodeBlock', codeSnippet: AZ, language: 'Bash', fallback: { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: AZ, fontType: 'Monospace' }] } }));
  });

  it('opens all fixes, the evidence and the docs in place with Action.ToggleVisibility', () => {
    expect(card.actions?.filter((a) => a.type === 'Action.ToggleVisibility')).toEqual([
      { type: 'Action.ToggleVisibility', title: 'All fixes', targetElements: ['all-fixes'] },
      { type: 'Action.ToggleVisibility', title: 'Evidence', targetElements: ['evidence'] },
      { type: 'Action.ToggleVisibility', title: 'Docs', targetElements: ['docs'] },
    ]);
    const fixes = collapsedText({ ...Object(elementById(card, 'all-fixes')), isVisible: true });
    expect(fixes.filter((t) => t.startsWith('Fix '))).toEqual([
      'Fix 1: Allow 40.82.190.38 in the firewall of hypervmigratio98a5kv',
      'Fix 2: Allow the published inbound ranges of Azure DevOps Canada',
      'Fix 3: Run the job where the vault can see it',
    ]);
    expect(fixes).toContain('Add-AzKeyVaultNetworkRule -VaultName hypervmigratio98a5kv -IpAddressRange 40.82.190.38');
    expect(cardText(elementById(card, 'evidence'))).toContain('From the log, line 3:');
    expect(cardText(elementById(card, 'docs'))).toContain('https://learn.microsoft.com/en-us/azure/key-vault/general/network-security');
  });
});

describe('placeholders are shown as written', () => {
  it('keeps <vault-name> and <client-ip> in plain text runs, never in markdown', () => {
    const card = explainCard('ForbiddenByFirewall', explained.value);
    const runs = collapsedText(card);
    expect(runs).toContain('Fix 1: Allow <client-ip> in the firewall of <vault-name>');
    expect(runs).toContain('az keyvault network-rule add --name <vault-name> --ip-address <client-ip>');
    expect(markdownTags(card)).toEqual([]);
  });

  it('escapes < in a fact value, which Teams reads as markdown', () => {
    const view = viewOf(SEED_FIREWALL.text);
    const card = findingCard({ ...view, finding: { ...view.finding, facts: { ...view.finding.facts, vault: '<vault-name>', location: undefined } } }, { liveCheck: false, notices: [] }, DEFAULT_LIMITS.maxCardBytes);
    expect(collapsedText(card)).toContain('Vault: \\<vault-name\\>');
  });
});

describe('a summary card: one line per finding, each expandable', () => {
  const card = answerCard(THREE_ERRORS.text);

  it('lists one line per finding, most important first, each with a Details toggle', () => {
    expect(collapsedText(card)).toEqual([
      '3 Key Vault refusals found',
      'Most important first: the gate that refused first is listed first. Open a line for its fix.',
      '1. Microsoft Entra ID refused to issue a token (AADSTS7000215)',
      'Details',
      '2. Key Vault firewall refused the client address (hypervmigratio98a5kv, 40.82.190.38)',
      'Details',
      '3. Azure RBAC refused the Key Vault data action (ashisa30058-kv)',
      'Details',
    ]);
  });

  it('opens a finding\'s cause, key facts, most likely fix and live-check button under its line', () => {
    expect(collapsedText({ ...Object(elementById(card, 'finding-2')), isVisible: true })).toEqual([
      "The firewall of Key Vault hypervmigratio98a5kv refused client address 40.82.190.38: it matches none of the vault's IP or virtual-network rules, and the caller is not a trusted Microsoft service.",
      'Vault: hypervmigratio98a5kv (canadacentral)',
      'Client IP: 40.82.190.38 (public IPv4; Azure DevOps, Canada geography (40.82.190.38/32))',
      'Caller: app 2c5a35cb-ef1f-4659-98a2-dca8761c0def',
      'Error: 403 · Forbidden · ForbiddenByFirewall',
      'Lines: 2',
      'Most likely fix: Allow 40.82.190.38 in the firewall of hypervmigratio98a5kv',
      AZ,
      'Check live config',
    ]);
  });
});

describe('fitting Teams\' size limit', () => {
  const views = Array.from({ length: 60 }, (_, i) => viewOf(SEED_FIREWALL.text.replaceAll('hypervmigratio98a5kv', `vault-number-${i}`), `job-${i}.log`));

  it('keeps a summary of 60 findings under 28 KB, most important first, and says how many were left out', () => {
    const card = summaryCard(views, { liveCheck: true, notices: [] }, DEFAULT_LIMITS.maxCardBytes);
    expect(cardBytes(card)).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCardBytes);
    expect(cardProblems(card)).toEqual([]);
    const shown = cardText(card);
    expect(shown).toContain('60 Key Vault refusals found');
    expect(shown).toContain('1. Key Vault firewall refused the client address (vault-number-0, 40.82.190.38)');
    const kept = executeActions(card).length;
    expect(kept).toBeGreaterThan(5);
    expect(kept).toBeLessThan(60);
    expect(shown).toContain(`${60 - kept} more findings did not fit in one Teams card; run the kvdoctor CLI on the log for the full report.`);
  });

  it('shortens a finding card\'s hidden sections rather than exceed the limit, keeping the primary fix', () => {
    const full = findingCard(views[0] ?? viewOf(SEED_FIREWALL.text), { liveCheck: false, notices: [] }, DEFAULT_LIMITS.maxCardBytes);
    const small = findingCard(views[0] ?? viewOf(SEED_FIREWALL.text), { liveCheck: false, notices: [] }, cardBytes(full) - 1);
    expect(cardBytes(small)).toBeLessThan(cardBytes(full));
    expect(codeBlocks(small)[0]).toBe('az keyvault network-rule add --name vault-number-0 --ip-address 40.82.190.38');
  });
});

describe('the verdict card', () => {
  it.each([
    ['no-credentials', false],
    ['not-allowed', false],
    ['forbidden', false],
    ['not-found', false],
    ['timeout', true],
    ['throttled', true],
    ['failed', true],
  ] as const)('%s: offers "Check again" only when another click can help (%s)', (code, again) => {
    const card = verdictCard(data, undefined, { ok: false, error: { code, message: 'm' } }, NOW);
    expect(executeActions(card).map((a) => a.title)).toEqual(again ? ['Check again'] : []);
  });
});

describe('secrets in a finding', () => {
  it('a SAS signature in the request URL and the evidence is masked on the card', () => {
    const text = SEED_FIREWALL.text.replace('api-version=2016-10-01’', 'api-version=2016-10-01&sig=AbCdEf0123456789%2Bsecret’');
    const view = viewOf(text);
    expect(view.finding.facts.requestUrl).toBe('https://hypervmigratio98a5kv.vault.azure.net/secrets?api-version=2016-10-01&sig=[REDACTED:sas]');
    const card = JSON.stringify(findingCard(view, { liveCheck: false, notices: [] }, 80 * 1024));
    expect(card).toContain('[REDACTED:sas]');
    expect(card).not.toContain('AbCdEf0123456789');
  });
});
