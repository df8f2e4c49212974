import { card, cardBytes, code, container, facts, text, type AdaptiveCard, type CardElement } from './adaptive';
import { callerText, clientIpText, linesText, toolLabel } from './facts-view';
import { checkAction, docsText, noticeElements, type CardOptions, type FindingView } from './finding-card';

/**
 * Several findings in one compact card, most important first: each section has the headline, the
 * key facts, the first fix's commands and its own live-check button. Sections are shortened, then
 * dropped from the end, until the card fits Teams' size limit.
 */
interface SectionDetail {
  readonly commands: number;
  readonly summary: boolean;
}

const LEVELS: readonly SectionDetail[] = [
  { commands: 2, summary: true },
  { commands: 1, summary: true },
  { commands: 1, summary: false },
  { commands: 0, summary: false },
];

function section(view: FindingView, index: number, options: CardOptions, detail: SectionDetail): CardElement {
  const { finding } = view;
  const fix = finding.fixes[0];
  const items: (CardElement | undefined)[] = [
    text(`${index + 1}. ${finding.title}`, { weight: 'Bolder', color: finding.severity === 'error' ? 'Attention' : 'Warning' }),
    detail.summary ? text(finding.summary) : undefined,
    facts([
      ['Client IP', clientIpText(finding.facts)],
      ['Vault', finding.facts.vault],
      ['Caller', callerText(finding.facts, finding.details)],
      ['AADSTS', finding.facts.aadCode],
      ['Lines', linesText(finding, view.source)],
    ]),
  ];
  if (fix !== undefined) {
    items.push(text(`**Fix:** ${fix.title}`, { spacing: 'Small' }));
    for (const command of fix.commands.slice(0, detail.commands)) {
      items.push(text(toolLabel(command.tool), { size: 'Small', isSubtle: true, spacing: 'None' }), code(command.text));
    }
  }
  items.push(text(docsText(finding, 2), { size: 'Small' }));
  const check = options.liveCheck ? checkAction(view) : undefined;
  if (check !== undefined) items.push({ type: 'ActionSet', actions: [check] });
  return container(items, { separator: true, spacing: 'Medium' });
}

function build(views: readonly FindingView[], total: number, options: CardOptions, detail: SectionDetail): AdaptiveCard {
  const body: CardElement[] = [
    text(`${total} Key Vault refusals found`, { size: 'Medium', weight: 'Bolder' }),
    text('Most important first: the gate that refused first is listed first.', { isSubtle: true, spacing: 'None' }),
    ...views.map((v, i) => section(v, i, options, detail)),
  ];
  const left = total - views.length;
  const notices = left > 0 ? [...options.notices, `${left} more finding${left === 1 ? '' : 's'} did not fit in one Teams card; run the kvdoctor CLI on the log for the full report.`] : options.notices;
  body.push(...noticeElements(notices));
  return card(body);
}

export function summaryCard(views: readonly FindingView[], options: CardOptions, maxBytes: number): AdaptiveCard {
  for (const detail of LEVELS) {
    const c = build(views, views.length, options, detail);
    if (cardBytes(c) <= maxBytes) return c;
  }
  const last = LEVELS[LEVELS.length - 1] ?? { commands: 0, summary: false };
  // Drop sections from the end (the least important) until the card fits; one always stays.
  // Start from a proportional estimate so hundreds of findings do not cost hundreds of builds.
  const whole = cardBytes(build(views, views.length, options, last));
  let kept = Math.max(1, Math.min(views.length - 1, Math.floor((views.length * maxBytes) / whole)));
  let c = build(views.slice(0, kept), views.length, options, last);
  while (kept > 1 && cardBytes(c) > maxBytes) {
    kept -= 1;
    c = build(views.slice(0, kept), views.length, options, last);
  }
  return c;
}
