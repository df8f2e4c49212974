import { rules } from '@kvdoctor/diagnose';
import { card, plain, text, type AdaptiveCard } from './adaptive';

/** "What can you find?": every family the rules recognise, with the codes that name it. */
export function familiesCard(): AdaptiveCard {
  const lines = rules.map((r) => `• ${r.meta.title}${r.meta.codes.length > 0 ? ` (${r.meta.codes.slice(0, 6).join(', ')}${r.meta.codes.length > 6 ? ', …' : ''})` : ''}`);
  return card([
    text('What kvdoctor recognises', { size: 'Medium', weight: 'Bolder' }),
    plain(lines.join('\n')),
    text('Send **explain** and a code for its causes and fixes, for example explain ForbiddenByFirewall.', { size: 'Small', isSubtle: true, spacing: 'Medium' }),
  ]);
}
