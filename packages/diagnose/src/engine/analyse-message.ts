import { redactLines } from '../redact/redact';
import type { Evidence } from '../report/schema';
import type { Occurrence, Rule } from '../rule-kit/rule';
import { Window, type WindowLine } from '../rule-kit/window';
import { dropForeignCodes } from './foreign-codes';
import { LineSpans, type Span } from './line-spans';

/** A family's occurrence in one message; `evidence` holds indexes into the message's lines. */
export interface Found {
  readonly rule: Rule;
  readonly occurrence: Occurrence;
  readonly evidence: readonly number[];
}

/** Evidence shows the identifying line and the message lines after it, not the whole context. */
const EVIDENCE_LINES = 8;
const EVIDENCE_CHARS = 500;

interface Match {
  readonly rule: Rule;
  readonly occurrence: Occurrence;
}

/**
 * The rules' own precedence metadata: superseded readings and explained wrappers are dropped. A
 * family's reading is superseded where a family that supersedes it read a message on the same
 * anchor line, or (for a weak reading) anywhere in its block; a wrapper is explained where another
 * family's block shares a line with its own. Indexed, so a message full of errors stays linear.
 */
function precedence(found: readonly Match[]): Match[] {
  const byAnchor = new Map<number, Set<string>>();
  const spans = new Map<string, Span[]>();
  for (const o of found) {
    for (const id of o.rule.meta.supersedes ?? []) {
      const ids = byAnchor.get(o.occurrence.anchor) ?? new Set<string>();
      byAnchor.set(o.occurrence.anchor, ids.add(id));
      const list = spans.get(id) ?? [];
      spans.set(id, list);
      list.push(o.occurrence);
    }
  }
  const superseding = new Map([...spans].map(([id, list]) => [id, new LineSpans(list)]));
  const superseded = (f: Match): boolean => {
    const id = f.rule.meta.id;
    if (byAnchor.get(f.occurrence.anchor)?.has(id) === true) return true;
    return f.occurrence.strong === false && superseding.get(id)?.overlaps(f.occurrence.from, f.occurrence.to) === true;
  };
  const specific = found.filter((f) => !superseded(f));
  if (!specific.some((f) => f.rule.meta.wrapper)) return specific;
  const explained = new LineSpans(specific.filter((o) => !o.rule.meta.wrapper).map((o) => o.occurrence));
  return specific.filter((f) => !f.rule.meta.wrapper || !explained.overlaps(f.occurrence.from, f.occurrence.to));
}

/** The occurrence with its line indexes counted from the message's first line. */
function shifted(occ: Occurrence, by: number): Occurrence {
  return by === 0 ? occ : { ...occ, anchor: occ.anchor - by, from: occ.from - by, to: occ.to - by };
}

/** Each candidate reads the message (and, if it declares so, its step's earlier lines) with `cuts`. */
function run(lines: readonly WindowLine[], context: readonly WindowLine[], cuts: readonly number[], candidates: readonly Rule[]): Match[] {
  const plain = new Window(lines, cuts);
  const withContext = context.length === 0 ? plain : new Window([...context, ...lines], cuts.map((c) => c + context.length), context.length);
  return precedence(
    candidates.flatMap((rule) => {
      const window = rule.meta.stepContext === true ? withContext : plain;
      return rule.match(window).map((occurrence) => ({ rule, occurrence: shifted(occurrence, window.messageStart) }));
    }),
  );
}

/**
 * Where two families' errors share one message (no record start between them), the lines where
 * each begins; empty when the message holds one family's error.
 */
function secondMessages(kept: readonly Match[]): number[] {
  const specific = kept.filter((k) => !k.rule.meta.wrapper);
  if (new Set(specific.map((k) => k.rule)).size < 2) return [];
  return [...new Set(specific.map((k) => k.occurrence.anchor))].sort((a, b) => a - b);
}

function evidenceOf(occ: Occurrence): number[] {
  const out: number[] = [];
  for (let i = occ.anchor; i <= Math.min(occ.to, occ.anchor + EVIDENCE_LINES - 1); i++) out.push(i);
  return out;
}

/**
 * Runs the candidate rules over one message (`context`: its step's earlier lines, for the rules
 * that read them). A message that turns out to hold errors of two families is read again with a
 * cut at each error's line, so neither takes the other's facts.
 */
export function analyseMessage(lines: readonly WindowLine[], context: readonly WindowLine[], candidates: readonly Rule[], rules: readonly Rule[]): Found[] {
  let kept = run(lines, context, [], candidates);
  const cuts = secondMessages(kept);
  if (cuts.length > 1) kept = run(lines, context, cuts, candidates);
  return kept.map((f) => ({
    rule: f.rule,
    occurrence: { ...f.occurrence, facts: dropForeignCodes(f.occurrence.facts, f.rule, rules) },
    evidence: evidenceOf(f.occurrence),
  }));
}

/** Evidence as a report shows it, with how many secrets were masked in it. */
export interface MaskedEvidence {
  readonly evidence: Evidence[];
  readonly redactions: number;
}

/**
 * The evidence lines of `found` in this copy of its message (a repeat has its own line numbers),
 * masked and then cut: a secret is recognised whole (a JWT keeps its signature, a client secret
 * crossing the cut is still one), and read with the message's lines before it (a key on one line,
 * its value on the next; a PEM block's BEGIN line).
 */
export function evidenceIn(lines: readonly WindowLine[], found: Found): MaskedEvidence {
  const first = found.evidence[0];
  const last = found.evidence[found.evidence.length - 1];
  if (first === undefined || last === undefined) return { evidence: [], redactions: 0 };
  const shown = redactLines(lines.slice(0, last + 1).map((l) => l.text), first);
  const evidence = found.evidence.flatMap((i) => {
    const line = lines[i]?.line;
    const text = shown.lines[i];
    if (line === undefined || text === undefined) return [];
    return [{ line, text: text.length > EVIDENCE_CHARS ? `${text.slice(0, EVIDENCE_CHARS)}…` : text }];
  });
  return { evidence, redactions: shown.count };
}
