import { diagnose, explain } from '@kvdoctor/diagnose';
import { SEED_FIREWALL, TERRAFORM_FIREWALL } from '../../test/fixtures/texts';
import { cardProblems, cardText, executeActions } from '../../test/helpers/cards';
import { checkData } from '../actions';
import { cardBytes } from './adaptive';
import { explainCard } from './explain-card';
import { findingCard, type FindingView } from './finding-card';
import { noFindingCard } from './no-finding-card';
import { summaryCard } from './summary-card';
import { cannotCheckCard, verdictCard } from './verdict-card';
import { welcomeCard } from './welcome-card';

function viewOf(text: string, source?: string): FindingView {
  const [finding] = diagnose(text).findings;
  if (finding === undefined) throw new Error('expected a finding');
  return { finding, source };
}

const NOW = new Date('2026-11-23T09:30:00Z');
const data = checkData('hypervmigratio98a5kv', 'firewall', { vault: 'hypervmigratio98a5kv', clientIp: '40.82.190.38' });
const explained = explain('ForbiddenByFirewall');
if (!explained.ok) throw new Error('ForbiddenByFirewall must be explainable');

describe('every card is valid Adaptive Card 1.5', () => {
  const cards = {
    finding: findingCard(viewOf(SEED_FIREWALL.text), { liveCheck: true, notices: ['a notice'] }, 80 * 1024),
    summary: summaryCard([viewOf(SEED_FIREWALL.text, 'a.log'), viewOf(TERRAFORM_FIREWALL.text, 'b.log')], { liveCheck: true, notices: [] }, 80 * 1024),
    noFinding: noFindingCard(12, ['a notice']),
    welcome: welcomeCard(true),
    welcomeWithoutLiveCheck: welcomeCard(false),
    explain: explainCard('ForbiddenByFirewall', explained.value),
    verdict: verdictCard(data, 'Key Vault firewall refused the client address', { ok: true, vault: 'hypervmigratio98a5kv', verdicts: [{ check: 'IP rule', status: 'fail', evidence: 'not listed', command: 'az keyvault network-rule add --name hypervmigratio98a5kv --ip-address 40.82.190.38' }, { check: 'Bypass', status: 'unknown', evidence: 'could not read' }] }, NOW),
    verdictError: verdictCard(data, undefined, { ok: false, error: { code: 'forbidden', message: 'The bot may not read this vault.' } }, NOW),
    cannotCheck: cannotCheckCard(data, 'Live checks are off.'),
  };
  it.each(Object.entries(cards))('%s', (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(80 * 1024);
  });
});

describe('fitting Teams\' size limit', () => {
  const views = Array.from({ length: 60 }, (_, i) => viewOf(SEED_FIREWALL.text.replaceAll('hypervmigratio98a5kv', `vault-number-${i}`), `job-${i}.log`));

  it('keeps a summary of 60 findings under 80 KB, most important first, and says how many were left out', () => {
    const card = summaryCard(views, { liveCheck: true, notices: [] }, 80 * 1024);
    expect(cardBytes(card)).toBeLessThanOrEqual(80 * 1024);
    expect(cardProblems(card)).toEqual([]);
    const shown = cardText(card);
    expect(shown).toContain('60 Key Vault refusals found');
    expect(shown).toContain('1. Key Vault firewall refused the client address');
    const kept = executeActions(card).length;
    expect(kept).toBeGreaterThan(5);
    expect(kept).toBeLessThan(60);
    expect(shown).toContain(`${60 - kept} more findings did not fit in one Teams card; run the kvdoctor CLI on the log for the full report.`);
  });

  it('shortens a finding card rather than exceed the limit', () => {
    const full = findingCard(views[0] ?? viewOf(SEED_FIREWALL.text), { liveCheck: false, notices: [] }, 80 * 1024);
    const small = findingCard(views[0] ?? viewOf(SEED_FIREWALL.text), { liveCheck: false, notices: [] }, cardBytes(full) - 1);
    expect(cardBytes(small)).toBeLessThan(cardBytes(full));
    expect(cardText(small)).toContain('az keyvault network-rule add --name vault-number-0 --ip-address 40.82.190.38');
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
