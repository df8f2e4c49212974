import { DetailsSchema, FactsSchema, redact, type Finding } from '@kvdoctor/diagnose';

/**
 * The library masks evidence; a finding's facts, summary and commands are built from the same
 * text, so everything a card shows passes through `redact` once more here. A fact that held a
 * secret (a request URL with a SAS signature) is shown masked, never raw.
 */
export function redactFinding(finding: Finding): { finding: Finding; count: number } {
  let count = 0;
  const r = (s: string): string => {
    const out = redact(s);
    count += out.count;
    return out.text;
  };
  const strings = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? r(v) : v]));
  const facts = FactsSchema.safeParse(strings(finding.facts));
  const details = DetailsSchema.safeParse(strings(finding.details));
  const masked: Finding = {
    ...finding,
    title: r(finding.title),
    summary: r(finding.summary),
    // A masked value that no longer fits its schema (never expected) is dropped rather than shown raw.
    facts: facts.success ? facts.data : {},
    details: details.success ? details.data : {},
    evidence: finding.evidence.map((e) => ({ line: e.line, text: r(e.text) })),
    causes: finding.causes.map(r),
    fixes: finding.fixes.map((f) => ({ title: r(f.title), steps: f.steps.map(r), commands: f.commands.map((c) => ({ tool: c.tool, text: r(c.text) })) })),
  };
  return { finding: masked, count };
}
