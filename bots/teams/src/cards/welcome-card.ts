import { bullets, card, container, text, type AdaptiveCard } from './adaptive';

/** Sent when the bot is added, and for `help`: what to send and what happens to it. */
export function welcomeCard(liveCheck: boolean): AdaptiveCard {
  const ways = [
    '**Paste** the failed step\'s log here (in a channel, @mention me first). I answer with the cause, the facts I found and the exact commands to fix it.',
    '**Attach** the job log as a .log, .txt or .zip file (in our 1:1 chat) when it is too long to paste.',
    '**explain AADSTS70021** (or ForbiddenByFirewall, or any code) tells you what a code means without a log.',
    liveCheck
      ? '**check** _vault-name_, or the **Check live config** button on an answer, reads the vault\'s real network and access settings (read-only).'
      : '**check** _vault-name_ is off here: no subscription is configured for live checks.',
  ];
  return card([
    text('kvdoctor: why did Key Vault refuse my pipeline?', { size: 'Medium', weight: 'Bolder' }),
    text('Send me a failed CI/CD run and I tell you exactly why Azure Key Vault refused it and what to change.'),
    text(bullets(ways)),
    container(
      [
        text(
          'Rule-based and offline: what you paste is not stored or logged, and any token, secret, signature or connection string I spot is masked in my answers.',
          { size: 'Small', isSubtle: true },
        ),
      ],
      { spacing: 'Medium' },
    ),
  ]);
}

export const HELP_SUMMARY = 'kvdoctor help: paste a failed log, attach a .log/.txt/.zip, "explain CODE", or "check VAULT".';
