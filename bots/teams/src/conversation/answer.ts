import { rules } from '@kvdoctor/diagnose';
import { findingCard, type FindingView } from '../cards/finding-card';
import { noFindingCard } from '../cards/no-finding-card';
import { summaryCard } from '../cards/summary-card';
import type { Diagnosed } from './diagnose-text';
import { formatBytes, type Limits } from './limits';
import { attachHint, type Scope } from './scope';
import type { Reply } from './types';

const RANK = new Map<string, number>(rules.map((r) => [r.meta.id, r.meta.rank]));

function secretsNotice(count: number): string {
  return `Your text held ${count} secret${count === 1 ? '' : 's'} (a token, key, signature or connection string). ${count === 1 ? 'It is' : 'They are'} masked in this answer and nothing was stored; rotate ${count === 1 ? 'it' : 'them'} if this chat is shared.`;
}

function cutNotice(cutAt: number, scope: Scope): string {
  return `The paste was longer than ${formatBytes(cutAt)}, so only its first ${formatBytes(cutAt)} was read. For a complete answer, ${attachHint(scope)}.`;
}

/** Cards for everything diagnosed in one message: the replies most important first. */
export function answer(diagnosed: readonly Diagnosed[], extraNotices: readonly string[], limits: Limits, liveCheck: boolean, scope: Scope): Reply[] {
  const views: FindingView[] = [];
  let secrets = 0;
  let lines = 0;
  const notices: string[] = [];
  for (const d of diagnosed) {
    secrets += d.secrets;
    lines += d.report.stats.lines;
    if (d.cutAt !== undefined) notices.push(cutNotice(d.cutAt, scope));
    // The library masked every secret in the report (facts, details, evidence): cards show it as is.
    for (const finding of d.report.findings) views.push({ finding, source: d.name });
  }
  if (secrets > 0) notices.unshift(secretsNotice(secrets));
  notices.push(...extraNotices);
  // Stable sort: within a rank, the order of the log (and of the files) is kept.
  views.sort((a, b) => (RANK.get(a.finding.rule) ?? 0) - (RANK.get(b.finding.rule) ?? 0));
  const options = { liveCheck, notices };
  const first = views[0];
  if (first === undefined) return [{ kind: 'card', card: noFindingCard(lines, notices, scope), summary: 'No Key Vault refusal found' }];
  if (views.length === 1) {
    const vault = first.finding.facts.vault;
    return [{ kind: 'card', card: findingCard(first, options, limits.maxCardBytes), summary: vault === undefined ? first.finding.title : `${first.finding.title}: ${vault}` }];
  }
  return [{ kind: 'card', card: summaryCard(views, options, limits.maxCardBytes), summary: `${views.length} Key Vault refusals found` }];
}
