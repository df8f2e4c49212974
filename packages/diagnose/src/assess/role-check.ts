import { value } from '../fixes/quote';
import { commands } from './commands';
import { type AssessContext, predates } from './context';
import { actionMatches, neededAction, roleFor, scopeCovers } from './data-actions';
import type { RoleAssignmentEntry } from './model';
import type { Verdict } from './verdict';

function describe(a: RoleAssignmentEntry): string {
  return `${a.roleName} at ${a.scope}`;
}

/** RBAC vaults: does the caller's object hold a role with the data action at the vault or above? */
export function roleCheck(ctx: AssessContext): Verdict {
  const { model } = ctx;
  const need = neededAction(ctx.finding);
  const role = roleFor(need.action);
  const oid = value(ctx.objectId, 'object-id');
  const assumed = need.assumed ? ' (assumed: the log does not name the operation)' : '';
  if (ctx.objectId === undefined) {
    return {
      check: 'role-assignment',
      status: 'unknown',
      evidence: `RBAC mode: the log names no object id, so no role assignment can be matched; ${need.action}${assumed} needs ${role}`,
      command: commands.assignRole(role, oid, model.id),
    };
  }
  if (model.roleAssignments === undefined) {
    return {
      check: 'role-assignment',
      status: 'unknown',
      evidence: `RBAC mode: the role assignments of object ${ctx.objectId} could not be read; ${need.action}${assumed} needs ${role}`,
      command: commands.listRoles(oid, model.id),
    };
  }
  const held = model.roleAssignments.filter((a) => a.principalId.toLowerCase() === ctx.objectId && scopeCovers(a.scope, model.id));
  const granting = held.find((a) => (a.dataActions ?? []).some((d) => actionMatches(d, need.action)));
  if (granting !== undefined) {
    return {
      check: 'role-assignment',
      status: 'pass',
      evidence: `RBAC mode, object ${ctx.objectId} holds ${describe(granting)}, which grants ${need.action}: the role is now assigned${predates(ctx, 'rbac', 'assignment', ' (up to 10 minutes)')}`,
    };
  }
  const unread = held.filter((a) => a.dataActions === undefined);
  if (unread.length > 0) {
    return {
      check: 'role-assignment',
      status: 'unknown',
      evidence: `RBAC mode, object ${ctx.objectId} holds ${unread.map(describe).join(', ')}, whose data actions could not be read; ${need.action}${assumed} needs ${role}`,
      command: commands.assignRole(role, oid, model.id),
    };
  }
  const holds = held.length === 0 ? 'no role assignments at or above the vault' : `holds ${held.map(describe).join(', ')}`;
  return {
    check: 'role-assignment',
    status: 'fail',
    evidence: `RBAC mode, object ${ctx.objectId} has no role with ${need.action}${assumed} at this scope (${holds}; direct assignments only, group memberships are not expanded)`,
    command: commands.assignRole(role, oid, model.id),
  };
}
