import type { Finding } from '../report/schema';
import { rules } from '../rules';

/** The gate that refused, as Key Vault names it in `innererror.code`. */
export type Gate = 'connection' | 'firewall' | 'rbac' | 'access-policy';

const CODE_GATES: ReadonlyMap<string, Gate> = new Map([
  ['ForbiddenByConnection', 'connection'],
  ['ForbiddenByFirewall', 'firewall'],
  ['ForbiddenByRbac', 'rbac'],
  ['AccessDenied', 'access-policy'],
  ['ForbiddenByPolicy', 'access-policy'],
]);

/**
 * Which gate refused: the service code the text carried, else the codes the finding's family
 * declares (rule metadata, so no rule id is named here). Undefined for refusals that are not a
 * network or authorization gate (tokens, missing objects).
 */
export function findingGate(finding: Finding): Gate | undefined {
  for (const code of [finding.facts.innerErrorCode, finding.facts.errorCode]) {
    const gate = code === undefined ? undefined : CODE_GATES.get(code);
    if (gate) return gate;
  }
  const rule = rules.find((r) => r.meta.id === finding.rule || (r.meta.aliases ?? []).includes(finding.rule));
  for (const code of rule?.meta.codes ?? []) {
    const gate = CODE_GATES.get(code);
    if (gate) return gate;
  }
  return undefined;
}
