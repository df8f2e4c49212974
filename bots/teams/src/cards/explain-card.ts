import type { ExplainResult } from '@kvdoctor/diagnose';
import { bullets, card, escapeMarkdown, plain, text, type AdaptiveCard, type CardElement } from './adaptive';
import { fixElements } from './fix-view';

/** `explain CODE`: a family's meaning, causes and fixes with placeholders instead of facts. */
export function explainCard(code: string, result: ExplainResult): AdaptiveCard {
  const body: CardElement[] = [
    plain(`${code}: ${result.title}`, { size: 'Medium', weight: 'Bolder' }),
    plain(result.description),
    text('**Why this happens**', { spacing: 'Medium' }),
    plain(result.causes.map((c) => `• ${c}`).join('\n')),
  ];
  result.fixes.forEach((fix, i) => body.push(...fixElements(fix, i, 4)));
  body.push(text('The commands hold placeholders in angle brackets: paste the failing log to get them filled in with your values.', { size: 'Small', isSubtle: true }));
  body.push(text(bullets(result.docs.map((d) => `[${escapeMarkdown(d.title)}](${d.url})`)), { size: 'Small' }));
  return card(body);
}
