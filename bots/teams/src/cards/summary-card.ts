import { card, cardBytes, container, facts, plain, text, type AdaptiveCard, type CardElement } from './adaptive';
import { keyFactRows, linesText } from './facts-view';
import { checkAction, noticeElements, type CardOptions, type FindingView } from './finding-card';
import { primaryFixElements } from './fix-view';

/**
 * Several findings in one card, most important first: one line each, and a "Details" toggle that
 * opens that finding's key facts, cause, most likely fix (ready to copy) and live-check button in
 * place. Details are shortened, then findings dropped from the end, until the card fits.
 */
interface SectionDetail {
  readonly fix: boolean;
  readonly summary: boolean;
}

const LEVELS: readonly SectionDetail[] = [
  { fix: true, summary: true },
  { fix: true, summary: false },
  { fix: false, summary: false },
];

/** The one line a finding gets while collapsed: its title, then where. */
function lineText(view: FindingView, index: number): string {
  const { facts: f } = view.finding;
  const where = [f.vault, f.clientIp, f.aadCode].filter((p): p is string => p !== undefined).join(', ');
  return `${index + 1}. ${view.finding.title}${where === '' ? '' : ` (${where})`}`;
}

function section(view: FindingView, index: number, options: CardOptions, detail: SectionDetail): CardElement[] {
  const { finding } = view;
  const id = `finding-${index + 1}`;
  const check = options.liveCheck ? checkAction(view) : undefined;
  const details = container(
    [
      detail.summary ? plain(finding.summary) : undefined,
      facts([...keyFactRows(finding), ['Lines', linesText(finding, view.source)]]),
      ...(detail.fix ? primaryFixElements(finding) : []),
      check === undefined ? undefined : { type: 'ActionSet', actions: [check] },
    ],
    { id, isVisible: false },
  );
  return [
    {
      type: 'ColumnSet',
      separator: true,
      spacing: 'Small',
      columns: [
        { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [plain(lineText(view, index), { weight: 'Bolder', color: finding.severity === 'error' ? 'Attention' : 'Warning' })] },
        { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', title: 'Details', targetElements: [id] }] }] },
      ],
    },
    details,
  ];
}

function build(views: readonly FindingView[], total: number, options: CardOptions, detail: SectionDetail): AdaptiveCard {
  const body: CardElement[] = [
    text(`${total} Key Vault refusals found`, { size: 'Medium', weight: 'Bolder' }),
    text('Most important first: the gate that refused first is listed first. Open a line for its fix.', { isSubtle: true, spacing: 'None' }),
    ...views.flatMap((v, i) => section(v, i, options, detail)),
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
  const last = LEVELS[LEVELS.length - 1] ?? { fix: false, summary: false };
  // Drop findings from the end (the least important) until the card fits; one always stays.
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
