import type { Facts } from '../report/schema';
import type { Rule } from '../rule-kit/rule';

/**
 * Drops an inner error code or AADSTS code that another family declares as its own: in a block
 * that holds two errors, such a code belongs to the neighbouring error, not to this finding.
 * A family that supersedes another reads that family's codes as its own (an NSP denial carries
 * ForbiddenByFirewall). Works from the rules' `codes` and `supersedes` metadata, never from ids.
 */
export function dropForeignCodes(facts: Facts, rule: Rule, rules: readonly Rule[]): Facts {
  const superseded = rules.filter((r) => (rule.meta.supersedes ?? []).includes(r.meta.id));
  const own = new Set([rule, ...superseded].flatMap((r) => r.meta.codes.map((c) => c.toLowerCase())));
  const foreign = (code: string | undefined): boolean =>
    code !== undefined && !own.has(code.toLowerCase()) && rules.some((r) => r !== rule && r.meta.codes.some((c) => c.toLowerCase() === code.toLowerCase()));
  if (!foreign(facts.innerErrorCode) && !foreign(facts.aadCode)) return facts;
  const out: Facts = { ...facts };
  if (foreign(facts.innerErrorCode)) delete out.innerErrorCode;
  if (foreign(facts.aadCode)) delete out.aadCode;
  return out;
}
