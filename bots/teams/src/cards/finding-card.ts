import type { Finding } from '@kvdoctor/diagnose';
import { checkData } from '../actions';
import { bullets, card, code, container, escapeMarkdown, facts, plain, text, type AdaptiveCard, type CardAction, type CardElement, type ExecuteAction } from './adaptive';
import { factRows, keyFactRows } from './facts-view';
import { fitCard } from './fit';
import { fixElements, primaryFixElements } from './fix-view';

export interface FindingView {
  readonly finding: Finding;
  /** File (or zip entry) the finding came from; undefined for a paste. */
  readonly source: string | undefined;
}

export interface CardOptions {
  /** Whether the live check is configured; without it no button is offered. */
  readonly liveCheck: boolean;
  /** Lines about the input itself (masked secrets, cut paste, skipped files). */
  readonly notices: readonly string[];
}

/** How much the hidden sections hold, richest first; the card takes the first that fits. */
interface Detail {
  readonly fixes: number;
  readonly commandsPerFix: number;
  readonly evidenceChars: number;
  readonly docs: number;
}

const LEVELS: readonly Detail[] = [
  { fixes: 4, commandsPerFix: 4, evidenceChars: 600, docs: 4 },
  { fixes: 2, commandsPerFix: 2, evidenceChars: 200, docs: 2 },
  { fixes: 1, commandsPerFix: 1, evidenceChars: 0, docs: 1 },
];

const CHECK_TITLE = 'Check live config';

export function checkAction(view: FindingView): ExecuteAction | undefined {
  const vault = view.finding.facts.vault;
  if (vault === undefined) return undefined;
  const data = checkData(vault, view.finding.rule, view.finding.facts, view.finding.details);
  return { type: 'Action.Execute', title: CHECK_TITLE, verb: data.verb, data };
}

export function docsText(finding: Finding, max: number): string {
  return bullets(finding.docs.slice(0, max).map((d) => `[${escapeMarkdown(d.title)}](${d.url})`));
}

export function noticeElements(notices: readonly string[]): CardElement[] {
  // Notices quote file and entry names, which may hold anything (`<` included).
  return notices.length === 0 ? [] : [container([text(bullets(notices.map(escapeMarkdown)), { size: 'Small' })], { style: 'warning', spacing: 'Medium' })];
}

/** The headline and the cause in one sentence, coloured by severity. */
function headline(finding: Finding): CardElement {
  return container(
    [text(finding.title, { size: 'Medium', weight: 'Bolder', color: finding.severity === 'error' ? 'Attention' : 'Warning' }), plain(finding.summary)],
    { style: 'emphasis' },
  );
}

/** What the log said: every fact read, the lines, and the quoted text (masked already). */
function evidenceElements(view: FindingView, detail: Detail): CardElement[] {
  const { finding } = view;
  const out: CardElement[] = [];
  const rows = facts(factRows(finding, view.source));
  if (rows !== undefined) out.push(rows);
  const first = finding.evidence[0];
  if (first !== undefined && detail.evidenceChars > 0) {
    const quoted = finding.evidence.map((e) => e.text).join('\n');
    out.push(text(`From the log, line ${first.line}:`, { size: 'Small', isSubtle: true, spacing: 'Small' }));
    out.push(code(quoted.length > detail.evidenceChars ? `${quoted.slice(0, detail.evidenceChars)}…` : quoted));
  }
  return out;
}

/** Ids of the hidden sections the toggles open. */
const IDS = { fixes: 'all-fixes', evidence: 'evidence', docs: 'docs' } as const;

function build(view: FindingView, options: CardOptions, detail: Detail): AdaptiveCard {
  const { finding } = view;
  const body: CardElement[] = [headline(finding)];
  const rows = facts(keyFactRows(finding));
  if (rows !== undefined) body.push(rows);
  body.push(...primaryFixElements(finding));
  body.push(
    container(finding.fixes.slice(0, detail.fixes).flatMap((fix, i) => fixElements(fix, i, detail.commandsPerFix)), { id: IDS.fixes, isVisible: false }),
    container(evidenceElements(view, detail), { id: IDS.evidence, isVisible: false }),
    container([text(docsText(finding, detail.docs), { size: 'Small' })], { id: IDS.docs, isVisible: false }),
  );
  body.push(...noticeElements(options.notices));
  const actions: CardAction[] = [];
  const check = options.liveCheck ? checkAction(view) : undefined;
  if (check !== undefined) actions.push(check);
  actions.push(
    { type: 'Action.ToggleVisibility', title: 'All fixes', targetElements: [IDS.fixes] },
    { type: 'Action.ToggleVisibility', title: 'Evidence', targetElements: [IDS.evidence] },
    { type: 'Action.ToggleVisibility', title: 'Docs', targetElements: [IDS.docs] },
  );
  return card(body, actions);
}

/**
 * One finding on one screen: headline, cause, the facts that matter and the most likely fix ready
 * to copy. All fixes, the evidence and the docs open in place (Action.ToggleVisibility), so the
 * collapsed card stays short while the answer is complete.
 */
export function findingCard(view: FindingView, options: CardOptions, maxBytes: number): AdaptiveCard {
  return fitCard(LEVELS.map((d) => () => build(view, options, d)), maxBytes);
}
