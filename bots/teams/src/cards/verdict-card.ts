import type { CheckData } from '../actions';
import type { LiveCheckErrorCode, LiveCheckOutcome, LiveVerdict, LiveVerdictStatus } from '../conversation/types';
import { bullets, card, codeBlock, container, facts, plain, text, type AdaptiveCard, type CardAction, type CardElement } from './adaptive';
import { callerText, clientIpText } from './facts-view';

/**
 * The card posted under a finding card after "Check live config": what the vault's real
 * configuration says for each check. Built only from the button's data and the outcome, so any
 * bot instance can build it.
 */
const MARK: Record<LiveVerdictStatus, string> = { pass: '✅ Pass', fail: '❌ Fail', unknown: '❔ Unknown' };
const COLOR = { pass: 'Good', fail: 'Attention', unknown: 'Warning' } as const;

function verdictElement(v: LiveVerdict): CardElement {
  return container(
    [
      text(`${MARK[v.status]}: **${v.check}**`, { color: COLOR[v.status] }),
      plain(v.evidence, { spacing: 'None' }),
      v.command === undefined ? undefined : codeBlock(v.command, 'az'),
    ],
    { separator: true },
  );
}

function headline(outcome: LiveCheckOutcome, vault: string): string {
  if (!outcome.ok) return `Live check of ${vault} could not finish`;
  const failing = outcome.verdicts.filter((v) => v.status === 'fail').length;
  if (failing > 0) return `Live check of ${vault}: ${failing} check${failing === 1 ? '' : 's'} failing`;
  if (outcome.verdicts.some((v) => v.status === 'unknown')) return `Live check of ${vault}: nothing failing, some checks unknown`;
  return `Live check of ${vault}: every check passes now`;
}

export function verdictCard(data: CheckData, familyTitle: string | undefined, outcome: LiveCheckOutcome, now: Date): AdaptiveCard {
  const body: CardElement[] = [
    container(
      [
        text(headline(outcome, data.vault), { size: 'Medium', weight: 'Bolder', color: outcome.ok ? 'Default' : 'Attention' }),
        familyTitle === undefined ? undefined : text(`For: ${familyTitle}`, { isSubtle: true, spacing: 'None' }),
      ],
      { style: 'emphasis' },
    ),
  ];
  const rows = facts([
    ['Vault', data.vault],
    ['Client IP', clientIpText(data.facts)],
    ['Caller', callerText(data.facts, {})],
    ['AADSTS', data.facts.aadCode],
  ]);
  if (rows !== undefined) body.push(rows);
  if (outcome.ok) {
    if (outcome.verdicts.length === 0) body.push(text('The live check returned no verdicts for this finding.'));
    body.push(...outcome.verdicts.map(verdictElement));
    if (outcome.notes !== undefined && outcome.notes.length > 0) body.push(container([text(bullets(outcome.notes), { size: 'Small' })], { style: 'warning' }));
  } else {
    body.push(container([plain(outcome.error.message)], { style: 'attention' }));
  }
  body.push(text(`Checked ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC (read-only; nothing was changed).`, { size: 'Small', isSubtle: true }));
  const again: CardAction[] = outcome.ok || RETRYABLE.has(outcome.error.code) ? [{ type: 'Action.Execute', title: 'Check again', verb: data.verb, data }] : [];
  return card(body, again);
}

/**
 * Failures another click can get past. Missing credentials, a vault outside the allow-list or a
 * missing role stay until an admin changes the set-up, so their cards offer no "Check again".
 */
const RETRYABLE: ReadonlySet<LiveCheckErrorCode> = new Set(['timeout', 'throttled', 'failed']);
