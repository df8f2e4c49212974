import { type ConditionRequest, conditionAllows } from './abac-condition';
import { actionMatches, type NeededAction, scopeCovers } from './data-actions';
import type { DenyAssignmentEntry, RoleAssignmentEntry, VaultAccessModel } from './model';

/** What one assignment does for one request. */
export type Grant =
  | { readonly kind: 'grants' }
  | { readonly kind: 'lacks' }
  /** The role's data actions cover it but its NotDataActions take it out again. */
  | { readonly kind: 'excluded'; readonly by: string }
  | { readonly kind: 'condition-false'; readonly condition: string }
  | { readonly kind: 'condition-unknown'; readonly condition: string }
  | { readonly kind: 'unread' };

/** The resource the request touched: the object when the URL named one, else the vault. */
export function targetOf(model: VaultAccessModel, need: NeededAction): string {
  return need.object === undefined ? model.id : `${model.id}/${need.object.kind}/${need.object.name}`;
}

export function grantOf(a: RoleAssignmentEntry, model: VaultAccessModel, need: NeededAction): Grant {
  if (a.dataActions === undefined) return { kind: 'unread' };
  if (!a.dataActions.some((d) => actionMatches(d, need.action))) return { kind: 'lacks' };
  // "DataActions - NotDataActions = Effective data plane permissions" (Understand Azure role definitions).
  const by = (a.notDataActions ?? []).find((d) => actionMatches(d, need.action));
  if (by !== undefined) return { kind: 'excluded', by };
  if (a.condition === undefined) return { kind: 'grants' };
  const allows = conditionAllows(a.condition, conditionRequest(model, need));
  if (allows === true) return { kind: 'grants' };
  return allows === false ? { kind: 'condition-false', condition: a.condition } : { kind: 'condition-unknown', condition: a.condition };
}

/** Assignments that reach the target: at it or any ancestor (a vault, its group, subscription, …). */
export function assignmentsOn(model: VaultAccessModel, target: string): RoleAssignmentEntry[] {
  return (model.roleAssignments ?? []).filter((a) => scopeCovers(a.scope, target));
}

/**
 * The deny assignment that blocks this request, if any: "Deny assignments block users from performing
 * specific Azure resource actions even if a role assignment grants them access." ARM listed these for
 * the caller and its groups, so each applies unless it excludes the caller or stops above the target.
 */
export function denyFor(model: VaultAccessModel, objectId: string, need: NeededAction, target: string): { deny: DenyAssignmentEntry; certain: boolean } | undefined {
  const reaching = (model.denyAssignments ?? []).filter((d) => {
    const here = d.scope.toLowerCase() === target.toLowerCase();
    if (!here && (d.doNotApplyToChildScopes || !scopeCovers(d.scope, target))) return false;
    if (d.excludePrincipals.some((p) => p.toLowerCase() === objectId)) return false;
    return d.dataActions.some((a) => actionMatches(a, need.action)) && !d.notDataActions.some((a) => actionMatches(a, need.action));
  });
  const holds = reaching.map((deny) => ({ deny, applies: deny.condition === undefined ? true : conditionAllows(deny.condition, conditionRequest(model, need)) }));
  const certain = holds.find((h) => h.applies === true);
  if (certain !== undefined) return { deny: certain.deny, certain: true };
  const maybe = holds.find((h) => h.applies === undefined);
  return maybe === undefined ? undefined : { deny: maybe.deny, certain: false };
}

function conditionRequest(model: VaultAccessModel, need: NeededAction): ConditionRequest {
  const secretName = need.object?.kind === 'secrets' ? need.object.name : undefined;
  return { action: need.action, vaultName: model.name, ...(secretName === undefined ? {} : { secretName }) };
}
