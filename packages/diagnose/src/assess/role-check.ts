import { value } from '../fixes/quote';
import { commands } from './commands';
import { type AssessContext, predates } from './context';
import { neededAction, roleFor } from './data-actions';
import type { DenyAssignmentEntry, RoleAssignmentEntry } from './model';
import { assignmentsOn, denyFor, type Grant, grantOf, targetOf } from './role-grant';
import type { Verdict } from './verdict';

function describe(a: RoleAssignmentEntry): string {
  return `${a.roleName} at ${a.scope}`;
}

function describeGroup(a: RoleAssignmentEntry): string {
  return `${describe(a)} (held by ${a.principalType === undefined ? 'principal' : a.principalType.toLowerCase()} ${a.principalId})`;
}

function denyEvidence(deny: DenyAssignmentEntry, how: string, action: string, objectId: string): string {
  return `RBAC mode, deny assignment ${deny.name} at ${deny.scope} ${how} ${action} for object ${objectId}, whatever its roles grant; Azure creates deny assignments (managed applications, deployment stacks) and they are changed only where they came from`;
}

/** Why a held assignment does not grant the action, when the reason is more than "not in the role". */
function whyNot(a: RoleAssignmentEntry, g: Grant): string | undefined {
  if (g.kind === 'excluded') return `${describe(a)} grants it but its NotDataActions remove it (${g.by})`;
  if (g.kind === 'condition-false') return `${describe(a)} is limited by a condition this request does not meet: ${g.condition}`;
  return undefined;
}

/** RBAC vaults: does the caller hold a role with the data action on the object, the vault or above? */
export function roleCheck(ctx: AssessContext): Verdict {
  const { model } = ctx;
  const needed = neededAction(ctx.finding);
  if ('undocumented' in needed) {
    return {
      check: 'role-assignment',
      status: 'unknown',
      evidence: `RBAC mode: Microsoft documents no data action for ${needed.request}, so its roles cannot be matched against it here (only a role with Microsoft.KeyVault/vaults/* is sure to cover it)`,
      command: commands.listRoles(value(ctx.objectId, 'object-id'), model.id),
    };
  }
  const need = needed;
  const role = roleFor(need.action);
  const oid = value(ctx.objectId, 'object-id');
  const assumed = need.assumed ? ' (assumed: the log does not name the operation)' : '';
  const what = `${need.action}${assumed}${need.request === undefined ? '' : ` for ${need.request}`}`;
  const target = targetOf(model, need);
  if (ctx.objectId === undefined) {
    return {
      check: 'role-assignment',
      status: 'unknown',
      evidence: `RBAC mode: the log names no object id, so no role assignment can be matched; ${what} needs ${role}`,
      command: commands.assignRole(role, oid, model.id),
    };
  }
  const listRoles = commands.listRoles(oid, target);
  if (model.roleAssignments === undefined) {
    return {
      check: 'role-assignment',
      status: 'unknown',
      evidence: `RBAC mode: the role assignments of object ${ctx.objectId} could not be read; ${what} needs ${role}`,
      command: listRoles,
    };
  }
  const denied = denyFor(model, ctx.objectId, need, target);
  if (denied?.certain === true) return { check: 'role-assignment', status: 'fail', evidence: denyEvidence(denied.deny, 'blocks', need.action, ctx.objectId) };
  const oidOf = ctx.objectId;
  // ARM's assignedTo() lists the caller's own assignments and its groups'; anyone else's is not the caller's.
  const held = assignmentsOn(model, target)
    .map((a) => ({ a, g: grantOf(a, model, need), direct: a.principalId.toLowerCase() === oidOf }))
    .filter((h) => h.direct || h.a.principalType?.toLowerCase() === 'group');
  const deniesRead = model.denyAssignments === undefined ? '; deny assignments were not read' : '';
  const direct = held.find((h) => h.direct && h.g.kind === 'grants');
  // A conditional deny matters only where a role would grant: otherwise the missing role decides.
  if (direct !== undefined && denied !== undefined) {
    const how = `may block (under a condition that cannot be evaluated here: ${denied.deny.condition ?? ''})`;
    return { check: 'role-assignment', status: 'unknown', evidence: denyEvidence(denied.deny, how, need.action, ctx.objectId) };
  }
  if (direct !== undefined) {
    return {
      check: 'role-assignment',
      status: 'pass',
      evidence: `RBAC mode, object ${ctx.objectId} holds ${describe(direct.a)}, which grants ${need.action}${deniesRead}: the role is now assigned${predates(ctx, 'rbac', 'assignment', ' (up to 10 minutes)')}`,
    };
  }
  const viaGroup = held.filter((h) => !h.direct && h.g.kind === 'grants');
  if (viaGroup.length > 0) {
    return {
      check: 'role-assignment',
      status: 'unknown',
      evidence: `RBAC mode, object ${ctx.objectId} has no direct role with ${what}; only group assignments grant it: ${viaGroup.map((h) => describeGroup(h.a)).join(', ')}. ARM lists them because the object is a member, but the caller's token carries the membership only once issued after it (and never past the groups overage limit)`,
      command: listRoles,
    };
  }
  const conditional = held.find((h) => h.g.kind === 'condition-unknown');
  if (conditional !== undefined && conditional.g.kind === 'condition-unknown') {
    return {
      check: 'role-assignment',
      status: 'unknown',
      evidence: `RBAC mode, object ${ctx.objectId} holds ${describe(conditional.a)}, which grants ${need.action} only under a condition that cannot be evaluated here: ${conditional.g.condition}`,
      command: listRoles,
    };
  }
  const unread = held.filter((h) => h.g.kind === 'unread');
  if (unread.length > 0) {
    return {
      check: 'role-assignment',
      status: 'unknown',
      evidence: `RBAC mode, object ${ctx.objectId} holds ${unread.map((h) => describe(h.a)).join(', ')}, whose data actions could not be read; ${what} needs ${role}`,
      command: commands.assignRole(role, oid, model.id),
    };
  }
  const reasons = held.flatMap((h) => whyNot(h.a, h.g) ?? []);
  const holds = held.length === 0 ? `no role assignments at or above ${need.object === undefined ? 'the vault' : 'the object'}` : `holds ${held.map((h) => (h.direct ? describe(h.a) : describeGroup(h.a))).join(', ')}`;
  const groups = model.groupsExpanded === true ? 'group assignments included' : 'direct assignments only, group memberships are not expanded';
  return {
    check: 'role-assignment',
    status: 'fail',
    evidence: `RBAC mode, object ${ctx.objectId} has no role with ${what} at this scope (${holds}; ${groups})${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}`,
    command: commands.assignRole(role, oid, model.id),
  };
}
