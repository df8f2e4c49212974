import { SUBMIT_KEY } from '../actions';
import { attachHint, type Scope } from '../conversation/scope';
import { bullets, card, container, text, type AdaptiveCard, type CardAction } from './adaptive';

/** Sent when the bot is added, and for `help`: what to send, and buttons that do something now. */
function pasteLine(scope: Scope): string {
  return scope === 'personal'
    ? '**Paste** the failed step\'s log here. I answer with the cause, the facts I found and the exact command to fix it.'
    : '**@mention me** with the failed step\'s log pasted after the mention. I answer with the cause, the facts I found and the exact command to fix it.';
}

function actions(liveCheck: boolean): CardAction[] {
  return [
    {
      type: 'Action.ShowCard',
      title: 'Explain a code',
      card: {
        type: 'AdaptiveCard',
        body: [{ type: 'Input.Text', id: 'code', label: 'Error code', placeholder: 'AADSTS70021 or ForbiddenByFirewall', maxLength: 60 }],
        actions: [{ type: 'Action.Submit', title: 'Explain', data: { [SUBMIT_KEY]: 'explain' } }],
      },
    },
    {
      type: 'Action.ShowCard',
      title: 'Check a vault',
      card: liveCheck
        ? {
            type: 'AdaptiveCard',
            body: [{ type: 'Input.Text', id: 'vault', label: 'Key Vault name', placeholder: 'contoso-prod-kv', maxLength: 24 }],
            actions: [{ type: 'Action.Submit', title: 'Check', data: { [SUBMIT_KEY]: 'check' } }],
          }
        : { type: 'AdaptiveCard', body: [text('Live checks are off on this bot: its admin has not set KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS.')], actions: [] },
    },
    { type: 'Action.Submit', title: 'What can you find?', data: { [SUBMIT_KEY]: 'families' } },
  ];
}

/** The hint starts mid-sentence elsewhere; here it starts one. */
function sentence(clause: string): string {
  return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}`;
}

export function welcomeCard(liveCheck: boolean, scope: Scope): AdaptiveCard {
  const ways = [
    pasteLine(scope),
    `**Too long to paste?** ${sentence(attachHint(scope))}.`,
    '**Explain a code** tells you what an error code means without a log.',
    liveCheck
      ? '**Check a vault**, or **Check live config** on an answer, reads the vault\'s real network and access settings (read-only).'
      : '**Check a vault** is off here: no subscription is configured for live checks.',
  ];
  return card(
    [
      text('kvdoctor: why did Key Vault refuse my pipeline?', { size: 'Medium', weight: 'Bolder' }),
      text(bullets(ways)),
      container(
        [text('Rule-based and offline: what you send is not stored or logged, and any token, secret, signature or connection string I spot is masked in my answers.', { size: 'Small', isSubtle: true })],
        { spacing: 'Medium' },
      ),
    ],
    actions(liveCheck),
  );
}

export const HELP_SUMMARY = 'kvdoctor help: paste a failed log, attach a .log/.txt/.zip, "explain CODE", or "check VAULT".';
