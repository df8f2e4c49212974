import type { Finding, Fix } from '@kvdoctor/diagnose';
import { checkData } from '../actions';
import { bullets, card, code, container, facts, text, type AdaptiveCard, type CardAction, type CardElement, type ExecuteAction } from './adaptive';
import { factRows, toolLabel } from './facts-view';
import { fitCard } from './fit';

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

/** Detail levels, richest first; the card takes the first that fits Teams' size limit. */
export interface Detail {
  readonly causes: number;
  readonly fixes: number;
  readonly commandsPerFix: number;
  readonly evidenceChars: number;
}

export const FULL: Detail = { causes: 5, fixes: 4, commandsPerFix: 4, evidenceChars: 600 };
const COMPACT: Detail = { causes: 2, fixes: 2, commandsPerFix: 2, evidenceChars: 200 };
const MINIMAL: Detail = { causes: 1, fixes: 1, commandsPerFix: 1, evidenceChars: 0 };

const CHECK_TITLE = 'Check live config';

export function checkAction(view: FindingView): ExecuteAction | undefined {
  const vault = view.finding.facts.vault;
  if (vault === undefined) return undefined;
  const data = checkData(vault, view.finding.rule, view.finding.facts, view.finding.details);
  return { type: 'Action.Execute', title: CHECK_TITLE, verb: data.verb, data };
}

export function fixElements(fix: Fix, index: number, detail: Detail): CardElement[] {
  const out: CardElement[] = [text(`**Fix ${index + 1}: ${fix.title}**`, { spacing: 'Medium' })];
  if (fix.steps.length > 0) out.push(text(fix.steps.map((s, i) => `${i + 1}. ${s}`).join('\r')));
  for (const command of fix.commands.slice(0, detail.commandsPerFix)) {
    out.push(text(toolLabel(command.tool), { size: 'Small', isSubtle: true, spacing: 'Small' }));
    out.push(code(command.text));
  }
  return out;
}

export function docsText(finding: Finding, max: number): string {
  return `Docs: ${finding.docs
    .slice(0, max)
    .map((d) => `[${d.title}](${d.url})`)
    .join(' · ')}`;
}

export function noticeElements(notices: readonly string[]): CardElement[] {
  return notices.length === 0 ? [] : [container([text(bullets(notices), { size: 'Small' })], { style: 'warning', spacing: 'Medium' })];
}

function build(view: FindingView, options: CardOptions, detail: Detail): AdaptiveCard {
  const { finding } = view;
  const evidence = finding.evidence[0];
  const body: CardElement[] = [
    container(
      [
        text(finding.title, { size: 'Medium', weight: 'Bolder', color: finding.severity === 'error' ? 'Attention' : 'Warning' }),
        text(finding.summary),
      ],
      { style: 'emphasis' },
    ),
  ];
  const rows = facts(factRows(finding, view.source));
  if (rows !== undefined) body.push(rows);
  body.push(text('**Why this happens**', { spacing: 'Medium' }), text(bullets(finding.causes.slice(0, detail.causes))));
  finding.fixes.slice(0, detail.fixes).forEach((fix, i) => body.push(...fixElements(fix, i, detail)));
  if (evidence !== undefined && detail.evidenceChars > 0) {
    const quoted = finding.evidence.map((e) => e.text).join('\n');
    body.push(text(`From the log, line ${evidence.line}:`, { size: 'Small', isSubtle: true, spacing: 'Medium' }));
    body.push(code(quoted.length > detail.evidenceChars ? `${quoted.slice(0, detail.evidenceChars)}…` : quoted));
  }
  body.push(...noticeElements(options.notices));
  body.push(text(docsText(finding, 4), { size: 'Small', spacing: 'Medium' }));
  const actions: CardAction[] = [];
  const check = options.liveCheck ? checkAction(view) : undefined;
  if (check !== undefined) actions.push(check);
  const firstDoc = finding.docs[0];
  if (firstDoc !== undefined) actions.push({ type: 'Action.OpenUrl', title: 'Open the docs', url: firstDoc.url });
  return card(body, actions);
}

/** One finding with its facts, causes, fixes and ready-to-copy commands. */
export function findingCard(view: FindingView, options: CardOptions, maxBytes: number): AdaptiveCard {
  return fitCard([FULL, COMPACT, MINIMAL].map((d) => () => build(view, options, d)), maxBytes);
}
