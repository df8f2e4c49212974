import { rules } from '@kvdoctor/diagnose';
import { bullets, card, text, type AdaptiveCard } from './adaptive';
import { noticeElements } from './finding-card';

/** What was looked for, so "nothing found" still teaches what the bot recognises. */
function lookedFor(): string[] {
  return rules.map((r) => (r.meta.codes.length > 0 ? `${r.meta.title} (${r.meta.codes.join(', ')})` : r.meta.title));
}

/** The answer when a paste or file holds no Key Vault refusal the rules recognise. */
export function noFindingCard(lines: number, notices: readonly string[]): AdaptiveCard {
  return card([
    text(`No Key Vault refusal found in ${lines} line${lines === 1 ? '' : 's'}`, { size: 'Medium', weight: 'Bolder' }),
    text('I looked for:', { spacing: 'Small' }),
    text(bullets(lookedFor())),
    text('**For a better answer**', { spacing: 'Medium' }),
    text(
      bullets([
        'Paste the whole failed step, from its start to the error, not just the last line: the vault name, client address and caller are usually a few lines above.',
        'If the log is long, attach it as a .log, .txt or .zip file in our 1:1 chat.',
        'Have only an error code? Send **explain** followed by the code, for example explain ForbiddenByFirewall.',
      ]),
    ),
    ...noticeElements(notices),
  ]);
}
