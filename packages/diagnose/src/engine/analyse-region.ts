import { normaliseLine } from '../normalise/normalise-line';
import type { Evidence } from '../report/schema';
import { overlaps } from '../rule-kit/occurrence-lists';
import type { Occurrence, Rule } from '../rule-kit/rule';
import { Window } from '../rule-kit/window';
import type { RegionLines } from '../scan/scanner';
import { dropForeignCodes } from './foreign-codes';

export interface Found {
  readonly rule: Rule;
  readonly occurrence: Occurrence;
  readonly evidence: Evidence[];
}

/** Evidence shows the identifying line and the message lines after it, not the whole context. */
const EVIDENCE_LINES = 8;
const EVIDENCE_CHARS = 500;

/** `other` is the superseding family's reading of the same message as `occ`. */
function sameMessage(other: Occurrence, occ: Occurrence): boolean {
  return occ.anchor === other.anchor || (occ.strong === false && overlaps(other, occ));
}

function evidenceOf(window: Window, occ: Occurrence): Evidence[] {
  const out: Evidence[] = [];
  for (let i = occ.anchor; i <= Math.min(occ.to, occ.anchor + EVIDENCE_LINES - 1); i++) {
    const l = window.lines[i];
    if (l) out.push({ line: l.line, text: l.text.length > EVIDENCE_CHARS ? `${l.text.slice(0, EVIDENCE_CHARS)}…` : l.text });
  }
  return out;
}

/**
 * Runs every rule whose marker is in the region (`raw`: its lines joined, as the caller already
 * has them), then applies the rules' own precedence metadata.
 */
export function analyseRegion(region: RegionLines, raw: string, rules: readonly Rule[]): Found[] {
  const candidates = rules.filter((r) => r.markers.some((m) => raw.includes(m)));
  if (candidates.length === 0) return [];
  const window = new Window(region.lines.flatMap((text, i) => normaliseLine(text, region.firstLine + i)));
  const found = candidates.flatMap((rule) => rule.match(window).map((occurrence) => ({ rule, occurrence })));
  // Only the occurrences of families that supersede another are compared with the rest, and only
  // wrapper occurrences with the others: a log full of one family's errors stays linear.
  const superseders = found.filter((o) => (o.rule.meta.supersedes ?? []).length > 0);
  const specific = found.filter((f) => !superseders.some((o) => o !== f && (o.rule.meta.supersedes ?? []).includes(f.rule.meta.id) && sameMessage(o.occurrence, f.occurrence)));
  const wrappers = specific.filter((f) => f.rule.meta.wrapper);
  const explained = wrappers.length === 0 ? [] : specific.filter((o) => !o.rule.meta.wrapper);
  const kept = specific.filter((f) => !f.rule.meta.wrapper || !explained.some((o) => overlaps(o.occurrence, f.occurrence)));
  return kept.map((f) => ({
    rule: f.rule,
    occurrence: { ...f.occurrence, facts: dropForeignCodes(f.occurrence.facts, f.rule, rules) },
    evidence: evidenceOf(window, f.occurrence),
  }));
}
