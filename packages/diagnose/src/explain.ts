import { UNKNOWN_PLATFORM } from './platform/detect';
import type { DocLink, Fix } from './report/schema';
import { rules } from './rules';

export interface ExplainResult {
  readonly rule: string;
  readonly title: string;
  readonly description: string;
  readonly causes: readonly string[];
  readonly fixes: readonly Fix[];
  readonly docs: readonly DocLink[];
}

export type ExplainOutcome = { ok: true; value: ExplainResult } | { ok: false; error: { code: 'unknown-code'; message: string; known: readonly string[] } };

/** A family's cause and fixes without a log: by code (`ForbiddenByRbac`, `AKV10032`, `AADSTS70021`) or rule id. */
export function explain(code: string): ExplainOutcome {
  const wanted = code.trim().toLowerCase();
  const rule = rules.find(
    (r) =>
      r.meta.id === wanted ||
      (r.meta.aliases ?? []).includes(wanted) ||
      r.meta.codes.some((c) => c.toLowerCase() === wanted) ||
      r.meta.codeForm?.pattern.test(wanted) === true,
  );
  if (!rule) {
    const known = rules.flatMap((r) => [r.meta.id, ...r.meta.codes]);
    return { ok: false, error: { code: 'unknown-code', message: `no Key Vault family knows "${code.trim()}"`, known } };
  }
  // The code itself is a fact, so a family that explains codes differently (AKV10032 vs AKV10022,
  // AADSTS700213 vs AADSTS7000222) answers for that code, as it would for a log that showed it.
  const canonical = rule.meta.codes.find((c) => c.toLowerCase() === wanted);
  const facts = /^aadsts\d+$/.test(wanted) ? { aadCode: wanted.toUpperCase() } : canonical ? { innerErrorCode: canonical } : {};
  const e = rule.explain({ facts, details: {}, platform: UNKNOWN_PLATFORM });
  return {
    ok: true,
    value: { rule: rule.meta.id, title: rule.meta.title, description: rule.meta.description, causes: e.causes, fixes: e.fixes, docs: rule.meta.docs },
  };
}
