import type { ExplainResult } from '@kvdoctor/diagnose';
import { bullets, card, text, type AdaptiveCard, type CardElement } from './adaptive';
import { fixElements, FULL } from './finding-card';

/** `explain CODE`: a family's meaning, causes and fixes with placeholders instead of facts. */
export function explainCard(code: string, result: ExplainResult): AdaptiveCard {
  const body: CardElement[] = [
    text(`${code}: ${result.title}`, { size: 'Medium', weight: 'Bolder' }),
    text(result.description),
    text('**Why this happens**', { spacing: 'Medium' }),
    text(bullets(result.causes)),
  ];
  result.fixes.forEach((fix, i) => body.push(...fixElements(fix, i, FULL)));
  body.push(text('The commands hold placeholders in angle brackets: paste the failing log to get them filled in with your values.', { size: 'Small', isSubtle: true }));
  body.push(text(`Docs: ${result.docs.map((d) => `[${d.title}](${d.url})`).join(' · ')}`, { size: 'Small' }));
  return card(body);
}
